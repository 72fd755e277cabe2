package io.camlistore.bench;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A stream of pseudo-random bytes of a given length, made on the fly (nothing held in memory).
 * Generated straight into the reader's buffer by a fast generator, so that making the data costs
 * little next to the client work being measured (as reading a cached file would).
 */
final class RandomStream extends InputStream {
  private final SplittableRandom random;
  private long remaining;

  RandomStream(long length, long seed) {
    this.random = new SplittableRandom(seed);
    this.remaining = length;
  }

  @Override
  public int read() {
    if (remaining == 0) {
      return -1;
    }
    remaining--;
    return random.nextInt(256);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (remaining == 0) {
      return -1;
    }
    int n = (int) Math.min(length, remaining);
    int i = offset;
    int end = offset + n;
    for (; i + 8 <= end; i += 8) {
      long bits = random.nextLong();
      for (int b = 0; b < 8; b++) {
        buffer[i + b] = (byte) (bits >>> (8 * b));
      }
    }
    if (i < end) {
      long bits = random.nextLong();
      for (; i < end; i++, bits >>>= 8) {
        buffer[i] = (byte) bits;
      }
    }
    remaining -= n;
    return n;
  }
}
