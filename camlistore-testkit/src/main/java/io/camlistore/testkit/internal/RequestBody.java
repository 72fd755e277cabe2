package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A request's body as the handlers read it, counting what they consumed, so that the answer can
 * treat what they left unread as Go's HTTP server does.
 *
 * <p>Go reads at most {@value #GO_MAX_POST_HANDLER_READ} bytes of a body its handler left unread
 * before it answers. When more is left (judged by the declared {@code Content-Length}, without
 * reading it), it answers at once with {@code Connection: close}, goes on receiving for {@link
 * #GO_RST_AVOIDANCE_DELAY} so that the client gets the answer rather than a reset connection, and
 * closes the connection. So a real server refuses an oversized PUT, or a large unauthenticated
 * upload, as soon as it has the headers.
 *
 * <p>It also keeps the start of what was read, for the request log.
 */
final class RequestBody extends FilterInputStream {
  /** Go's {@code maxPostHandlerReadBytes}. */
  static final int GO_MAX_POST_HANDLER_READ = 256 << 10;

  /** Go's {@code rstAvoidanceDelay}. */
  static final Duration GO_RST_AVOIDANCE_DELAY = Duration.ofMillis(500);

  /** The declared length, or -1 for a chunked body. */
  private final long declaredLength;

  // Counted by the handler, then by the thread that discards the rest while the handler watches.
  private final AtomicLong consumed = new AtomicLong();
  private volatile boolean ended;

  private final int recordLimit;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

  private RequestBody(InputStream in, long declaredLength, int recordLimit) {
    super(in);
    this.declaredLength = declaredLength;
    this.recordLimit = recordLimit;
  }

  /**
   * Returns the exchange's counting request body, made by {@link #of(HttpExchange, int)}.
   *
   * @param exchange the exchange
   * @return the body the handlers read
   */
  static RequestBody of(HttpExchange exchange) {
    return of(exchange, 0);
  }

  /**
   * Makes the exchange's request body a counting one that keeps the start of what is read, if it is
   * not already.
   *
   * @param exchange the exchange, before anything read its body
   * @param recordLimit how many bytes of the body to keep, at least 0
   * @return the body the handlers read
   */
  static RequestBody of(HttpExchange exchange, int recordLimit) {
    InputStream current = exchange.getRequestBody();
    if (current instanceof RequestBody body) {
      return body;
    }
    RequestBody body = new RequestBody(current, declaredLength(exchange), recordLimit);
    exchange.setStreams(body, null);
    return body;
  }

  private RequestLog.@Nullable Entry record;

  /**
   * Sets the request log entry that {@link #completeRecord()} completes.
   *
   * @param entry the request's entry
   */
  synchronized void recordInto(RequestLog.Entry entry) {
    this.record = entry;
  }

  /**
   * Completes the request's log entry with the start of what was read of the body; called before
   * the answer goes out, so that a client that got its answer finds its request complete.
   */
  synchronized void completeRecord() {
    RequestLog.Entry entry = record;
    if (entry != null) {
      entry.complete(recorded.toByteArray());
    }
  }

  /** As the JDK server frames the body: chunked, else the Content-Length, else none. */
  private static long declaredLength(HttpExchange exchange) {
    String encoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
    if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
      return -1;
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b < 0 ? -1 : 1);
    if (b >= 0) {
      record(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    count(n);
    record(buffer, offset, n);
    return n;
  }

  private synchronized void record(byte[] buffer, int offset, int n) {
    int room = recordLimit - recorded.size();
    if (n > 0 && room > 0) {
      recorded.write(buffer, offset, Math.min(n, room));
    }
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    consumed.addAndGet(skipped);
    return skipped;
  }

  private void count(int n) {
    if (n < 0) {
      ended = true;
    } else {
      consumed.addAndGet(n);
    }
  }

  private boolean fullyRead() {
    return ended || (declaredLength >= 0 && consumed.get() >= declaredLength);
  }

  /**
   * Deals with what the handler left unread, before the answer starts, as Go does: reads and
   * discards a small rest, leaves a large one.
   *
   * @return whether the connection must close after the answer (then see {@link
   *     #lingerThenClose()})
   * @throws IOException if reading the rest fails
   */
  boolean settleBeforeAnswer() throws IOException {
    if (fullyRead()) {
      return false;
    }
    if (declaredLength - consumed.get() >= GO_MAX_POST_HANDLER_READ) {
      return true;
    }
    byte[] discard = new byte[8192];
    long budget = GO_MAX_POST_HANDLER_READ + 1L;
    while (budget > 0 && !fullyRead()) {
      int n = read(discard, 0, (int) Math.min(discard.length, budget));
      if (n > 0) {
        budget -= n;
      }
    }
    return !fullyRead();
  }

  /**
   * After an answer that leaves the body unread: discards what the client still sends, as long as
   * it keeps sending, then has the connection closed.
   *
   * <p>Go half-closes the connection at once and closes it {@link #GO_RST_AVOIDANCE_DELAY} later.
   * The JDK server cannot half-close, and a client still sending when the connection closes may get
   * a reset instead of the answer; so this reads on while data arrives, and stops once the body has
   * ended or nothing came for that delay (a client that sends nothing more sees the connection
   * close after it).
   *
   * @return the signal to throw out of the handler, which makes the JDK server close the connection
   */
  ConnectionAbort lingerThenClose() {
    CountDownLatch ended = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try {
                transferTo(OutputStream.nullOutputStream());
              } catch (IOException e) {
                // The connection closed: nothing left to discard.
              } finally {
                ended.countDown();
              }
            },
            "camlistore-unread-request-body");
    reader.setDaemon(true);
    reader.start();
    try {
      long before;
      do {
        before = consumed.get();
      } while (!ended.await(GO_RST_AVOIDANCE_DELAY.toMillis(), TimeUnit.MILLISECONDS)
          && consumed.get() != before);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ConnectionAbort("answered without reading the request body; closing, as Go does");
  }
}
