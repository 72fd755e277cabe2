package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.io.FilterInputStream;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The content of a stored file, or of a byte range of it, from {@link FileClient#getFile(BlobRef)}.
 * <b>Must be closed</b>, which stops the read-ahead:
 *
 * <pre>{@code
 * try (FileContentStream in = conn.files().getFile(fileRef)) {
 *   Files.copy(in, target);
 * }
 * }</pre>
 *
 * <p>The content is fetched chunk by chunk in order, a few chunks ahead of the reader. Each chunk
 * is verified against its ref before any of its bytes is returned: reads throw {@link
 * HashMismatchException} for a corrupt chunk, {@link NotFoundException} for a missing one, and
 * {@link InvalidSchemaException} if the file's parts tree is malformed. {@link #skip(long)} is
 * cheap: whole chunks and subtrees before the new position are not fetched. Not thread-safe.
 */
public final class FileContentStream extends FilterInputStream {
  private final BlobRef fileRef;
  private final @Nullable String fileName;
  private final FileMetadata metadata;
  private final long fileSize;
  private final long length;

  FileContentStream(
      InputStream content,
      BlobRef fileRef,
      @Nullable String fileName,
      FileMetadata metadata,
      long fileSize,
      long length) {
    super(content);
    this.fileRef = fileRef;
    this.fileName = fileName;
    this.metadata = metadata;
    this.fileSize = fileSize;
    this.length = length;
  }

  /** {@return the ref of the file schema blob being read} */
  public BlobRef fileRef() {
    return fileRef;
  }

  /** {@return the file's name as stored in its schema, or null when it has none} */
  public @Nullable String fileName() {
    return fileName;
  }

  /** {@return the file-system attributes stored with the file} */
  public FileMetadata metadata() {
    return metadata;
  }

  /** {@return the whole file's size in bytes} */
  public long fileSize() {
    return fileSize;
  }

  /** {@return how many bytes this stream returns in all: the file's size, or the range's length} */
  public long length() {
    return length;
  }

  @Override
  public String toString() {
    return "FileContentStream{" + fileRef + ", " + length + " of " + fileSize + " bytes}";
  }
}
