package io.camlistore.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link FileClient} stores a file or directory beyond its content: whether to also make a
 * permanode for it, and which. The permanode gets a {@code camliContent} claim naming the stored
 * file or directory, and optionally {@code title} and {@code tag} claims, signed by {@link
 * Connection#signer()}.
 *
 * <ul>
 *   <li>{@link #contentPermanode()} — as {@code pk-put file -filenodes}: the permanode is derived
 *       from the file's content, so storing the same file again, from this process or any other,
 *       makes byte-identical blobs and no second permanode. The one to use for ingestion.
 *   <li>{@link #permanode()} — as {@code pk-put file -permanode}: a new permanode every time,
 *       titled with the file's name.
 * </ul>
 *
 * <pre>{@code
 * List<FileResult> results = conn.files().putFiles(List.of(
 *     FileSource.of(Path.of("beach.jpg"), FileOptions.contentPermanode().withTags("holiday"))));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FileOptions {
  private static final FileOptions DEFAULTS = new FileOptions(Permanode.NONE, null, List.of());

  /** Which permanode, if any. */
  private enum Permanode {
    NONE,
    NEW,
    FROM_CONTENT
  }

  private final Permanode permanode;
  private final @Nullable String title;
  private final List<String> tags;

  private FileOptions(Permanode permanode, @Nullable String title, List<String> tags) {
    this.permanode = permanode;
    this.title = title;
    this.tags = List.copyOf(tags);
  }

  /** {@return the default: store the content only, no permanode} */
  public static FileOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Options that also create a new permanode, titled with the file's name, as {@code pk-put file
   * -permanode} does. Every store makes another permanode: use {@link #contentPermanode()} to store
   * files idempotently.
   *
   * @return the options
   */
  public static FileOptions permanode() {
    return new FileOptions(Permanode.NEW, null, List.of());
  }

  /**
   * Options that also create a new permanode with the given title.
   *
   * @param title the permanode's {@code title}
   * @return the options
   * @throws IllegalArgumentException if the title is empty
   */
  public static FileOptions permanode(String title) {
    return permanode().withTitle(title);
  }

  /**
   * Options that also give the file a permanode derived from its content, as {@code pk-put file
   * -filenodes} does: a planned permanode whose {@code key} is the ref of the whole content, signed
   * at time 0, and a {@code camliContent} claim naming the file schema, dated (and signed at) the
   * file's modification time, or one second after the Unix epoch when none is recorded (a server
   * ignores claims dated exactly at the epoch). Signed locally with the same key, the blobs are
   * byte-identical to pk-put's; with any signer, storing the same file again makes the same blobs,
   * so a rerun or a second instance adds no second permanode. Two signatures per file; a title or
   * tags add one each.
   *
   * <p>Only for files: a directory has no such permanode.
   *
   * @return the options, with no title and no tags
   */
  public static FileOptions contentPermanode() {
    return new FileOptions(Permanode.FROM_CONTENT, null, List.of());
  }

  /**
   * Returns options that also set the permanode's {@code title}.
   *
   * @param title the title
   * @return new options
   * @throws IllegalArgumentException if the title is empty, or these options make no permanode
   */
  public FileOptions withTitle(String title) {
    if (Objects.requireNonNull(title, "title").isEmpty()) {
      throw new IllegalArgumentException("a permanode title must not be empty");
    }
    requirePermanode("a title");
    return new FileOptions(permanode, title, tags);
  }

  /**
   * Returns options that also add {@code tag} values to the permanode, one {@code add-attribute}
   * claim each (as {@code pk-put file -tag}).
   *
   * @param tags the tags, added to those already set
   * @return new options
   * @throws IllegalArgumentException if a tag is empty, or these options make no permanode
   */
  public FileOptions withTags(String... tags) {
    requirePermanode("tags");
    List<String> all = new ArrayList<>(this.tags);
    for (String tag : tags) {
      if (Objects.requireNonNull(tag, "tag").isEmpty()) {
        throw new IllegalArgumentException("a tag must not be empty");
      }
      if (!all.contains(tag)) {
        all.add(tag);
      }
    }
    return new FileOptions(permanode, title, all);
  }

  private void requirePermanode(String what) {
    if (permanode == Permanode.NONE) {
      throw new IllegalArgumentException(
          what + " needs a permanode: start from FileOptions.contentPermanode() or permanode()");
    }
  }

  /** {@return whether a permanode is made for the stored file or directory} */
  public boolean createsPermanode() {
    return permanode != Permanode.NONE;
  }

  /**
   * {@return whether the permanode is derived from the content ({@link #contentPermanode()}), so
   * that storing the same file again makes the same blobs}
   */
  public boolean permanodeFromContent() {
    return permanode == Permanode.FROM_CONTENT;
  }

  /**
   * {@return the permanode's title, or null when none was given}; a {@link #permanode()} without
   * one is titled with the file's name, a {@link #contentPermanode()} without one gets no title
   * claim
   */
  public @Nullable String title() {
    return title;
  }

  /** {@return the tags added to the permanode, in order} */
  public List<String> tags() {
    return tags;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FileOptions that
        && that.permanode == permanode
        && Objects.equals(that.title, title)
        && that.tags.equals(tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(permanode, title, tags);
  }

  @Override
  public String toString() {
    if (permanode == Permanode.NONE) {
      return "FileOptions{}";
    }
    return "FileOptions{"
        + (permanode == Permanode.NEW ? "permanode" : "contentPermanode")
        + (title == null ? "" : ", title=" + title)
        + (tags.isEmpty() ? "" : ", tags=" + tags)
        + "}";
  }
}
