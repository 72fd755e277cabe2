package io.camlistore.testkit.internal;

import io.camlistore.client.BlobRef;
import io.camlistore.client.internal.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Receives one blob from a stream: checks the hash is supported, reads at most the size limit,
 * verifies the digest and stores the blob. Shared by multipart upload and PUT.
 */
public final class BlobReceiver {
  private final BlobStore store;
  private final int maxBlobSize;

  /** The blob was refused; the message is the real server's wording. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Creates a receiver.
   *
   * @param store where accepted blobs go
   * @param maxBlobSize the largest blob accepted, in bytes
   */
  public BlobReceiver(BlobStore store, int maxBlobSize) {
    this.store = store;
    this.maxBlobSize = maxBlobSize;
  }

  /** {@return the largest blob accepted, in bytes} */
  public int maxBlobSize() {
    return maxBlobSize;
  }

  /**
   * Reads and stores a blob.
   *
   * @param ref the ref the client claims for the bytes
   * @param in the bytes (read up to one byte past the limit)
   * @return the stored blob's ref and size
   * @throws RefusedException if the hash is unsupported, the blob too big or corrupt
   * @throws IOException if reading fails
   */
  public SizedRef receive(WireRef ref, InputStream in) throws RefusedException, IOException {
    HashAlgorithm algorithm =
        ref.algorithm()
            .orElseThrow(
                () ->
                    new RefusedException(
                        "invalid blob type " + ref + "; no registered hash function"));
    byte[] content = in.readNBytes(maxBlobSize);
    // The real server stops reading at the limit, so an oversized blob fails the digest check.
    boolean oversized = in.read() >= 0;
    MessageDigest digest = algorithm.newDigest();
    String actual = HexFormat.of().formatHex(digest.digest(content));
    BlobRef blobRef = ref.blobRef().orElseThrow();
    if (oversized || !actual.equals(blobRef.digest())) {
      throw new RefusedException("corrupt blob; digest doesn't match");
    }
    store.put(blobRef, content);
    return new SizedRef(ref.toString(), content.length);
  }
}
