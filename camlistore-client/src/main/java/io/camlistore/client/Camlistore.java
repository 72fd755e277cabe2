package io.camlistore.client;

import io.camlistore.client.internal.DiscoveryReader;
import io.camlistore.client.internal.HttpTransport;
import java.net.URI;
import java.util.Objects;

/**
 * Entry point: connects to a Camlistore/Perkeep server.
 *
 * <pre>{@code
 * ConnectOptions options = ConnectOptions.builder().auth(Auth.parse("userpass:alice:secret")).build();
 * try (Connection conn = Camlistore.connect("http://localhost:3179/", options)) {
 *   BlobRef ref = conn.blobs().put(Blob.of("Hello, Perkeep!\n"));
 *   Blob back = conn.blobs().get(ref);
 * }
 * }</pre>
 */
public final class Camlistore {
  private Camlistore() {}

  /**
   * Connects without credentials (for servers in {@code none} or {@code localhost} auth mode).
   *
   * @param baseUrl the server's URL, e.g. {@code http://localhost:3179/}
   * @return the open connection
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
   * @throws ConnectionException if the server cannot be reached
   * @throws NotCamliServerException if the URL does not answer like a Perkeep server
   * @throws AuthenticationException if the server requires credentials
   */
  public static Connection connect(String baseUrl) {
    return connect(baseUrl, ConnectOptions.defaults());
  }

  /**
   * Connects: performs discovery (following redirects) and returns a connection whose handler URLs
   * are resolved against the URL that finally answered.
   *
   * @param baseUrl the server's URL, e.g. {@code http://localhost:3179/}
   * @param options credentials, timeouts, retries
   * @return the open connection
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
   * @throws ConnectionException if the server cannot be reached
   * @throws NotCamliServerException if the URL does not answer like a Perkeep server
   * @throws AuthenticationException if the server refused the credentials
   */
  public static Connection connect(String baseUrl, ConnectOptions options) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(options, "options");
    URI url = parseServerUrl(baseUrl);
    HttpTransport transport = HttpTransport.create(options);
    try {
      Discovery discovery = DiscoveryReader.discover(transport, url);
      return new Connection(transport, discovery, options);
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  private static URI parseServerUrl(String baseUrl) {
    URI url;
    try {
      url = URI.create(baseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a server URL: '" + baseUrl + "'", e);
    }
    String scheme = url.getScheme();
    if (url.getHost() == null
        || scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException(
          "not a server URL: '" + baseUrl + "' (expected http://host:port/ or https://...)");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "server URL must not carry credentials; pass them as ConnectOptions.auth");
    }
    return url;
  }
}
