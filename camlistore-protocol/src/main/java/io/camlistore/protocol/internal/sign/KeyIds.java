package io.camlistore.protocol.internal.sign;

import java.util.HexFormat;

/** The text form of OpenPGP key ids: 16 uppercase hex digits, as Perkeep prints them. */
public final class KeyIds {
  private KeyIds() {}

  /**
   * Formats a key id.
   *
   * @param keyId the 64-bit key id
   * @return e.g. {@code 7559C29EFA90DC38}
   */
  public static String format(long keyId) {
    return HexFormat.of().withUpperCase().toHexDigits(keyId);
  }

  /**
   * Parses a 16-digit hex key id, in either case.
   *
   * @param text the key id text
   * @return the 64-bit key id
   * @throws IllegalArgumentException quoting the text if it is not 16 hex digits
   */
  public static long parse(String text) {
    if (text.length() != 16 || !text.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException(
          "not an OpenPGP key id: '" + text + "' (expected 16 hex digits, e.g. 7559C29EFA90DC38)");
    }
    return HexFormat.fromHexDigitsToLong(text);
  }
}
