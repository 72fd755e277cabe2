package io.camlistore.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 3339 times of Perkeep's JSON, as Go writes and reads them: schema blobs ({@code
 * unixMtime}, {@code claimDate}, ...), search requests and server answers.
 *
 * <p>{@link #format(Instant)} writes UTC with a {@code Z} suffix, whole seconds when the fraction
 * is zero, otherwise up to nine fractional digits with trailing zeros trimmed (Go's {@code
 * time.RFC3339Nano}). {@link #parse(String)} reads what Go's {@code time.Parse(time.RFC3339, ...)}
 * reads: UTC or an offset, seconds required, an optional fraction of up to nine digits.
 *
 * <pre>{@code
 * Rfc3339.format(Instant.parse("2020-11-01T12:00:00Z"));          // 2020-11-01T12:00:00Z
 * Rfc3339.format(Instant.parse("2026-11-25T09:29:46.551179453Z")); // ...46.551179453Z
 * Rfc3339.format(Instant.parse("2026-11-25T09:29:46.500Z"));       // ...46.5Z
 * Rfc3339.parse("2020-11-01T13:00:00.5+01:00");                     // 2020-11-01T12:00:00.500Z
 * }</pre>
 */
public final class Rfc3339 {
  private Rfc3339() {}

  /**
   * Formats an instant.
   *
   * @param time the instant
   * @return its RFC 3339 text in UTC
   * @throws IllegalArgumentException if the year is outside 0000..9999, which RFC 3339 cannot write
   */
  public static String format(Instant time) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException(
          "cannot write " + time + " in RFC 3339: the year must be within 0000..9999");
    }
    StringBuilder out = new StringBuilder(30);
    pad(out, year, 4).append('-');
    pad(out, utc.getMonthValue(), 2).append('-');
    pad(out, utc.getDayOfMonth(), 2).append('T');
    pad(out, utc.getHour(), 2).append(':');
    pad(out, utc.getMinute(), 2).append(':');
    pad(out, utc.getSecond(), 2);
    int nanos = time.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      pad(out.append('.'), nanos, digits);
    }
    return out.append('Z').toString();
  }

  /**
   * Parses an RFC 3339 time, keeping its full (nanosecond) precision.
   *
   * @param text e.g. {@code 2020-11-01T12:00:00Z} or {@code 2026-11-25T09:30:13.35023705+01:00}
   * @return the instant, or null when the text is null or not such a time
   */
  public static @Nullable Instant parse(@Nullable String text) {
    // Go requires the seconds, which java.time's ISO parser would let pass without.
    if (text == null || text.length() < 20 || text.charAt(16) != ':') {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
