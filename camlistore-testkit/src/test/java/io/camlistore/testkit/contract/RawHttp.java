package io.camlistore.testkit.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection over a plain socket, for what {@code java.net.http} cannot show: the
 * answer to a request whose body is not sent, interim {@code 1xx} answers, and whether the server
 * closes the connection. Every read, and the sending of each request, takes at most {@link
 * ContractTarget#REQUEST_TIMEOUT}.
 */
final class RawHttp implements AutoCloseable {
  /** An answer: the interim statuses before it, its status, headers (lower-case names), body. */
  record Response(List<Integer> interim, int status, Map<String, String> headers, String text) {
    @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "raw-http-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final ContractTarget target;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(ContractTarget target) throws IOException {
    this.target = target;
    this.socket = new Socket(target.base().getHost(), target.base().getPort());
    socket.setSoTimeout((int) ContractTarget.REQUEST_TIMEOUT.toMillis());
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to the target. */
  static RawHttp open(ContractTarget target) {
    try {
      return new RawHttp(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + target, e);
    }
  }

  /**
   * Sends a request head and the given part of its body, then reads the answer.
   *
   * @param head the request line and headers after {@code Host}, e.g. {@code PUT /p HTTP/1.1} and
   *     {@code Content-Length: 9}, without the blank line
   * @param authorized whether to add the target's credentials
   * @param sentBody the bytes of the body to send, however many the head announces
   */
  Response exchange(List<String> head, boolean authorized, byte[] sentBody) {
    send(head, authorized, sentBody);
    return response();
  }

  /** Sends a request as {@link #exchange} does, without waiting for the answer. */
  void send(List<String> head, boolean authorized, byte[] sentBody) {
    StringBuilder request = new StringBuilder(head.get(0)).append("\r\n");
    request.append("Host: ").append(target.base().getAuthority()).append("\r\n");
    String authorization = target.authorization();
    if (authorized && authorization != null) {
      request.append("Authorization: ").append(authorization).append("\r\n");
    }
    for (String header : head.subList(1, head.size())) {
      request.append(header).append("\r\n");
    }
    request.append("\r\n");
    // A write has no timeout of its own: a server that neither reads nor closes would block it.
    ScheduledFuture<?> watchdog =
        WATCHDOG.schedule(
            this::close, ContractTarget.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(sentBody);
      out.flush();
    } catch (IOException e) {
      if (watchdog.isDone()) {
        throw new AssertionError(
            head.get(0) + " could not be sent within " + ContractTarget.REQUEST_TIMEOUT, e);
      }
      throw new UncheckedIOException(head.get(0) + " failed", e);
    } finally {
      watchdog.cancel(false);
    }
  }

  /** Reads the answer to the request sent last. */
  Response response() {
    try {
      return readResponse();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + ContractTarget.REQUEST_TIMEOUT, e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the answer failed", e);
    }
  }

  /**
   * {@return whether the server closes the connection after its answer (it fails the test if the
   * server neither closes it nor sends anything within the timeout)}
   */
  boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "the server kept the connection open for " + ContractTarget.REQUEST_TIMEOUT, e);
    } catch (IOException e) {
      // A reset is a close too.
      return true;
    }
  }

  private Response readResponse() throws IOException {
    List<Integer> interim = new ArrayList<>();
    while (true) {
      String statusLine = readLine();
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      if (status >= 100 && status < 200) {
        interim.add(status);
        continue;
      }
      String length = headers.get("content-length");
      byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
      return new Response(interim, status, headers, new String(body, StandardCharsets.UTF_8));
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed in the middle of an answer");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
