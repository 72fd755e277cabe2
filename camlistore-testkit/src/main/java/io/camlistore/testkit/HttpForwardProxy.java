package io.camlistore.testkit;

import io.camlistore.testkit.internal.SocketServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP forward proxy on a loopback port, to test clients that must reach a server through
 * one: plain requests in absolute form ({@code GET http://127.0.0.1:3179/path}) are forwarded, and
 * {@code CONNECT} opens a tunnel (for {@code https://}). With credentials it answers {@code 407} to
 * any request without the matching HTTP Basic {@code Proxy-Authorization}. Every request it
 * receives is recorded, with that header.
 *
 * <p>It forwards only to this machine ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}); other
 * targets get {@code 502}. One request per client connection: it answers with {@code Connection:
 * close}.
 *
 * <pre>{@code
 * try (HttpForwardProxy proxy = HttpForwardProxy.requiring("bob", "secret")) {
 *   ConnectOptions options = ConnectOptions.builder()
 *       .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("bob", "secret")).build();
 *   ...
 *   assertThat(proxy.requests()).allSatisfy(r -> assertThat(r.authorized()).isTrue());
 * }
 * }</pre>
 */
public final class HttpForwardProxy implements AutoCloseable {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final SocketServer server;
  private final List<ProxiedRequest> requests;

  /**
   * A request the proxy received.
   *
   * @param method the request method, such as {@code GET} or {@code CONNECT}
   * @param target the request target: an absolute URL, or {@code host:port} for {@code CONNECT}
   * @param proxyAuthorization the {@code Proxy-Authorization} header sent, or null
   * @param authorized whether the proxy let it through (always, when it requires no credentials)
   */
  public record ProxiedRequest(
      String method, String target, @Nullable String proxyAuthorization, boolean authorized) {
    /** {@return the method, target and whether it was authorized; never the credentials} */
    @Override
    public String toString() {
      return "ProxiedRequest["
          + method
          + " "
          + target
          + (proxyAuthorization == null ? "" : ", Proxy-Authorization: <masked>")
          + (authorized ? "" : ", refused")
          + "]";
    }
  }

  private HttpForwardProxy(SocketServer server, List<ProxiedRequest> requests) {
    this.server = server;
    this.requests = requests;
  }

  /** {@return a running proxy that lets every request through} */
  public static HttpForwardProxy open() {
    return start(null);
  }

  /**
   * {@return a running proxy that lets through only requests with these Basic credentials}
   *
   * @param username the user name
   * @param password the password
   */
  public static HttpForwardProxy requiring(String username, String password) {
    return start(basicAuthorization(username, password));
  }

  /**
   * {@return the HTTP Basic header value of these credentials, as {@code Proxy-Authorization}
   * carries them}
   *
   * @param username the user name
   * @param password the password
   */
  public static String basicAuthorization(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpForwardProxy start(@Nullable String expectedAuthorization) {
    ServerSocket listener;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("binding the proxy failed: " + e.getMessage(), e);
    }
    List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();
    SocketServer server =
        SocketServer.start(
            listener,
            "camlistore-testkit-proxy",
            (client, self) -> serve(client, self, expectedAuthorization, requests));
    return new HttpForwardProxy(server, requests);
  }

  private static void serve(
      Socket client,
      SocketServer server,
      @Nullable String expectedAuthorization,
      List<ProxiedRequest> requests)
      throws IOException {
    InputStream fromClient = new BufferedInputStream(client.getInputStream());
    OutputStream toClient = client.getOutputStream();
    List<String> head = readHead(fromClient);
    String[] requestLine = head.get(0).split(" ", 3);
    if (requestLine.length != 3) {
      answer(toClient, "400 Bad Request");
      return;
    }
    String method = requestLine[0];
    String target = requestLine[1];
    String authorization = header(head, "Proxy-Authorization");
    boolean authorized =
        expectedAuthorization == null || expectedAuthorization.equals(authorization);
    requests.add(new ProxiedRequest(method, target, authorization, authorized));
    if (!authorized) {
      answer(
          toClient,
          "407 Proxy Authentication Required",
          "Proxy-Authenticate: Basic realm=\"test\"");
      return;
    }
    URI url = URI.create(method.equals("CONNECT") ? "//" + target : target);
    String host = url.getHost();
    if (host == null || !LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
      answer(toClient, "502 Bad Gateway");
      return;
    }
    Socket upstream =
        new Socket(InetAddress.getLoopbackAddress(), url.getPort() < 0 ? 80 : url.getPort());
    server.track(upstream);
    InputStream fromServer = new BufferedInputStream(upstream.getInputStream());
    OutputStream toServer = upstream.getOutputStream();
    Runnable closeBoth =
        () -> {
          SocketServer.closeQuietly(client);
          SocketServer.closeQuietly(upstream);
        };
    if (method.equals("CONNECT")) {
      toClient.write(
          "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      toClient.flush();
      server.pump(fromClient, toServer, closeBoth);
      copyThenClose(fromServer, toClient, closeBoth);
      return;
    }
    StringBuilder forwarded = new StringBuilder();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    forwarded
        .append(method)
        .append(' ')
        .append(path)
        .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
        .append(' ')
        .append(requestLine[2])
        .append("\r\n");
    appendWithoutConnectionHeaders(head.subList(1, head.size()), forwarded);
    forwarded.append("Connection: close\r\n\r\n");
    toServer.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
    toServer.flush();
    // The request body, if any, follows as the client sends it.
    server.pump(fromClient, toServer, () -> {});
    List<String> responseHead = readHead(fromServer);
    StringBuilder response = new StringBuilder(responseHead.get(0)).append("\r\n");
    appendWithoutConnectionHeaders(responseHead.subList(1, responseHead.size()), response);
    response.append("Connection: close\r\n\r\n");
    toClient.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
    copyThenClose(fromServer, toClient, closeBoth);
  }

  private static void copyThenClose(InputStream in, OutputStream out, Runnable closeBoth)
      throws IOException {
    try {
      SocketServer.copy(in, out);
    } finally {
      closeBoth.run();
    }
  }

  private static void appendWithoutConnectionHeaders(List<String> headers, StringBuilder to) {
    for (String line : headers) {
      String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim();
      if (!name.equalsIgnoreCase("Connection")
          && !name.equalsIgnoreCase("Proxy-Connection")
          && !name.equalsIgnoreCase("Keep-Alive")
          && !name.equalsIgnoreCase("Proxy-Authorization")) {
        to.append(line).append("\r\n");
      }
    }
  }

  private static @Nullable String header(List<String> head, String name) {
    for (String line : head.subList(1, head.size())) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** Reads header lines up to the empty line; the first is the request or status line. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the connection ended inside a message head");
      }
      if (++total > MAX_HEAD_BYTES) {
        throw new IOException("message head over " + MAX_HEAD_BYTES + " bytes");
      }
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.ISO_8859_1);
      line.reset();
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.isEmpty()) {
        if (lines.isEmpty()) {
          throw new IOException("empty message head");
        }
        return lines;
      }
      lines.add(text);
    }
  }

  private static void answer(OutputStream out, String status, String... headers)
      throws IOException {
    StringBuilder response = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    for (String header : headers) {
      response.append(header).append("\r\n");
    }
    response.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
    out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** {@return the proxy's port on 127.0.0.1} */
  public int port() {
    return server.port();
  }

  /** {@return the proxy's host, {@code 127.0.0.1}} */
  public String host() {
    return "127.0.0.1";
  }

  /** {@return every request received so far, in order} */
  public List<ProxiedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Runs an action with the JVM's proxy properties naming this proxy, as {@code -Dhttp.proxyHost=…
   * -Dhttp.proxyPort=…} would, and restores them afterwards: for testing that a client follows the
   * JVM's settings. {@code http.nonProxyHosts} is emptied meanwhile, since its default exempts
   * loopback addresses. Not for tests running in parallel: the properties are the whole JVM's.
   *
   * @param <T> what the action answers
   * @param action what to run
   * @return what the action answered
   */
  public <T> T withJvmProxyProperties(Supplier<T> action) {
    Map<String, String> properties =
        Map.of(
            "http.proxyHost", host(),
            "http.proxyPort", Integer.toString(port()),
            "http.nonProxyHosts", "");
    Map<String, @Nullable String> saved = new HashMap<>();
    properties.forEach((name, value) -> saved.put(name, System.setProperty(name, value)));
    try {
      return action.get();
    } finally {
      saved.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    requests.clear();
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "HttpForwardProxy{127.0.0.1:" + port() + "}";
  }
}
