package io.camlistore.testkit.internal.index;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses the RFC 3339 times of schema blobs and search requests, as Go's {@code time.Parse}. */
public final class Rfc3339 {
  private Rfc3339() {}

  /**
   * Parses an RFC 3339 time with an optional fraction of a second.
   *
   * @param text e.g. {@code 2020-11-01T12:00:00Z} or {@code 2020-11-01T13:00:00.5+01:00}
   * @return the instant, or null when the text is not such a time
   */
  public static @Nullable Instant parse(@Nullable String text) {
    if (text == null || text.length() < 20 || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
