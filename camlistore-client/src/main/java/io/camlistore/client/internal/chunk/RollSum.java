package io.camlistore.client.internal.chunk;

/**
 * The bup-style rolling checksum pk-put uses to find chunk boundaries (PROTOCOL.md §10.1): a sum
 * over the last 64 bytes that is cheap to update one byte at a time. The sums are unsigned 32-bit
 * values; Java's wrapping {@code int} arithmetic gives the same bits.
 *
 * <p>The checksum is a function of the last 64 bytes alone (the sums start from a window of zeros
 * and every step removes what the leaving byte added), so bytes where no boundary can be taken need
 * not be rolled: {@link #restartAfter} rebuilds the state from the 64 bytes before the next byte
 * that counts.
 *
 * <p>Not thread-safe. One instance serves a whole file.
 */
public final class RollSum {
  private static final int WINDOW = 64;
  private static final int CHAR_OFFSET = 31;

  /** The low 13 bits of {@code s2} all set mark a boundary: on average one byte in 8192. */
  private static final int SPLIT_BITS = 13;

  private static final int SPLIT_MASK = (1 << SPLIT_BITS) - 1;

  private final byte[] window = new byte[WINDOW];
  private int wofs;
  private int s1 = WINDOW * CHAR_OFFSET;
  private int s2 = WINDOW * (WINDOW - 1) * CHAR_OFFSET;

  /** Creates a checksum over a window of 64 zero bytes. */
  public RollSum() {}

  /**
   * Adds one byte, dropping the byte that leaves the window.
   *
   * @param b the next byte
   */
  public void roll(byte b) {
    int drop = window[wofs] & 0xFF;
    s1 += (b & 0xFF) - drop;
    s2 += s1 - WINDOW * (drop + CHAR_OFFSET);
    window[wofs] = b;
    wofs = (wofs + 1) & (WINDOW - 1);
  }

  /**
   * Sets the state to what rolling every byte up to {@code end} would give: the window holds the 64
   * bytes before it.
   *
   * @param buf the bytes
   * @param end index after the last byte of the window, at least 64
   */
  public void restartAfter(byte[] buf, int end) {
    int sum1 = WINDOW * CHAR_OFFSET;
    int sum2 = WINDOW * (WINDOW - 1) * CHAR_OFFSET;
    for (int k = 0; k < WINDOW; k++) {
      // The window of zeros is leaving: each step drops a zero.
      int b = buf[end - WINDOW + k] & 0xFF;
      sum1 += b;
      sum2 += sum1 - WINDOW * CHAR_OFFSET;
    }
    System.arraycopy(buf, end - WINDOW, window, 0, WINDOW);
    save(0, sum1, sum2);
  }

  /**
   * Rolls bytes until the checksum marks a boundary, for scanning a buffer without a call per byte.
   *
   * @param buf the bytes
   * @param from index of the first byte to roll
   * @param to index after the last byte to roll
   * @return the index of the byte after which {@link #onSplit()} first holds (rolling stops there),
   *     or -1 if it held after none of them (all were rolled)
   */
  public int rollUntilSplit(byte[] buf, int from, int to) {
    // The loops work on locals so the JIT can keep the state in registers.
    byte[] win = window;
    int ofs = wofs;
    int sum1 = s1;
    int sum2 = s2;
    int i = from;
    int head = Math.min(to, from + WINDOW);
    // The bytes leaving the window during the first 64 steps were rolled before: take them from
    // the window.
    while (i < head) {
      byte b = buf[i];
      int drop = win[ofs] & 0xFF;
      sum1 += (b & 0xFF) - drop;
      sum2 += sum1 - WINDOW * (drop + CHAR_OFFSET);
      win[ofs] = b;
      ofs = (ofs + 1) & (WINDOW - 1);
      i++;
      if ((sum2 & SPLIT_MASK) == SPLIT_MASK) {
        save(ofs, sum1, sum2);
        return i - 1;
      }
    }
    int found = -1;
    if (i < to) {
      // After that, the byte leaving the window is still in buf 64 bytes back: no window upkeep
      // per byte, which roughly doubles the speed of this loop.
      for (; i < to; i++) {
        int drop = buf[i - WINDOW] & 0xFF;
        sum1 += (buf[i] & 0xFF) - drop;
        sum2 += sum1 - WINDOW * (drop + CHAR_OFFSET);
        if ((sum2 & SPLIT_MASK) == SPLIT_MASK) {
          found = i++;
          break;
        }
      }
      // Refill the window with the last 64 bytes rolled, the oldest at the next write position.
      ofs = (ofs + (i - head)) & (WINDOW - 1);
      for (int k = 0; k < WINDOW; k++) {
        win[(ofs + k) & (WINDOW - 1)] = buf[i - WINDOW + k];
      }
    }
    save(ofs, sum1, sum2);
    return found;
  }

  private void save(int ofs, int sum1, int sum2) {
    wofs = ofs;
    s1 = sum1;
    s2 = sum2;
  }

  /** {@return whether the bytes rolled so far end at a chunk boundary candidate} */
  public boolean onSplit() {
    return (s2 & SPLIT_MASK) == SPLIT_MASK;
  }

  /** {@return the 32-bit digest: {@code s1} in the high half, the low half of {@code s2} below} */
  public int digest() {
    return (s1 << 16) | (s2 & 0xFFFF);
  }

  /**
   * {@return the weight of a boundary found here: 13 plus the number of consecutive one bits of the
   * digest above the 14 lowest; a heavier boundary sits higher in the chunk tree}
   */
  public int bits() {
    int rest = digest() >>> (SPLIT_BITS + 1);
    return SPLIT_BITS + Integer.numberOfTrailingZeros(~rest);
  }
}
