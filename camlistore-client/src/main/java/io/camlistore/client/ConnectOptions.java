package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Settings for {@link Camlistore#connect(String, ConnectOptions)}: credentials, timeouts, retries,
 * parallelism, TLS and proxy, the threads transfers run on, and a hook to customise the HTTP client
 * the connection builds.
 *
 * <p>Immutable; build one with {@link #builder()}, derive one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ConnectOptions options = ConnectOptions.builder()
 *     .auth(Auth.parse("userpass:alice:secret"))
 *     .readTimeout(Duration.ofMinutes(2))
 *     .build();
 * }</pre>
 */
public final class ConnectOptions {
  private static final ConnectOptions DEFAULTS = new Builder().build();

  private final Auth auth;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final String userAgent;
  private final @Nullable SSLContext sslContext;
  private final @Nullable HttpProxy proxy;
  private final @Nullable Consumer<HttpClientBuilder> httpClientCustomizer;
  private final @Nullable ExecutorService uploadExecutor;
  private final @Nullable ExecutorService downloadExecutor;
  private final int maxAttempts;
  private final Duration retryBackoff;
  private final int maxConnections;
  private final int uploadParallelism;
  private final int downloadParallelism;
  private final int enumeratePageSize;
  private final @Nullable Signer signer;

  private ConnectOptions(Builder builder) {
    this.auth = builder.auth;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.userAgent = builder.userAgent;
    this.sslContext = builder.sslContext;
    this.proxy = builder.proxy;
    this.httpClientCustomizer = builder.httpClientCustomizer;
    this.uploadExecutor = builder.uploadExecutor;
    this.downloadExecutor = builder.downloadExecutor;
    this.maxAttempts = builder.maxAttempts;
    this.retryBackoff = builder.retryBackoff;
    this.maxConnections = builder.maxConnections;
    this.uploadParallelism = builder.uploadParallelism;
    this.downloadParallelism = builder.downloadParallelism;
    this.enumeratePageSize = builder.enumeratePageSize;
    this.signer = builder.signer;
  }

  /** {@return a builder with the default settings} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the default settings: no credentials, 10 s connect, 60 s read, 3 attempts} */
  public static ConnectOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return the credentials sent with every request} */
  public Auth auth() {
    return auth;
  }

  /** {@return how long to wait for a TCP connection} */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@return how long to wait for data on an open connection} */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** {@return the {@code User-Agent} header value} */
  public String userAgent() {
    return userAgent;
  }

  /**
   * {@return the TLS settings for {@code https://} servers, or null for the JVM's defaults (its
   * trust store, {@code javax.net.ssl.*} properties)}
   */
  public @Nullable SSLContext sslContext() {
    return sslContext;
  }

  /**
   * {@return the proxy every request goes through, or null to follow the JVM's proxy settings
   * ({@link java.net.ProxySelector#getDefault()}: {@code http.proxyHost}, {@code https.proxyHost},
   * {@code http.nonProxyHosts} and the like)}
   */
  public @Nullable HttpProxy proxy() {
    return proxy;
  }

  /** {@return the hook that adjusts the HTTP client builder last, or null} */
  public @Nullable Consumer<HttpClientBuilder> httpClientCustomizer() {
    return httpClientCustomizer;
  }

  /**
   * {@return the caller's executor for upload requests, or null when the connection runs its own
   * threads}
   */
  public @Nullable ExecutorService uploadExecutor() {
    return uploadExecutor;
  }

  /**
   * {@return the caller's executor for file read-ahead, or null when the connection runs its own
   * threads}
   */
  public @Nullable ExecutorService downloadExecutor() {
    return downloadExecutor;
  }

  /** {@return how many times a request is tried in all before a transient failure is reported} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the wait before the first retry; it doubles for each further retry} */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  /** {@return the size of the connection's HTTP connection pool} */
  public int maxConnections() {
    return maxConnections;
  }

  /** {@return how many upload requests one batch call may run at the same time} */
  public int uploadParallelism() {
    return uploadParallelism;
  }

  /** {@return how many chunks one file download fetches at the same time, ahead of the reader} */
  public int downloadParallelism() {
    return downloadParallelism;
  }

  /** {@return how many blobs each {@code enumerate-blobs} request asks for} */
  public int enumeratePageSize() {
    return enumeratePageSize;
  }

  /** {@return the signer for permanodes and claims, or null to use the server's sign helper} */
  public @Nullable Signer signer() {
    return signer;
  }

  /** {@return the settings, with the credentials masked} */
  @Override
  public String toString() {
    return "ConnectOptions{auth="
        + auth
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", userAgent="
        + userAgent
        + ", sslContext="
        + (sslContext == null ? "default" : sslContext.getProtocol())
        + ", proxy="
        + (proxy == null ? "system" : proxy)
        + ", httpClientCustomizer="
        + (httpClientCustomizer != null)
        + ", uploadExecutor="
        + (uploadExecutor == null ? "own" : "given")
        + ", downloadExecutor="
        + (downloadExecutor == null ? "own" : "given")
        + ", maxAttempts="
        + maxAttempts
        + ", retryBackoff="
        + retryBackoff
        + ", maxConnections="
        + maxConnections
        + ", uploadParallelism="
        + uploadParallelism
        + ", downloadParallelism="
        + downloadParallelism
        + ", enumeratePageSize="
        + enumeratePageSize
        + "}";
  }

  /** Builds {@link ConnectOptions}. Not thread-safe. */
  public static final class Builder {
    private Auth auth = Auth.none();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private String userAgent = "camlistore-java/" + Version.VERSION;
    private @Nullable SSLContext sslContext;
    private @Nullable HttpProxy proxy;
    private @Nullable Consumer<HttpClientBuilder> httpClientCustomizer;
    private @Nullable ExecutorService uploadExecutor;
    private @Nullable ExecutorService downloadExecutor;
    private int maxAttempts = 3;
    private Duration retryBackoff = Duration.ofMillis(200);
    private int maxConnections = 16;
    private int uploadParallelism = 4;
    private int downloadParallelism = 8;
    private int enumeratePageSize = 1000;
    private @Nullable Signer signer;

    private Builder() {}

    private Builder(ConnectOptions options) {
      this.auth = options.auth;
      this.connectTimeout = options.connectTimeout;
      this.readTimeout = options.readTimeout;
      this.userAgent = options.userAgent;
      this.sslContext = options.sslContext;
      this.proxy = options.proxy;
      this.httpClientCustomizer = options.httpClientCustomizer;
      this.uploadExecutor = options.uploadExecutor;
      this.downloadExecutor = options.downloadExecutor;
      this.maxAttempts = options.maxAttempts;
      this.retryBackoff = options.retryBackoff;
      this.maxConnections = options.maxConnections;
      this.uploadParallelism = options.uploadParallelism;
      this.downloadParallelism = options.downloadParallelism;
      this.enumeratePageSize = options.enumeratePageSize;
      this.signer = options.signer;
    }

    /**
     * Sets the credentials.
     *
     * @param auth the credentials; default {@link Auth#none()}
     * @return this builder
     */
    public Builder auth(Auth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Sets the TCP connect timeout.
     *
     * @param connectTimeout a positive duration; default 10 s
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read (socket) timeout.
     *
     * @param readTimeout a positive duration; default 60 s
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Sets the {@code User-Agent} header.
     *
     * @param userAgent a non-blank value; default {@code camlistore-java/<version>}
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Sets the TLS settings for {@code https://} servers: the trust material (a private CA, a
     * self-signed certificate), client keys, protocols. Host names are verified against the
     * server's certificate in any case.
     *
     * @param sslContext an initialised context, or null (the default) for the JVM's defaults
     * @return this builder
     */
    public Builder sslContext(@Nullable SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Sends every request through an HTTP proxy.
     *
     * @param proxy the proxy, or null (the default) to follow the JVM's proxy settings ({@link
     *     java.net.ProxySelector#getDefault()}, which reads {@code http.proxyHost}, {@code
     *     https.proxyHost}, {@code http.nonProxyHosts} and the like)
     * @return this builder
     */
    public Builder proxy(@Nullable HttpProxy proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Sets a hook that adjusts the Apache HttpClient 5 builder after the connection configured it
     * (auth, timeouts, TLS, proxy, pool), just before the client is built: to add request
     * interceptors, a custom route planner or credentials provider, and the like. The connection
     * pool stays the connection's (it sizes it, reports {@link Connection#leasedHttpConnections()}
     * and closes it): do not replace it here. This hook is the one place the client's API names an
     * HttpClient type; TLS ({@link #sslContext(SSLContext)}) and proxies ({@link
     * #proxy(HttpProxy)}) have options of their own.
     *
     * @param httpClientCustomizer the hook, or null for none
     * @return this builder
     */
    public Builder httpClientCustomizer(
        @Nullable Consumer<HttpClientBuilder> httpClientCustomizer) {
      this.httpClientCustomizer = httpClientCustomizer;
      return this;
    }

    /**
     * Runs upload requests (parallel batches, file uploads) on the caller's executor instead of
     * threads of the connection's own. The connection never shuts it down; its thread count bounds
     * how many uploads run at once, so give it {@link #uploadParallelism(int)} threads.
     *
     * @param uploadExecutor the executor, or null (the default) for the connection's own threads
     * @return this builder
     */
    public Builder uploadExecutor(@Nullable ExecutorService uploadExecutor) {
      this.uploadExecutor = uploadExecutor;
      return this;
    }

    /**
     * Runs file read-ahead fetches on the caller's executor instead of threads of the connection's
     * own. The connection never shuts it down; give it {@link #downloadParallelism(int)} threads.
     *
     * @param downloadExecutor the executor, or null (the default) for the connection's own threads
     * @return this builder
     */
    public Builder downloadExecutor(@Nullable ExecutorService downloadExecutor) {
      this.downloadExecutor = downloadExecutor;
      return this;
    }

    /**
     * Sets how many times a request is tried in all when it fails transiently (connection refused
     * or reset, HTTP 502/503/504). Nothing is retried after another 4xx or 5xx answer.
     *
     * @param maxAttempts at least 1 (1 = no retries); default 3
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait before the first retry; each further retry waits twice as long.
     *
     * @param retryBackoff zero or positive; default 200 ms
     * @return this builder
     */
    public Builder retryBackoff(Duration retryBackoff) {
      this.retryBackoff = Objects.requireNonNull(retryBackoff, "retryBackoff");
      return this;
    }

    /**
     * Sets the size of the connection's HTTP connection pool.
     *
     * @param maxConnections at least 1; default 16
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets how many upload requests one batch call ({@code putMulti}, file uploads) runs at once.
     *
     * @param uploadParallelism at least 1; default 4
     * @return this builder
     */
    public Builder uploadParallelism(int uploadParallelism) {
      this.uploadParallelism = uploadParallelism;
      return this;
    }

    /**
     * Sets how many chunks a file download ({@link FileClient#getFile(BlobRef)}) fetches at once:
     * the chunks after the one being read are fetched in the background, in parallel, and handed
     * out in order. At most 8 MiB of content is fetched ahead, whatever this count. {@link
     * #maxConnections(int)} should cover this plus the uploads.
     *
     * @param downloadParallelism at least 1 (1 fetches each chunk only when it is read); default 8
     * @return this builder
     */
    public Builder downloadParallelism(int downloadParallelism) {
      this.downloadParallelism = downloadParallelism;
      return this;
    }

    /**
     * Sets how many blobs each enumerate request asks for.
     *
     * @param enumeratePageSize 1 to 10000 (the server's maximum); default 1000
     * @return this builder
     */
    public Builder enumeratePageSize(int enumeratePageSize) {
      this.enumeratePageSize = enumeratePageSize;
      return this;
    }

    /**
     * Sets the signer used for permanodes and claims.
     *
     * @param signer a local signer, or null (the default) to sign with the server's sign helper
     * @return this builder
     */
    public Builder signer(@Nullable Signer signer) {
      this.signer = signer;
      return this;
    }

    /**
     * Validates and builds the options.
     *
     * @return the options
     * @throws InvalidOptionException naming the first option with a bad value
     */
    public ConnectOptions build() {
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("readTimeout", readTimeout);
      if (retryBackoff.isNegative()) {
        throw new InvalidOptionException(
            "retryBackoff", "must not be negative, got " + describe(retryBackoff));
      }
      if (userAgent.isBlank()) {
        throw new InvalidOptionException("userAgent", "must not be blank");
      }
      requireAtLeast("maxAttempts", maxAttempts, 1);
      requireAtLeast("maxConnections", maxConnections, 1);
      requireAtLeast("uploadParallelism", uploadParallelism, 1);
      requireAtLeast("downloadParallelism", downloadParallelism, 1);
      if (enumeratePageSize < 1 || enumeratePageSize > 10_000) {
        throw new InvalidOptionException(
            "enumeratePageSize", "must be 1 to 10000, got " + enumeratePageSize);
      }
      return new ConnectOptions(this);
    }

    private static void requirePositive(String name, Duration value) {
      if (value.isZero() || value.isNegative()) {
        throw new InvalidOptionException(name, "must be positive, got " + describe(value));
      }
    }

    private static void requireAtLeast(String name, int value, int minimum) {
      if (value < minimum) {
        throw new InvalidOptionException(name, "must be at least " + minimum + ", got " + value);
      }
    }

    /** Milliseconds, the unit these settings are usually given in, when they are whole. */
    private static String describe(Duration value) {
      return value.truncatedTo(ChronoUnit.MILLIS).equals(value)
          ? value.toMillis() + " ms"
          : value.toString();
    }
  }
}
