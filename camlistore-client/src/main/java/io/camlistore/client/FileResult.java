package io.camlistore.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FileClient#putFiles(java.util.List)} did with one file: stored it, found it already
 * stored, or failed, with the refs of what it stored or the error. Immutable.
 *
 * <p>"Already stored" is decided from the blobs themselves: the server had every blob the file
 * needs (its chunks, {@code bytes} and {@code file} schema blobs, and its permanode and claims when
 * the options ask for a permanode), as a stat request reported them; never from the search index.
 */
public final class FileResult {
  /** The outcome for one file. */
  public enum Status {
    /** The file is stored now, and at least one of its blobs had to be uploaded. */
    STORED,
    /** The server already had every blob of the file; nothing was uploaded for it. */
    ALREADY_STORED,
    /** The file could not be stored; {@link #error()} says why. */
    FAILED
  }

  private final FileSource source;
  private final Status status;
  private final @Nullable FileUpload upload;
  private final @Nullable RuntimeException error;

  private FileResult(
      FileSource source,
      Status status,
      @Nullable FileUpload upload,
      @Nullable RuntimeException error) {
    this.source = source;
    this.status = status;
    this.upload = upload;
    this.error = error;
  }

  static FileResult stored(FileSource source, FileUpload upload, boolean uploaded) {
    return new FileResult(source, uploaded ? Status.STORED : Status.ALREADY_STORED, upload, null);
  }

  static FileResult failed(FileSource source, RuntimeException error) {
    return new FileResult(source, Status.FAILED, null, error);
  }

  /** {@return the file this result is for} */
  public FileSource source() {
    return source;
  }

  /** {@return whether the file was stored, already stored, or failed} */
  public Status status() {
    return status;
  }

  /** {@return whether the file failed} */
  public boolean failed() {
    return status == Status.FAILED;
  }

  /**
   * {@return the refs of the stored file schema and of its permanode (when the options asked for
   * one); null when the file failed}
   */
  public @Nullable FileUpload upload() {
    return upload;
  }

  /**
   * {@return why the file failed: an {@link java.io.UncheckedIOException} when it could not be
   * read, an {@link IllegalArgumentException} for a bad file (a directory), a {@link
   * CamlistoreException} when the server refused, could not be reached, or signing failed; null
   * unless the file failed}
   */
  public @Nullable RuntimeException error() {
    return error;
  }

  /**
   * {@return the refs of what was stored}
   *
   * @throws RuntimeException the file's error, if it failed
   */
  public FileUpload uploadOrThrow() {
    if (upload == null) {
      throw Objects.requireNonNull(error, "a failed result has an error");
    }
    return upload;
  }

  @Override
  public String toString() {
    return "FileResult{"
        + source
        + ", "
        + status
        + (upload != null ? ", " + upload : "")
        + (error != null ? ", " + error : "")
        + "}";
  }
}
