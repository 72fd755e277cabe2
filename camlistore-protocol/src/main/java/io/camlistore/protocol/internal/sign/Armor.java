package io.camlistore.protocol.internal.sign;

import java.util.Base64;

/**
 * OpenPGP ASCII armor (RFC 4880 §6) in the two forms Perkeep uses: the multi-line block of a public
 * key blob, written exactly like Go's {@code armor.Encode}, and the one-line form of {@code
 * camliSig} (base64 body immediately followed by {@code =} and the base64 CRC-24).
 */
public final class Armor {
  private static final int LINE_LENGTH = 64;
  private static final int CRC24_INIT = 0xB704CE;
  private static final int CRC24_POLY = 0x1864CFB;

  private Armor() {}

  /**
   * Armors data the way Go's {@code armor.Encode} does without headers: begin line, empty line,
   * base64 in lines of 64 characters, {@code =CRC} line, end line, final newline.
   *
   * @param blockType e.g. {@code PGP PUBLIC KEY BLOCK}
   * @param data the packets to armor
   * @return the armored text
   */
  public static String armor(String blockType, byte[] data) {
    String body = Base64.getEncoder().encodeToString(data);
    StringBuilder out = new StringBuilder(body.length() + body.length() / LINE_LENGTH + 100);
    out.append("-----BEGIN ").append(blockType).append("-----\n\n");
    for (int start = 0; start < body.length(); start += LINE_LENGTH) {
      if (start > 0) {
        out.append('\n');
      }
      out.append(body, start, Math.min(body.length(), start + LINE_LENGTH));
    }
    out.append("\n=").append(checksum(data)).append('\n');
    out.append("-----END ").append(blockType).append("-----\n");
    return out.toString();
  }

  /**
   * Armors data as one line: the base64 body followed directly by {@code =} and the checksum.
   *
   * @param data the packets to armor
   * @return e.g. {@code wsBcBAAB…2TVA==M8eK}
   */
  public static String oneLine(byte[] data) {
    return Base64.getEncoder().encodeToString(data) + "=" + checksum(data);
  }

  /**
   * Decodes the one-line form written by {@link #oneLine(byte[])}: the text is split before its
   * last {@code =}; the part before is the base64 body, the part after the base64 CRC-24.
   *
   * @param line the one-line armor
   * @return the decoded packets
   * @throws IllegalArgumentException if there is no checksum, the base64 is invalid or the checksum
   *     does not match
   */
  public static byte[] decodeOneLine(String line) {
    int lastEquals = line.lastIndexOf('=');
    if (lastEquals < 0) {
      throw new IllegalArgumentException("no '=' before the armor checksum");
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(line.substring(0, lastEquals));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("armor body is not base64: " + e.getMessage(), e);
    }
    String crc = line.substring(lastEquals + 1);
    if (!crc.equals(checksum(data))) {
      throw new IllegalArgumentException(
          "armor checksum '"
              + crc
              + "' does not match the body (expected '"
              + checksum(data)
              + "')");
    }
    return data;
  }

  /**
   * Computes the armor checksum.
   *
   * @param data the armored bytes
   * @return the base64 of the 24-bit CRC, four characters
   */
  static String checksum(byte[] data) {
    int crc = crc24(data);
    byte[] bytes = {(byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc};
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The CRC-24 of RFC 4880 §6.1. */
  static int crc24(byte[] data) {
    int crc = CRC24_INIT;
    for (byte b : data) {
      crc ^= (b & 0xFF) << 16;
      for (int i = 0; i < 8; i++) {
        crc <<= 1;
        if ((crc & 0x1000000) != 0) {
          crc ^= CRC24_POLY;
        }
      }
    }
    return crc & 0xFFFFFF;
  }
}
