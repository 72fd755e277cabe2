package io.camlistore.testkit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time formats of Perkeep's JSON. */
public final class GoTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoTime() {}

  /**
   * Formats an instant as Go's {@code time.RFC3339Nano} in UTC: up to nine fractional digits,
   * trailing zeros trimmed, e.g. {@code 2026-11-25T09:27:41.903404525Z}.
   *
   * @param instant the instant
   * @return the text
   */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the seconds are formatted separately
  public static String rfc3339Nano(Instant instant) {
    StringBuilder text = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String fraction = String.format(Locale.ROOT, "%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(fraction, 0, end);
    }
    return text.append('Z').toString();
  }
}
