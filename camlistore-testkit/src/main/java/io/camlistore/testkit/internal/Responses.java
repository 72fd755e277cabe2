package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes responses the way Perkeep's Go server shapes them, and applies the truncate fault.
 *
 * <p>What the handler left unread of the request body is dealt with as Go's server does (see {@link
 * RequestBody}): a small rest is read first; with a large one the answer goes out at once, with
 * {@code Connection: close}, and the connection is closed. HEAD responses carry the Content-Length
 * the GET would have, with no body, as Go's server does.
 */
public final class Responses {
  /**
   * The truncate fault of the request this thread is handling: send only this many body bytes, then
   * drop the connection. (Not an exchange attribute: the JDK server keeps those per context, shared
   * by all exchanges.)
   */
  private static final ThreadLocal<Integer> TRUNCATE = new ThreadLocal<>();

  /** The content type of Perkeep's JSON answers. */
  public static final String JSON = "text/javascript";

  /** Go's content type for text it writes with {@code http.Error} or sniffs as text. */
  public static final String TEXT = "text/plain; charset=utf-8";

  /** Go's content type for HTML it sniffs. */
  public static final String HTML = "text/html; charset=utf-8";

  private static final byte[] BAD_REQUEST = bytes("<h1>Bad Request</h1>");
  private static final byte[] UNAUTHORIZED = bytes("<html><body><h1>Unauthorized</h1>");

  /**
   * Go writes handler output of up to this many bytes with a Content-Length; longer output that the
   * handler streams (enumerate) goes out chunked.
   */
  private static final int GO_BUFFER_BEFORE_CHUNKING = 2048;

  private Responses() {}

  /**
   * Truncates the response bodies this thread sends until {@link #endTruncation()}.
   *
   * @param keepBytes how many body bytes to send before dropping the connection
   */
  public static void truncateAfter(int keepBytes) {
    TRUNCATE.set(keepBytes);
  }

  /** Ends {@link #truncateAfter(int)} for this thread. */
  public static void endTruncation() {
    TRUNCATE.remove();
  }

  /**
   * Sends a complete response with a Content-Length.
   *
   * @param exchange the exchange
   * @param status the status code
   * @param contentType the Content-Type, or null for none
   * @param body the body (not sent for HEAD, 204 or 304)
   * @throws IOException if the client went away, or {@link ConnectionAbort} for a truncate fault
   */
  public static void send(
      HttpExchange exchange, int status, @Nullable String contentType, byte[] body)
      throws IOException {
    send(exchange, status, contentType, body, false);
  }

  /**
   * Sends a response the way a Go handler that writes as it goes is answered: with a Content-Length
   * when the body fits Go's 2 KiB response buffer, chunked otherwise.
   *
   * @param exchange the exchange
   * @param status the status code
   * @param contentType the Content-Type
   * @param body the body
   * @throws IOException if the client went away, or {@link ConnectionAbort} for a truncate fault
   */
  public static void sendStreamed(
      HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    send(exchange, status, contentType, body, body.length > GO_BUFFER_BEFORE_CHUNKING);
  }

  private static void send(
      HttpExchange exchange, int status, @Nullable String contentType, byte[] body, boolean chunked)
      throws IOException {
    RequestBody requestBody = RequestBody.of(exchange);
    boolean closeAfter = requestBody.settleBeforeAnswer();
    requestBody.completeRecord();
    if (closeAfter) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean noBodyAllowed = status == 204 || status == 304 || (status >= 100 && status < 200);
    Integer truncate = TRUNCATE.get();
    if (exchange.getRequestMethod().equals("HEAD") || noBodyAllowed) {
      if (!noBodyAllowed && !chunked) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      }
      exchange.sendResponseHeaders(status, -1);
      if (truncate != null) {
        throw new ConnectionAbort("fault: connection dropped after the response headers");
      }
      if (closeAfter) {
        throw requestBody.lingerThenClose();
      }
      return;
    }
    if (truncate != null) {
      int keep = truncate;
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, Math.min(keep, body.length));
      out.flush();
      throw new ConnectionAbort("fault: response body truncated after " + keep + " bytes");
    }
    // Ending a chunked body would also make the JDK server read the rest of the request body.
    boolean chunks = chunked && !closeAfter;
    exchange.sendResponseHeaders(status, chunks ? 0 : body.length == 0 ? -1 : body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body);
    if (closeAfter) {
      // Closing the stream would make the JDK server read the rest of the request body first.
      out.flush();
      throw requestBody.lingerThenClose();
    }
    out.close();
  }

  /**
   * Sends Perkeep's blob-handler 400: {@code <h1>Bad Request</h1>} as HTML (the reason only goes to
   * the real server's log).
   *
   * @param exchange the exchange
   * @throws IOException if sending fails
   */
  public static void badRequest(HttpExchange exchange) throws IOException {
    send(exchange, 400, HTML, BAD_REQUEST);
  }

  /**
   * Sends Go's {@code http.Error}: plain text, a newline, and {@code X-Content-Type-Options:
   * nosniff}.
   *
   * @param exchange the exchange
   * @param status the status code
   * @param message the message, without the trailing newline
   * @throws IOException if sending fails
   */
  public static void httpError(HttpExchange exchange, int status, String message)
      throws IOException {
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    send(exchange, status, TEXT, bytes(message + "\n"));
  }

  /**
   * Sends a JSON answer as Perkeep's {@code httputil.ReturnJSONCode} does.
   *
   * @param exchange the exchange
   * @param status the status code
   * @param value the value, see {@link GoJson}
   * @throws IOException if sending fails
   */
  public static void json(HttpExchange exchange, int status, @Nullable Object value)
      throws IOException {
    send(exchange, status, JSON, GoJson.response(value));
  }

  /**
   * Sends Perkeep's 401.
   *
   * @param exchange the exchange
   * @throws IOException if sending fails
   */
  public static void unauthorized(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"\"");
    send(exchange, 401, HTML, UNAUTHORIZED);
  }

  /**
   * Sends Go's {@code http.NotFound}.
   *
   * @param exchange the exchange
   * @throws IOException if sending fails
   */
  public static void notFound(HttpExchange exchange) throws IOException {
    httpError(exchange, 404, "404 page not found");
  }

  /**
   * Encodes text as UTF-8.
   *
   * @param text the text
   * @return its bytes
   */
  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
