package io.camlistore.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body part by part without holding more than one buffer (64
 * KiB) of it, with the tolerances of Go's {@code mime/multipart} reader: a preamble before the
 * first boundary is skipped, bare-LF line endings are accepted, transport padding after a boundary
 * is ignored, and a boundary string inside a part only ends it when followed by whitespace, a
 * newline or {@code --}.
 *
 * <p>Not thread-safe; one instance reads one request body.
 */
public final class MultipartStream {
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int DELIMITER_AT_POSITION = -1;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final InputStream in;
  private final byte[] dashBoundary;
  private byte[] delimiter;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private int scannedUpTo;
  private boolean endOfInput;
  private boolean started;
  private boolean finished;
  private boolean inBody;
  private final InputStream body = new PartBody();

  /**
   * Wraps a request body.
   *
   * @param in the body
   * @param boundary the boundary parameter of the Content-Type
   */
  public MultipartStream(InputStream in, String boundary) {
    this.in = in;
    this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Moves to the next part, skipping whatever is left of the current one.
   *
   * @return the part's headers by lowercase name, or null after the final boundary
   * @throws MultipartException if the body is not well-formed multipart
   * @throws IOException if reading fails
   */
  public @Nullable Map<String, String> nextPart() throws IOException {
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      skipPreamble();
    } else {
      byte[] scratch = new byte[8192];
      while (readBody(scratch, 0, scratch.length) >= 0) {
        // Discard the rest of the current part.
      }
      readBoundaryLineRest();
    }
    if (finished) {
      return null;
    }
    Map<String, String> headers = readHeaders();
    inBody = true;
    scannedUpTo = position;
    return headers;
  }

  /** {@return the current part's body; it ends (returns -1) at the next boundary} */
  public InputStream partBody() {
    return body;
  }

  private void skipPreamble() throws IOException {
    while (true) {
      byte[] line = readLine(true);
      if (line == null) {
        throw new MultipartException("multipart: NextPart: EOF");
      }
      boolean crlf = line.length > 0 && line[line.length - 1] == '\r';
      byte[] content = trimPadding(crlf ? Arrays.copyOf(line, line.length - 1) : line);
      if (Arrays.equals(content, dashBoundary)) {
        if (!crlf) {
          delimiter = Arrays.copyOfRange(delimiter, 1, delimiter.length);
        }
        return;
      }
      if (isFinalBoundary(content)) {
        finished = true;
        return;
      }
    }
  }

  private boolean isFinalBoundary(byte[] content) {
    return content.length == dashBoundary.length + 2
        && Arrays.equals(content, 0, dashBoundary.length, dashBoundary, 0, dashBoundary.length)
        && content[dashBoundary.length] == '-'
        && content[dashBoundary.length + 1] == '-';
  }

  /** After a delimiter: either {@code --} (the end) or padding and a newline. */
  private void readBoundaryLineRest() throws IOException {
    byte[] rest = readLine(false);
    if (rest == null) {
      throw new MultipartException("multipart: NextPart: EOF");
    }
    if (rest.length >= 2 && rest[0] == '-' && rest[1] == '-') {
      finished = true;
    }
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    String last = null;
    while (true) {
      byte[] raw = readLine(false);
      if (raw == null) {
        throw new EOFException("unexpected EOF");
      }
      String line = new String(raw, StandardCharsets.UTF_8);
      if (line.isEmpty()) {
        return headers;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        headers.merge(last, line.trim(), (a, b) -> a + " " + b);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MultipartException("malformed MIME header line: " + line);
      }
      last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.putIfAbsent(last, line.substring(colon + 1).trim());
    }
  }

  /**
   * Reads one line.
   *
   * @param keepCr whether to keep a {@code \r} before the {@code \n}
   * @return the line without its {@code \n}, or null at end of input with nothing read
   */
  private byte @Nullable [] readLine(boolean keepCr) throws IOException {
    int scanFrom = position;
    while (true) {
      for (int i = scanFrom; i < limit; i++) {
        if (buffer[i] == '\n') {
          int end = !keepCr && i > position && buffer[i - 1] == '\r' ? i - 1 : i;
          byte[] line = Arrays.copyOfRange(buffer, position, end);
          position = i + 1;
          return line;
        }
      }
      if (endOfInput) {
        if (position == limit) {
          return null;
        }
        byte[] line = Arrays.copyOfRange(buffer, position, limit);
        position = limit;
        return line;
      }
      if (position == 0 && limit == buffer.length) {
        throw new MultipartException("multipart: line longer than " + BUFFER_SIZE + " bytes");
      }
      scanFrom = limit - position;
      fill();
    }
  }

  private static byte[] trimPadding(byte[] line) {
    int end = line.length;
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
      end--;
    }
    return end == line.length ? line : Arrays.copyOf(line, end);
  }

  /** Compacts the buffer and reads more; sets {@link #endOfInput} when the body is exhausted. */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      scannedUpTo = Math.max(0, scannedUpTo - position);
      position = 0;
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      endOfInput = true;
    } else {
      limit += n;
    }
  }

  /**
   * How many bytes from {@link #position} certainly belong to the current part.
   *
   * @return a positive count, 0 if more input is needed to decide, or {@link
   *     #DELIMITER_AT_POSITION} if the part ends here
   */
  private int safeBodyBytes() {
    int i = indexOf(delimiter[0], Math.max(position, scannedUpTo), limit);
    while (i >= 0) {
      int verdict = matchDelimiter(i);
      if (verdict >= 0) {
        scannedUpTo = i;
        if (verdict == 0) {
          return i - position;
        }
        return i == position ? DELIMITER_AT_POSITION : i - position;
      }
      i = indexOf(delimiter[0], i + 1, limit);
    }
    scannedUpTo = limit;
    return limit - position;
  }

  /**
   * {@return the index of the first {@code target} byte in {@code buffer[from, to)}, or -1}
   *
   * <p>Tests eight bytes at a time: bodies are mostly chunk content, scanned here for their one
   * delimiter.
   */
  private int indexOf(byte target, int from, int to) {
    long pattern = (target & 0xFFL) * ONES;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(buffer, i) ^ pattern;
      // The lowest high bit set here marks the first zero byte of x: the first match.
      long zeros = (x - ONES) & ~x & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buffer[i] == target) {
        return i;
      }
    }
    return -1;
  }

  /** {@return 1 if a delimiter starts at {@code at}, -1 if not, 0 if more input is needed} */
  private int matchDelimiter(int at) {
    int available = limit - at;
    int compared = Math.min(available, delimiter.length);
    if (!Arrays.equals(buffer, at, at + compared, delimiter, 0, compared)) {
      return -1;
    }
    if (available < delimiter.length) {
      return endOfInput ? -1 : 0;
    }
    if (available == delimiter.length) {
      return endOfInput ? 1 : 0;
    }
    byte next = buffer[at + delimiter.length];
    if (next == ' ' || next == '\t' || next == '\r' || next == '\n') {
      return 1;
    }
    if (next == '-') {
      if (available == delimiter.length + 1) {
        return endOfInput ? -1 : 0;
      }
      return buffer[at + delimiter.length + 1] == '-' ? 1 : -1;
    }
    return -1;
  }

  private int readBody(byte[] target, int offset, int length) throws IOException {
    if (!inBody) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    while (true) {
      int safe = safeBodyBytes();
      if (safe == DELIMITER_AT_POSITION) {
        position += delimiter.length;
        inBody = false;
        return -1;
      }
      if (safe > 0) {
        int n = Math.min(length, safe);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
      }
      if (endOfInput) {
        throw new EOFException("unexpected EOF");
      }
      fill();
    }
  }

  /** The current part's bytes. */
  private final class PartBody extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = readBody(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      return readBody(target, offset, length);
    }
  }

  /** The body is not well-formed multipart. */
  public static final class MultipartException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, worded like Go's reader
     */
    public MultipartException(String message) {
      super(message);
    }
  }
}
