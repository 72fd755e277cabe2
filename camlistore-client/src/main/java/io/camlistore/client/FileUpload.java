package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FileClient} stored for a file or directory: the ref of its {@code file} or {@code
 * directory} schema blob and, when the {@link FileOptions} asked for one, the permanode whose
 * {@code camliContent} names it. Immutable.
 */
public final class FileUpload {
  private final BlobRef contentRef;
  private final @Nullable BlobRef permanodeRef;

  FileUpload(BlobRef contentRef, @Nullable BlobRef permanodeRef) {
    this.contentRef = contentRef;
    this.permanodeRef = permanodeRef;
  }

  /** {@return the ref of the {@code file} or {@code directory} schema blob} */
  public BlobRef contentRef() {
    return contentRef;
  }

  /** {@return the permanode created for the content, or null when none was asked for} */
  public @Nullable BlobRef permanodeRef() {
    return permanodeRef;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FileUpload that
        && that.contentRef.equals(contentRef)
        && Objects.equals(that.permanodeRef, permanodeRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contentRef, permanodeRef);
  }

  @Override
  public String toString() {
    return "FileUpload{"
        + contentRef
        + (permanodeRef == null ? "" : ", permanode " + permanodeRef)
        + "}";
  }
}
