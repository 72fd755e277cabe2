package io.camlistore.testkit.internal;

/** Number parsing with the results of Go's {@code strconv} functions as Perkeep uses them. */
final class GoStrconv {
  private GoStrconv() {}

  /**
   * Go's {@code strconv.Atoi} with the error ignored: an optional sign and decimal digits, else 0.
   *
   * @param text the text
   * @return its value, or 0 if it is not a decimal int
   */
  static int atoi(String text) {
    if (!text.matches("[+-]?[0-9]+")) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      // Out of range: Go returns the nearest representable value.
      return text.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
  }

  /**
   * Go's {@code strconv.ParseUint(text, 10, 32)}.
   *
   * @param text the text
   * @return its value, or -1 if it is not an unsigned decimal that fits 32 bits
   */
  static long parseUint32(String text) {
    if (!text.matches("[0-9]+")) {
      return -1;
    }
    try {
      long value = Long.parseLong(text);
      return value <= 0xffff_ffffL ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
