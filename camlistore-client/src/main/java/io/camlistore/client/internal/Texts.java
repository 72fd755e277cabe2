package io.camlistore.client.internal;

import java.nio.charset.StandardCharsets;

/** Small text helpers for error messages. */
public final class Texts {
  private static final int EXCERPT_LIMIT = 300;

  private Texts() {}

  /**
   * Shortens a body for an error message.
   *
   * @param body the bytes, assumed UTF-8
   * @return at most 300 characters, trimmed, with {@code …} when cut
   */
  public static String excerpt(byte[] body) {
    return excerpt(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Shortens text for an error message.
   *
   * @param text the text
   * @return at most 300 characters, trimmed, with {@code …} when cut
   */
  public static String excerpt(String text) {
    String trimmed = text.strip();
    return trimmed.length() <= EXCERPT_LIMIT
        ? trimmed
        : trimmed.substring(0, EXCERPT_LIMIT) + "\u2026";
  }
}
