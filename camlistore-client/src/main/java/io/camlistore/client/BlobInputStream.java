package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.HashAlgorithm;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's content as a stream, verified against its ref. <b>Must be closed</b>, which releases the
 * HTTP connection:
 *
 * <pre>{@code
 * try (BlobInputStream in = conn.blobs().getStream(ref)) {
 *   in.transferTo(out);
 * }
 * }</pre>
 *
 * <p>The bytes are hashed as they are read. When the end is reached (or when {@link #close()} is
 * called after all {@link #size()} bytes were read) the digest is compared with the ref and a
 * mismatch throws {@link HashMismatchException}: a caller that reads to the end never mistakes
 * corrupt content for good content. Closing early skips the check and discards the connection. Not
 * thread-safe.
 */
public final class BlobInputStream extends FilterInputStream {
  private final BlobRef blobRef;
  private final long size;
  private final MessageDigest digest;
  private final Closeable response;
  private long bytesRead;
  private boolean verified;
  private boolean closed;

  BlobInputStream(InputStream content, Closeable response, BlobRef blobRef, long size) {
    super(content);
    this.blobRef = blobRef;
    this.size = size;
    this.response = response;
    this.digest = HashAlgorithm.require(blobRef.hashName()).newDigest();
  }

  /** {@return the ref of the blob being read} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /** {@return the blob's size from the server's {@code Content-Length}, or -1 if it sent none} */
  public long size() {
    return size;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      verify();
    } else {
      digest.update((byte) b);
      bytesRead++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      verify();
    } else {
      digest.update(buffer, offset, n);
      bytesRead += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed, so skipping reads through them.
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int got = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (got < 0) {
        break;
      }
      skipped += got;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // Not supported: the digest cannot be rewound.
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported on a verified blob stream");
  }

  /**
   * Closes the stream and releases the connection; verifies the content first if all of it was
   * read.
   *
   * @throws HashMismatchException if all bytes were read and they do not match the ref
   * @throws IOException if closing the connection fails
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (size >= 0 && bytesRead == size) {
        verify();
      }
    } finally {
      // The connection is released whatever the verification says.
      response.close();
    }
  }

  private void verify() {
    if (verified) {
      return;
    }
    verified = true;
    BlobRef actual = BlobRef.fromDigest(blobRef.hashName(), digest.digest());
    if (!actual.equals(blobRef)) {
      throw new HashMismatchException(blobRef, actual);
    }
  }
}
