package io.camlistore.testkit;

import io.camlistore.testkit.internal.SocketServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An {@code https://} front for a plain HTTP server on this machine, as a TLS-terminating load
 * balancer puts in front of a real deployment: it accepts TLS connections on a loopback port with a
 * {@link TestCertificate} and relays the decrypted bytes to the server's port, unchanged. A client
 * that reaches the server through {@link #url()} must trust the certificate.
 *
 * <pre>{@code
 * try (TlsTerminatingProxy tls = TlsTerminatingProxy.start(certificate, server.port())) {
 *   Camlistore.connect(tls.url(), ConnectOptions.builder()
 *       .sslContext(certificate.clientContext()).build());
 * }
 * }</pre>
 */
public final class TlsTerminatingProxy implements AutoCloseable {
  private final SocketServer server;
  private final AtomicLong handshakes;

  private TlsTerminatingProxy(SocketServer server, AtomicLong handshakes) {
    this.server = server;
    this.handshakes = handshakes;
  }

  /**
   * Starts the front on a free loopback port.
   *
   * @param certificate the certificate the front serves with
   * @param targetPort the port of the plain HTTP server on 127.0.0.1
   * @return the running front
   * @throws UncheckedIOException if no port can be bound
   */
  public static TlsTerminatingProxy start(TestCertificate certificate, int targetPort) {
    SSLServerSocket listener;
    try {
      listener =
          (SSLServerSocket)
              certificate
                  .serverContext()
                  .getServerSocketFactory()
                  .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("binding the TLS front failed: " + e.getMessage(), e);
    }
    AtomicLong handshakes = new AtomicLong();
    SocketServer server =
        SocketServer.start(
            listener,
            "camlistore-testkit-tls",
            (client, self) -> {
              ((SSLSocket) client).startHandshake();
              handshakes.incrementAndGet();
              relay(client, targetPort, self);
            });
    return new TlsTerminatingProxy(server, handshakes);
  }

  private static void relay(Socket client, int targetPort, SocketServer server) throws IOException {
    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
    server.track(target);
    Runnable closeBoth =
        () -> {
          SocketServer.closeQuietly(client);
          SocketServer.closeQuietly(target);
        };
    server.pump(target.getInputStream(), client.getOutputStream(), closeBoth);
    try {
      SocketServer.copy(client.getInputStream(), target.getOutputStream());
    } finally {
      closeBoth.run();
    }
  }

  /** {@return the front's base URL, {@code https://127.0.0.1:<port>/}} */
  public String url() {
    return "https://127.0.0.1:" + port() + "/";
  }

  /** {@return the front's port} */
  public int port() {
    return server.port();
  }

  /** {@return how many TLS handshakes completed: each is a client connection that went through} */
  public long handshakes() {
    return handshakes.get();
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "TlsTerminatingProxy{" + url() + "}";
  }
}
