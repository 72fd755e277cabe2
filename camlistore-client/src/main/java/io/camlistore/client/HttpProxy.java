package io.camlistore.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy every request of a connection goes through ({@link
 * ConnectOptions.Builder#proxy(HttpProxy)}): plain {@code http://} requests are sent to it, {@code
 * https://} ones tunnel through it with {@code CONNECT}. With credentials, the connection sends
 * them to the proxy (and only to it) as HTTP Basic {@code Proxy-Authorization} from the first
 * request on.
 *
 * <p>Immutable. {@link #toString()} names the host and port, never the credentials.
 *
 * <pre>{@code
 * HttpProxy proxy = HttpProxy.of("proxy.example", 3128).withCredentials("alice", "secret");
 * }</pre>
 */
public final class HttpProxy {
  private final String host;
  private final int port;
  private final @Nullable String username;
  private final @Nullable String password;

  private HttpProxy(String host, int port, @Nullable String username, @Nullable String password) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /**
   * Names a proxy without credentials.
   *
   * @param host the proxy's host name or address
   * @param port the proxy's port, 1 to 65535
   * @return the proxy
   * @throws InvalidOptionException naming {@code proxy.host} or {@code proxy.port} if the host is
   *     blank or the port out of range
   */
  public static HttpProxy of(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new InvalidOptionException("proxy.host", "must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new InvalidOptionException("proxy.port", "must be 1 to 65535, got " + port);
    }
    return new HttpProxy(host.strip(), port, null, null);
  }

  /**
   * {@return this proxy with Basic credentials}
   *
   * @param username the user name; not blank
   * @param password the password
   * @throws InvalidOptionException naming {@code proxy.username} if it is blank
   */
  public HttpProxy withCredentials(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isBlank()) {
      throw new InvalidOptionException("proxy.username", "must not be blank");
    }
    return new HttpProxy(host, port, username, password);
  }

  /** {@return the proxy's host} */
  public String host() {
    return host;
  }

  /** {@return the proxy's port} */
  public int port() {
    return port;
  }

  /** {@return the user name sent to the proxy, or null for none} */
  public @Nullable String username() {
    return username;
  }

  /** {@return the password sent to the proxy, or null for none; a secret} */
  public @Nullable String password() {
    return password;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof HttpProxy that
        && host.equals(that.host)
        && port == that.port
        && Objects.equals(username, that.username)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, username, password);
  }

  /** {@return the host and port, and whether credentials are set; never the credentials} */
  @Override
  public String toString() {
    return "HttpProxy{"
        + host
        + ":"
        + port
        + (username == null ? "" : ", credentials=<masked>")
        + "}";
  }
}
