package io.camlistore.testkit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts connections on a loopback server socket and hands each to a handler on a daemon thread;
 * {@link #close()} stops accepting and closes every socket still open. The common part of the
 * testkit's TLS front and forward proxy.
 */
public final class SocketServer implements Closeable {
  /** Serves one accepted connection; the socket is closed after it returns. */
  public interface Handler {
    /**
     * Serves a connection.
     *
     * @param client the accepted socket
     * @param server the server, to track further sockets and relay on its threads
     * @throws IOException if the connection fails; the connection is then just closed
     */
    void handle(Socket client, SocketServer server) throws IOException;
  }

  private final ServerSocket listener;
  private final Handler handler;
  private final ExecutorService threads;
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();

  private SocketServer(ServerSocket listener, String name, Handler handler) {
    this.listener = listener;
    this.handler = handler;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts accepting.
   *
   * @param listener a bound server socket, closed by {@link #close()}
   * @param name names the threads
   * @param handler serves each connection
   * @return the running server
   */
  public static SocketServer start(ServerSocket listener, String name, Handler handler) {
    SocketServer server = new SocketServer(listener, name, handler);
    server.threads.execute(server::acceptLoop);
    return server;
  }

  /** {@return the port connections are accepted on} */
  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      track(client);
      threads.execute(() -> serve(client));
    }
  }

  private void serve(Socket client) {
    try (client) {
      handler.handle(client, this);
    } catch (IOException e) {
      // A peer that went away ends its connection; the test sees that from the other side.
    } finally {
      open.remove(client);
    }
  }

  /**
   * Closes a socket (or anything) when the server closes, if it is still open then.
   *
   * @param socket the socket
   */
  public void track(Closeable socket) {
    open.add(socket);
  }

  /**
   * Copies bytes from one stream to another on a thread of this server until the input ends or
   * fails, then runs the given action.
   *
   * @param in what to read
   * @param out where to write; flushed after each read
   * @param then what to do after (such as closing both sides)
   */
  public void pump(InputStream in, OutputStream out, Runnable then) {
    threads.execute(
        () -> {
          try {
            copy(in, out);
          } catch (IOException e) {
            // One side closed: the relay ends, as a real proxy's would.
          } finally {
            then.run();
          }
        });
  }

  /**
   * Copies bytes until the input ends, flushing after each read.
   *
   * @param in what to read
   * @param out where to write
   * @throws IOException if either side fails
   */
  public static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  /**
   * Closes quietly.
   *
   * @param resource what to close
   */
  public static void closeQuietly(Closeable resource) {
    try {
      resource.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(SocketServer::closeQuietly);
    open.clear();
    threads.shutdownNow();
  }
}
