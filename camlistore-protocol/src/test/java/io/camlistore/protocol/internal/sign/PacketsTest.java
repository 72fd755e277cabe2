package io.camlistore.protocol.internal.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketsTest {
  @Test
  void shortBodiesGetAOneByteLength() {
    assertThat(header(Packets.packet(2, new byte[191]), 2)).containsExactly(0xC2, 191);
  }

  @Test
  void mediumBodiesGetATwoByteLength() {
    assertThat(header(Packets.packet(2, new byte[192]), 3)).containsExactly(0xC2, 0xC0, 0x00);
    assertThat(header(Packets.packet(6, new byte[269]), 3)).containsExactly(0xC6, 0xC0, 0x4D);
    assertThat(header(Packets.packet(2, new byte[8383]), 3)).containsExactly(0xC2, 0xDF, 0xFF);
  }

  @Test
  void longBodiesGetAFiveByteLength() {
    byte[] packet = Packets.packet(2, new byte[8384]);

    assertThat(header(packet, 6)).containsExactly(0xC2, 0xFF, 0x00, 0x00, 0x20, 0xC0);
    assertThat(packet).hasSize(8384 + 6);
  }

  private static int[] header(byte[] packet, int length) {
    return Arrays.stream(toInts(packet)).limit(length).toArray();
  }

  private static int[] toInts(byte[] bytes) {
    int[] ints = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      ints[i] = bytes[i] & 0xFF;
    }
    return ints;
  }
}
