package io.camlistore.testkit.internal;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Receives one blob from a stream: checks the hash is supported, reads at most the size limit,
 * verifies the digest and stores the blob. Shared by multipart upload and PUT.
 */
public final class BlobReceiver {
  /** Room for the largest chunk pk-put makes; each request thread keeps one. */
  private static final int SCRATCH_SIZE = 1 << 20;

  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[SCRATCH_SIZE]);

  private final BlobStore store;
  private final FaultPlan faults;
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
   * @param faults names the blobs to refuse as corrupt
   * @param maxBlobSize the largest blob accepted, in bytes
   */
  public BlobReceiver(BlobStore store, FaultPlan faults, int maxBlobSize) {
    this.store = store;
    this.faults = faults;
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
   * @throws RefusedException if the hash is unsupported, the blob too big or corrupt, or a fault
   *     refuses it
   * @throws IOException if reading fails
   */
  public SizedRef receive(WireRef ref, InputStream in) throws RefusedException, IOException {
    HashAlgorithm algorithm =
        ref.algorithm()
            .orElseThrow(
                () ->
                    new RefusedException(
                        "invalid blob type " + ref + "; no registered hash function"));
    byte[] content = readAtMost(in, maxBlobSize);
    // The real server stops reading at the limit, so an oversized blob fails the digest check.
    boolean oversized = content.length == maxBlobSize && in.read() >= 0;
    MessageDigest digest = algorithm.newDigest();
    String actual = HexFormat.of().formatHex(digest.digest(content));
    BlobRef blobRef = ref.blobRef().orElseThrow();
    if (oversized || !actual.equals(blobRef.digest()) || faults.isRefused(blobRef.toString())) {
      throw new RefusedException("corrupt blob; digest doesn't match");
    }
    store.put(blobRef, content);
    return new SizedRef(ref.toString(), content.length);
  }

  /**
   * Reads up to {@code limit} bytes in large reads into this thread's scratch buffer, then copies
   * them out once: a chunk costs one allocation of its own size, where {@link
   * InputStream#readNBytes(int)} makes a hundred 8 KiB pieces and a growing buffer several copies.
   */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] buffer = SCRATCH.get();
    int filled = 0;
    while (filled < limit) {
      if (filled == buffer.length) {
        // Bigger than any chunk: grow a buffer for this blob only.
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, buffer.length * 2L));
      }
      int n = in.read(buffer, filled, Math.min(buffer.length, limit) - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    return Arrays.copyOf(buffer, filled);
  }
}
