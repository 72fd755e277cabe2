package io.camlistore.testkit.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers: auth tokens, storage generations, multipart boundaries. */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * Makes a random lowercase hex string.
   *
   * @param bytes how many random bytes (the string is twice as long)
   * @return the hex string
   */
  public static String randomHex(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }
}
