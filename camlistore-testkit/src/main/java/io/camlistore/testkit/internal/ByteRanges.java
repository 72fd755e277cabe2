package io.camlistore.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/** Parses a {@code Range} header the way Go's {@code http.ServeContent} does. */
public final class ByteRanges {
  private ByteRanges() {}

  /**
   * A satisfiable byte range.
   *
   * @param start offset of the first byte
   * @param length number of bytes
   */
  public record Range(long start, long length) {
    /**
     * Formats the Content-Range value of this range.
     *
     * @param size the full size
     * @return e.g. {@code bytes 0-9/262144}
     */
    public String contentRange(long size) {
      return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
  }

  /** The header cannot be served; {@link #noOverlap()} tells which of Go's two errors it is. */
  public static final class InvalidRangeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether the ranges were valid but all began after the end of the content. */
    private final boolean noOverlap;

    InvalidRangeException(boolean noOverlap) {
      super(reason(noOverlap));
      this.noOverlap = noOverlap;
    }

    private static String reason(boolean noOverlap) {
      return noOverlap ? "invalid range: failed to overlap" : "invalid range";
    }

    /** {@return Go's error text for this failure} */
    public String reason() {
      return reason(noOverlap);
    }

    /** {@return true when every range started at or after the end of the content} */
    public boolean noOverlap() {
      return noOverlap;
    }
  }

  /**
   * Parses a Range header.
   *
   * @param header the header value
   * @param size the content's size
   * @return the ranges (empty if the header lists none)
   * @throws InvalidRangeException if the header is malformed or no range overlaps the content
   */
  public static List<Range> parse(String header, long size) throws InvalidRangeException {
    if (!header.startsWith("bytes=")) {
      throw new InvalidRangeException(false);
    }
    List<Range> ranges = new ArrayList<>();
    boolean noOverlap = false;
    for (String spec : header.substring("bytes=".length()).split(",", -1)) {
      String trimmed = spec.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int dash = trimmed.indexOf('-');
      if (dash < 0) {
        throw new InvalidRangeException(false);
      }
      String first = trimmed.substring(0, dash).trim();
      String last = trimmed.substring(dash + 1).trim();
      if (first.isEmpty()) {
        long suffix = parseNonNegative(last);
        long start = size - Math.min(suffix, size);
        ranges.add(new Range(start, size - start));
        continue;
      }
      long start = parseNonNegative(first);
      if (start >= size) {
        noOverlap = true;
        continue;
      }
      long end = last.isEmpty() ? size - 1 : parseNonNegative(last);
      if (start > end) {
        throw new InvalidRangeException(false);
      }
      ranges.add(new Range(start, Math.min(end, size - 1) - start + 1));
    }
    if (noOverlap && ranges.isEmpty()) {
      throw new InvalidRangeException(true);
    }
    return ranges;
  }

  private static long parseNonNegative(String digits) throws InvalidRangeException {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidRangeException(false);
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new InvalidRangeException(false);
    }
  }
}
