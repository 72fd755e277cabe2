package io.camlistore.client;

import io.camlistore.client.internal.file.DirectoryWriter;
import io.camlistore.client.internal.schema.FileSchema;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One file for {@link FileClient#putFiles(java.util.List)}: where its content comes from, its name
 * and attributes, and the {@link FileOptions} to store it with.
 *
 * <pre>{@code
 * List<FileSource> batch = List.of(
 *     FileSource.of(Path.of("inbox/a.jpg"), FileOptions.contentPermanode()),
 *     FileSource.of(upload, "b.txt", FileMetadata.empty(), FileOptions.contentPermanode()));
 * }</pre>
 *
 * <p>Immutable. A source made from a stream can be stored once: storing reads the stream to its end
 * (it is not closed).
 */
public final class FileSource {
  private final @Nullable Path path;
  private final @Nullable InputStream content;
  private final String fileName;
  private final @Nullable FileMetadata metadata;
  private final FileOptions options;

  private FileSource(
      @Nullable Path path,
      @Nullable InputStream content,
      String fileName,
      @Nullable FileMetadata metadata,
      FileOptions options) {
    this.path = path;
    this.content = content;
    this.fileName = fileName;
    this.metadata = metadata;
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A local file, stored with its content only, named and described as {@link
   * FileClient#putFile(Path)} does.
   *
   * @param file a regular file (a symlink is followed)
   * @return the source
   * @throws IllegalArgumentException if the path is a root, which has no name
   */
  public static FileSource of(Path file) {
    return of(file, FileOptions.defaults());
  }

  /**
   * A local file: its base name and the attributes {@code pk-put file} records (read when it is
   * stored), with the given options.
   *
   * @param file a regular file (a symlink is followed)
   * @param options whether to make a permanode, and which
   * @return the source
   * @throws IllegalArgumentException if the path is a root, which has no name
   */
  public static FileSource of(Path file, FileOptions options) {
    return new FileSource(
        Objects.requireNonNull(file, "file"), null, DirectoryWriter.nameOf(file), null, options);
  }

  /**
   * Content read from a stream, with the given name and attributes, stored with its content only.
   *
   * @param content the bytes; read to the end when stored, not closed
   * @param fileName the file's base name, without {@code /}
   * @param metadata the attributes to record; {@link FileMetadata#empty()} for none
   * @return the source
   * @throws IllegalArgumentException if the name is empty, {@code .}, {@code ..} or contains {@code
   *     /}
   */
  public static FileSource of(InputStream content, String fileName, FileMetadata metadata) {
    return of(content, fileName, metadata, FileOptions.defaults());
  }

  /**
   * Content read from a stream, with the given name, attributes and options.
   *
   * @param content the bytes; read to the end when stored, not closed
   * @param fileName the file's base name, without {@code /}
   * @param metadata the attributes to record; {@link FileMetadata#empty()} for none; its
   *     modification time dates the claims of a {@link FileOptions#contentPermanode()}
   * @param options whether to make a permanode, and which
   * @return the source
   * @throws IllegalArgumentException if the name is empty, {@code .}, {@code ..} or contains {@code
   *     /}
   */
  public static FileSource of(
      InputStream content, String fileName, FileMetadata metadata, FileOptions options) {
    FileSchema.checkName("file", Objects.requireNonNull(fileName, "fileName"));
    return new FileSource(
        null,
        Objects.requireNonNull(content, "content"),
        fileName,
        Objects.requireNonNull(metadata, "metadata"),
        options);
  }

  /** {@return the local file the content comes from, or null for a stream} */
  public @Nullable Path path() {
    return path;
  }

  /** {@return the name the file is stored with} */
  public String fileName() {
    return fileName;
  }

  /** {@return the options the file is stored with} */
  public FileOptions options() {
    return options;
  }

  /** {@return the stream, for a source made from one} */
  @Nullable InputStream content() {
    return content;
  }

  /** {@return the attributes given with a stream; null for a local file, whose are read} */
  @Nullable FileMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "FileSource{"
        + (path != null ? path.toString() : fileName + " (stream)")
        + (options.equals(FileOptions.defaults()) ? "" : ", " + options)
        + "}";
  }
}
