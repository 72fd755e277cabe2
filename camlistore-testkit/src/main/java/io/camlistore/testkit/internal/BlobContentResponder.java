package io.camlistore.testkit.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Serves a blob's bytes with Perkeep's headers and Go's {@code http.ServeContent} semantics:
 * conditional requests against the fixed fake modification time, and byte ranges.
 */
public final class BlobContentResponder {
  /** Every blob's Last-Modified: the date of Perkeep's first commit. */
  public static final String LAST_MODIFIED = "Thu, 10 Jun 2010 23:42:15 GMT";

  private static final long MOD_TIME_SECONDS = 1276213335L;

  /** Blobs smaller than this that are valid UTF-8 are served as text. */
  private static final int SMALL = 32 << 10;

  private static final String OCTET_STREAM = "application/octet-stream";

  private BlobContentResponder() {}

  /**
   * Answers a GET or HEAD for a blob.
   *
   * @param exchange the exchange
   * @param content the bytes to serve
   * @throws IOException if sending fails
   */
  public static void serve(HttpExchange exchange, byte[] content) throws IOException {
    Headers request = exchange.getRequestHeaders();
    Headers response = exchange.getResponseHeaders();
    String range = request.getFirst("Range");
    boolean hasRange = range != null && !range.isEmpty();
    String contentType =
        !hasRange && content.length < SMALL && isUtf8(content) ? Responses.TEXT : OCTET_STREAM;
    response.set("Content-Type", contentType);
    response.set("Last-Modified", LAST_MODIFIED);

    Condition precondition = checkIfMatch(request.getFirst("If-Match"));
    if (precondition == Condition.NONE) {
      precondition = checkIfUnmodifiedSince(request.getFirst("If-Unmodified-Since"));
    }
    if (precondition == Condition.FALSE) {
      Responses.send(exchange, 412, null, new byte[0]);
      return;
    }
    Condition noneMatch = checkIfNoneMatch(request.getFirst("If-None-Match"));
    if (noneMatch == Condition.FALSE
        || (noneMatch == Condition.NONE
            && checkIfModifiedSince(request.getFirst("If-Modified-Since")) == Condition.FALSE)) {
      response.remove("Content-Type");
      Responses.send(exchange, 304, null, new byte[0]);
      return;
    }
    if (hasRange && checkIfRange(request.getFirst("If-Range")) == Condition.FALSE) {
      range = null;
    }

    response.set("Accept-Ranges", "bytes");
    if (range == null || range.isEmpty()) {
      Responses.send(exchange, 200, null, content);
      return;
    }
    List<ByteRanges.Range> ranges;
    try {
      ranges = ByteRanges.parse(range, content.length);
    } catch (ByteRanges.InvalidRangeException e) {
      if (e.noOverlap()) {
        response.set("Content-Range", "bytes */" + content.length);
      }
      Responses.httpError(exchange, 416, e.reason());
      return;
    }
    long requested = ranges.stream().mapToLong(ByteRanges.Range::length).sum();
    if (ranges.isEmpty() || requested > content.length) {
      Responses.send(exchange, 200, null, content);
    } else if (ranges.size() == 1) {
      ByteRanges.Range only = ranges.get(0);
      response.set("Content-Range", only.contentRange(content.length));
      Responses.send(exchange, 206, null, slice(content, only));
    } else {
      String boundary = Tokens.randomHex(30);
      Responses.send(
          exchange,
          206,
          "multipart/byteranges; boundary=" + boundary,
          multipartRanges(content, ranges, boundary, contentType));
    }
  }

  private static byte[] multipartRanges(
      byte[] content, List<ByteRanges.Range> ranges, String boundary, String contentType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < ranges.size(); i++) {
      ByteRanges.Range range = ranges.get(i);
      String head =
          (i == 0 ? "" : "\r\n")
              + "--"
              + boundary
              + "\r\nContent-Range: "
              + range.contentRange(content.length)
              + "\r\nContent-Type: "
              + contentType
              + "\r\n\r\n";
      out.writeBytes(Responses.bytes(head));
      out.writeBytes(slice(content, range));
    }
    out.writeBytes(Responses.bytes("\r\n--" + boundary + "--\r\n"));
    return out.toByteArray();
  }

  private static byte[] slice(byte[] content, ByteRanges.Range range) {
    byte[] part = new byte[(int) range.length()];
    System.arraycopy(content, (int) range.start(), part, 0, part.length);
    return part;
  }

  private static boolean isUtf8(byte[] content) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Go's three-valued precondition result. */
  private enum Condition {
    NONE,
    TRUE,
    FALSE
  }

  /** Blobs carry no ETag, so only {@code If-Match: *} can succeed. */
  private static Condition checkIfMatch(@Nullable String header) {
    if (header == null || header.isEmpty()) {
      return Condition.NONE;
    }
    for (String tag : header.split(",", -1)) {
      if (tag.trim().equals("*")) {
        return Condition.TRUE;
      }
    }
    return Condition.FALSE;
  }

  private static Condition checkIfNoneMatch(@Nullable String header) {
    if (header == null || header.isEmpty()) {
      return Condition.NONE;
    }
    for (String tag : header.split(",", -1)) {
      if (tag.trim().equals("*")) {
        return Condition.FALSE;
      }
    }
    return Condition.TRUE;
  }

  private static Condition checkIfUnmodifiedSince(@Nullable String header) {
    Long since = parseHttpDate(header);
    if (since == null) {
      return Condition.NONE;
    }
    return MOD_TIME_SECONDS <= since ? Condition.TRUE : Condition.FALSE;
  }

  private static Condition checkIfModifiedSince(@Nullable String header) {
    Long since = parseHttpDate(header);
    if (since == null) {
      return Condition.NONE;
    }
    return MOD_TIME_SECONDS <= since ? Condition.FALSE : Condition.TRUE;
  }

  private static Condition checkIfRange(@Nullable String header) {
    if (header == null || header.isEmpty()) {
      return Condition.NONE;
    }
    if (header.startsWith("\"") || header.startsWith("W/\"")) {
      return Condition.FALSE;
    }
    Long date = parseHttpDate(header);
    return date != null && date == MOD_TIME_SECONDS ? Condition.TRUE : Condition.FALSE;
  }

  private static @Nullable Long parseHttpDate(@Nullable String header) {
    if (header == null || header.isEmpty()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
