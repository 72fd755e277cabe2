package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A blob's ref and size as listed by the server, with a way to fetch its content. Immutable. */
public final class BlobMeta {
  private final BlobRef blobRef;
  private final long size;
  private final BlobClient client;

  BlobMeta(BlobRef blobRef, long size, BlobClient client) {
    this.blobRef = Objects.requireNonNull(blobRef, "blobRef");
    this.size = size;
    this.client = client;
  }

  /** {@return the blob's ref} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /** {@return the blob's size in bytes, as the server reported it} */
  public long size() {
    return size;
  }

  /**
   * Fetches the blob's content; same as {@code blobs.get(blobRef())}.
   *
   * @return the verified blob
   * @throws NotFoundException if the server no longer has it
   * @throws HashMismatchException if the content does not match the ref
   */
  public Blob getData() {
    return client.get(blobRef);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof BlobMeta that && that.blobRef.equals(blobRef) && that.size == size;
  }

  @Override
  public int hashCode() {
    return blobRef.hashCode() * 31 + Long.hashCode(size);
  }

  @Override
  public String toString() {
    return blobRef + " (" + size + " bytes)";
  }
}
