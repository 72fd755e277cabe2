package io.camlistore.client.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RollSumTest {
  /** PROTOCOL.md §10.1 written out with explicit unsigned 32-bit arithmetic, as a reference. */
  private static final class Reference {
    private static final long MASK = 0xFFFF_FFFFL;
    private final int[] window = new int[64];
    private int wofs;
    private long s1 = 64 * 31;
    private long s2 = 64 * 63 * 31;

    void roll(int c) {
      int drop = window[wofs];
      s1 = (s1 + c - drop) & MASK;
      s2 = (s2 + s1 - 64L * (drop + 31)) & MASK;
      window[wofs] = c;
      wofs = (wofs + 1) % 64;
    }

    boolean onSplit() {
      return (s2 & 0x1FFF) == 0x1FFF;
    }

    long digest() {
      return ((s1 << 16) | (s2 & 0xFFFF)) & MASK;
    }

    int bits() {
      int bits = 13;
      long rest = digest() >> 13;
      while (((rest >> 1) & 1) != 0) {
        bits++;
        rest >>= 1;
      }
      return bits;
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 65, 1000, 70_001})
  void restartingFromTheLast64BytesGivesTheStateOfRollingThemAll(int length) {
    byte[] data = randomBytes(length + 500, length);
    RollSum rolled = new RollSum();
    for (int i = 0; i < length; i++) {
      rolled.roll(data[i]);
    }
    RollSum restarted = new RollSum();
    restarted.roll((byte) 7);

    restarted.restartAfter(data, length);

    assertThat(restarted.digest()).isEqualTo(rolled.digest());
    // And both go on alike, through the window kept by the restart.
    assertThat(restarted.rollUntilSplit(data, length, data.length))
        .isEqualTo(rolled.rollUntilSplit(data, length, data.length));
    assertThat(restarted.digest()).isEqualTo(rolled.digest());
  }

  @Test
  void startsFromAWindowOfZeros() {
    RollSum sum = new RollSum();

    assertThat(sum.digest()).isEqualTo((1984 << 16) | (124992 & 0xFFFF));
    assertThat(sum.onSplit()).isFalse();
  }

  @Test
  void rollingByteByByteFollowsTheReferenceDefinition() {
    byte[] data = randomBytes(1 << 20, 1);
    RollSum sum = new RollSum();
    Reference reference = new Reference();
    int splits = 0;

    for (byte b : data) {
      sum.roll(b);
      reference.roll(b & 0xFF);
      assertThat(sum.digest()).isEqualTo((int) reference.digest());
      assertThat(sum.onSplit()).isEqualTo(reference.onSplit());
      if (reference.onSplit()) {
        splits++;
        assertThat(sum.bits()).isEqualTo(reference.bits());
      }
    }

    // About one byte in 8192 is a boundary candidate on random data.
    assertThat(splits).isBetween(64, 200);
  }

  @Test
  void zerosNeverMarkABoundary() {
    RollSum sum = new RollSum();

    assertThat(sum.rollUntilSplit(new byte[1 << 20], 0, 1 << 20)).isEqualTo(-1);
    assertThat(sum.digest()).isEqualTo(new RollSum().digest());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 70, 200, 20_000, 1 << 20})
  void rollingUntilSplitStopsAtEachBoundaryTheSingleByteRollFinds(int maxSegment) {
    byte[] data = randomBytes(1 << 20, 2);
    List<Integer> expected = new ArrayList<>();
    RollSum single = new RollSum();
    for (int i = 0; i < data.length; i++) {
      single.roll(data[i]);
      if (single.onSplit()) {
        expected.add(i);
      }
    }

    RollSum bulk = new RollSum();
    List<Integer> found = new ArrayList<>();
    Random segments = new Random(3);
    int from = 0;
    while (from < data.length) {
      int to = Math.min(data.length, from + 1 + segments.nextInt(maxSegment));
      int split = bulk.rollUntilSplit(data, from, to);
      if (split >= 0) {
        assertThat(bulk.onSplit()).isTrue();
        found.add(split);
        from = split + 1;
      } else {
        from = to;
      }
    }

    assertThat(found).isEqualTo(expected);
    assertThat(bulk.digest()).isEqualTo(single.digest());
  }

  @Test
  void bitsCountTheOnesAboveTheSplitBits() {
    byte[] data = randomBytes(4 << 20, 4);
    RollSum sum = new RollSum();
    Reference reference = new Reference();
    int heaviest = 0;
    int from = 0;
    while (true) {
      int split = sum.rollUntilSplit(data, from, data.length);
      for (int i = from; i <= (split < 0 ? data.length - 1 : split); i++) {
        reference.roll(data[i] & 0xFF);
      }
      if (split < 0) {
        break;
      }
      assertThat(sum.bits()).isEqualTo(reference.bits()).isGreaterThanOrEqualTo(13);
      heaviest = Math.max(heaviest, sum.bits());
      from = split + 1;
    }

    assertThat(heaviest).isGreaterThan(14);
  }
}
