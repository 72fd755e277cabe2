package io.camlistore.client.internal.schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats times as Perkeep writes them in schema blobs ({@code unixMtime}, {@code claimDate}, ...):
 * RFC 3339 in UTC with a {@code Z} suffix, whole seconds when the fraction is zero, otherwise up to
 * nine fractional digits with trailing zeros trimmed (Go's {@code RFC3339} / {@code RFC3339Nano}).
 *
 * <pre>{@code
 * SchemaTime.format(Instant.parse("2020-11-01T12:00:00Z"));          // 2020-11-01T12:00:00Z
 * SchemaTime.format(Instant.parse("2026-11-25T09:29:46.551179453Z")); // ...46.551179453Z
 * SchemaTime.format(Instant.parse("2026-11-25T09:29:46.500Z"));       // ...46.5Z
 * }</pre>
 */
public final class SchemaTime {
  private SchemaTime() {}

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

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
