package io.camlistore.client.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads the RFC 3339 timestamps servers send (UTC or with an offset, up to 9 fraction digits). */
public final class Times {
  private Times() {}

  /**
   * Parses an RFC 3339 timestamp, keeping its full (nanosecond) precision.
   *
   * @param text e.g. {@code 2026-11-25T09:30:13.35023705Z}
   * @return the instant, or null when the text is null, empty or not RFC 3339
   */
  public static @Nullable Instant parseOrNull(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
