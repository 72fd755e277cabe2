package io.camlistore.camel;

import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections a component's endpoints share: one per server and connection settings
 * (credentials, TLS, proxy, signer, timeouts, retries, pool size, parallelism), opened by the first
 * endpoint that needs it and closed when the last one using it stops. Its upload and read-ahead
 * threads are pools of the CamelContext's {@link ExecutorServiceManager}, shut down with the
 * connection. Thread-safe; connecting to one server does not hold up endpoints of another.
 */
final class SharedConnections {
  private static final Logger LOG = LoggerFactory.getLogger(SharedConnections.class);

  private final CamelContext context;
  private final Map<Settings, Shared> shared = new HashMap<>();

  SharedConnections(CamelContext context) {
    this.context = context;
  }

  /**
   * Takes a share of the connection these settings describe, to release when done with it. Nothing
   * is opened until {@link Lease#connection()} is called.
   *
   * @param configuration the endpoint's configuration, with a serverUrl
   * @param options the client options the configuration describes, used if this share opens the
   *     connection
   * @return the share
   */
  Lease lease(CamlistoreConfiguration configuration, ConnectOptions options) {
    Settings settings = Settings.of(configuration);
    Shared entry;
    synchronized (this) {
      entry = shared.computeIfAbsent(settings, key -> new Shared(key, options));
      entry.users++;
    }
    return new Lease(entry);
  }

  /** {@return how many connections are open or leased, for tests and diagnostics} */
  synchronized int size() {
    return shared.size();
  }

  /** Closes every connection, whoever still leases it: the component is stopping. */
  void closeAll() {
    List<Shared> all;
    synchronized (this) {
      all = new ArrayList<>(shared.values());
      shared.clear();
    }
    all.forEach(Shared::close);
  }

  private void release(Shared entry) {
    synchronized (this) {
      if (--entry.users > 0 || shared.get(entry.settings) != entry) {
        return;
      }
      shared.remove(entry.settings);
    }
    entry.close();
  }

  /** One endpoint's share of a connection. Thread-safe; released at most once. */
  final class Lease {
    private final Shared entry;
    private boolean released;

    private Lease(Shared entry) {
      this.entry = entry;
    }

    /**
     * {@return the shared connection, opened now if no endpoint opened it yet}
     *
     * @throws io.camlistore.client.CamlistoreException if connecting fails (tried again next call)
     */
    Connection connection() {
      return entry.connection();
    }

    /** Gives the share back; the last one closes the connection. */
    synchronized void release() {
      if (!released) {
        released = true;
        SharedConnections.this.release(entry);
      }
    }
  }

  /** A connection and its thread pools, opened on first use. */
  private final class Shared {
    private final Settings settings;
    private final ConnectOptions options;
    private int users;
    private @Nullable Connection connection;
    private @Nullable ExecutorService uploads;
    private @Nullable ExecutorService downloads;
    private boolean closed;

    private Shared(Settings settings, ConnectOptions options) {
      this.settings = settings;
      this.options = options;
    }

    synchronized Connection connection() {
      if (closed) {
        throw new IllegalStateException("the camlistore component is stopped");
      }
      if (connection != null) {
        return connection;
      }
      ExecutorServiceManager threads = context.getExecutorServiceManager();
      ExecutorService uploadPool =
          threads.newThreadPool(
              SharedConnections.this,
              "CamlistoreUpload",
              pool("camlistore-upload", options.uploadParallelism()));
      ExecutorService downloadPool =
          threads.newThreadPool(
              SharedConnections.this,
              "CamlistoreDownload",
              pool("camlistore-download", options.downloadParallelism()));
      try {
        connection =
            Camlistore.connect(
                Objects.requireNonNull(settings.serverUrl(), "serverUrl"),
                options.toBuilder()
                    .uploadExecutor(uploadPool)
                    .downloadExecutor(downloadPool)
                    .build());
      } catch (RuntimeException e) {
        threads.shutdown(uploadPool);
        threads.shutdown(downloadPool);
        throw e;
      }
      uploads = uploadPool;
      downloads = downloadPool;
      LOG.debug("opened {} for {}", connection, settings);
      return connection;
    }

    /** A fixed pool whose threads exist only while there is work; its queue is unbounded. */
    private ThreadPoolProfile pool(String id, int threads) {
      ThreadPoolProfile profile = new ThreadPoolProfile(id);
      profile.setPoolSize(threads);
      profile.setMaxPoolSize(threads);
      profile.setMaxQueueSize(-1);
      profile.setAllowCoreThreadTimeOut(true);
      profile.setKeepAliveTime(30L);
      profile.setTimeUnit(TimeUnit.SECONDS);
      return profile;
    }

    synchronized void close() {
      closed = true;
      if (connection != null) {
        LOG.debug("closing {}", connection);
        connection.close();
        connection = null;
      }
      ExecutorServiceManager threads = context.getExecutorServiceManager();
      if (uploads != null) {
        threads.shutdown(uploads);
        uploads = null;
      }
      if (downloads != null) {
        threads.shutdown(downloads);
        downloads = null;
      }
    }
  }

  /**
   * Everything that makes two endpoints' connections interchangeable. The TLS settings compare by
   * identity (the same bean). {@link #toString()} masks the secrets.
   */
  private record Settings(
      @Nullable String serverUrl,
      @Nullable String username,
      @Nullable String password,
      @Nullable String authToken,
      @Nullable String secretKeyring,
      @Nullable String keyId,
      long connectTimeout,
      long readTimeout,
      int maxAttempts,
      long retryBackoff,
      int maxConnections,
      int uploadParallelism,
      int downloadParallelism,
      @Nullable SSLContextParameters sslContextParameters,
      @Nullable String proxyHost,
      @Nullable Integer proxyPort,
      @Nullable String proxyUsername,
      @Nullable String proxyPassword) {

    static Settings of(CamlistoreConfiguration c) {
      return new Settings(
          c.getServerUrl() == null ? null : c.getServerUrl().strip(),
          c.getUsername(),
          c.getPassword(),
          c.getAuthToken(),
          c.getSecretKeyring(),
          c.getKeyId(),
          c.getConnectTimeout(),
          c.getReadTimeout(),
          c.getMaxAttempts(),
          c.getRetryBackoff(),
          c.getMaxConnections(),
          c.getUploadParallelism(),
          c.getDownloadParallelism(),
          c.getSslContextParameters(),
          c.getProxyHost(),
          c.getProxyPort(),
          c.getProxyUsername(),
          c.getProxyPassword());
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Settings that
          && Objects.equals(serverUrl, that.serverUrl)
          && Objects.equals(username, that.username)
          && Objects.equals(password, that.password)
          && Objects.equals(authToken, that.authToken)
          && Objects.equals(secretKeyring, that.secretKeyring)
          && Objects.equals(keyId, that.keyId)
          && connectTimeout == that.connectTimeout
          && readTimeout == that.readTimeout
          && maxAttempts == that.maxAttempts
          && retryBackoff == that.retryBackoff
          && maxConnections == that.maxConnections
          && uploadParallelism == that.uploadParallelism
          && downloadParallelism == that.downloadParallelism
          && sslContextParameters == that.sslContextParameters
          && Objects.equals(proxyHost, that.proxyHost)
          && Objects.equals(proxyPort, that.proxyPort)
          && Objects.equals(proxyUsername, that.proxyUsername)
          && Objects.equals(proxyPassword, that.proxyPassword);
    }

    @Override
    public int hashCode() {
      return Objects.hash(serverUrl, username, authToken, proxyHost, proxyPort);
    }

    @Override
    public String toString() {
      return "connection settings{"
          + serverUrl
          + (username == null ? "" : ", basic auth")
          + (authToken == null ? "" : ", token auth")
          + (sslContextParameters == null ? "" : ", TLS settings")
          + (proxyHost == null ? "" : ", proxy " + proxyHost + ":" + proxyPort)
          + "}";
    }
  }
}
