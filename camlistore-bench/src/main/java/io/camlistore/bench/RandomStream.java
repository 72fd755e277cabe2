package io.camlistore.bench;

import java.io.InputStream;
import java.util.Random;

/** A stream of pseudo-random bytes of a given length, made on the fly (nothing held in memory). */
final class RandomStream extends InputStream {
  private final Random random;
  private long remaining;

  RandomStream(long length, long seed) {
    this.random = new Random(seed);
    this.remaining = length;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (remaining == 0) {
      return -1;
    }
    int n = (int) Math.min(length, remaining);
    byte[] chunk = new byte[n];
    random.nextBytes(chunk);
    System.arraycopy(chunk, 0, buffer, offset, n);
    remaining -= n;
    return n;
  }
}
