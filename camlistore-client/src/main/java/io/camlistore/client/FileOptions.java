package io.camlistore.client;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link FileClient} stores a file or directory beyond its content: whether to also create a
 * permanode for it, as {@code pk-put file -permanode} does. The permanode gets a {@code
 * camliContent} claim naming the stored file or directory and a {@code title} claim (the file's
 * name unless another title is given), signed by {@link Connection#signer()}.
 *
 * <pre>{@code
 * FileUpload upload = conn.files().putFile(Path.of("beach.jpg"), FileOptions.permanode());
 * upload.permanodeRef(); // the new permanode, titled "beach.jpg"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FileOptions {
  private static final FileOptions DEFAULTS = new FileOptions(false, null);

  private final boolean permanode;
  private final @Nullable String title;

  private FileOptions(boolean permanode, @Nullable String title) {
    this.permanode = permanode;
    this.title = title;
  }

  /** {@return the default: store the content only, no permanode} */
  public static FileOptions defaults() {
    return DEFAULTS;
  }

  /** {@return options that also create a permanode titled with the file's name} */
  public static FileOptions permanode() {
    return new FileOptions(true, null);
  }

  /**
   * Options that also create a permanode with the given title.
   *
   * @param title the permanode's {@code title}
   * @return the options
   * @throws IllegalArgumentException if the title is empty
   */
  public static FileOptions permanode(String title) {
    if (Objects.requireNonNull(title, "title").isEmpty()) {
      throw new IllegalArgumentException("a permanode title must not be empty");
    }
    return new FileOptions(true, title);
  }

  /** {@return whether a permanode is created for the stored file or directory} */
  public boolean createsPermanode() {
    return permanode;
  }

  /** {@return the permanode's title when one was given; otherwise the file's name is used} */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FileOptions that
        && that.permanode == permanode
        && Objects.equals(that.title, title);
  }

  @Override
  public int hashCode() {
    return Objects.hash(permanode, title);
  }

  @Override
  public String toString() {
    return permanode
        ? "FileOptions{permanode" + (title == null ? "" : ", title=" + title) + "}"
        : "FileOptions{}";
  }
}
