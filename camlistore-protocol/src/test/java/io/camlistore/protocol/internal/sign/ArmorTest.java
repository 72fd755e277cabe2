package io.camlistore.protocol.internal.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArmorTest {
  @Test
  void crc24MatchesTheOpenPgpCheckOfAKnownInput() {
    // CRC-24/OPENPGP check value for "123456789".
    assertThat(Armor.crc24("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x21CF02);
    assertThat(Armor.crc24(new byte[0])).isEqualTo(0xB704CE);
  }

  @Test
  void armorBreaksLinesAt64WithoutABlankLineWhenTheBodyFillsTheLastLine() {
    byte[] data = new byte[96]; // 128 base64 characters: exactly two lines

    String armored = Armor.armor("PGP TEST", data);

    String line = "A".repeat(64);
    assertThat(armored)
        .isEqualTo(
            "-----BEGIN PGP TEST-----\n\n"
                + line
                + "\n"
                + line
                + "\n="
                + Armor.checksum(data)
                + "\n-----END PGP TEST-----\n");
  }

  @Test
  void armorKeepsAShortLastLine() {
    byte[] data = new byte[51]; // 68 base64 characters

    assertThat(Armor.armor("PGP TEST", data)).contains("\n" + "A".repeat(64) + "\n" + "AAAA\n=");
  }

  @Test
  void oneLineArmorRoundTrips() {
    byte[] data = "any packet bytes".getBytes(StandardCharsets.US_ASCII);

    String line = Armor.oneLine(data);

    assertThat(line).doesNotContain("\n").endsWith("=" + Armor.checksum(data));
    assertThat(Armor.decodeOneLine(line)).isEqualTo(data);
  }

  @Test
  void oneLineArmorWithPaddingKeepsItBeforeTheChecksum() {
    byte[] data = {1, 2, 3, 4};

    String line = Armor.oneLine(data);

    assertThat(line).startsWith("AQIDBA==").hasSize(8 + 1 + 4);
    assertThat(Armor.decodeOneLine(line)).isEqualTo(data);
  }

  @Test
  void decodingRejectsAWrongChecksum() {
    byte[] data = {1, 2, 3, 4};
    String line = Armor.oneLine(data);
    byte[] other = Arrays.copyOf(data, 5);

    assertThatThrownBy(() -> Armor.decodeOneLine("AQIDBAA=" + Armor.checksum(data)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected '" + Armor.checksum(other) + "'");
    assertThat(Armor.decodeOneLine(line)).isEqualTo(data);
  }
}
