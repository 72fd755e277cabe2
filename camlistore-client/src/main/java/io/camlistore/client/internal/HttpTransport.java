package io.camlistore.client.internal;

import io.camlistore.client.Auth;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.ConnectionException;
import io.camlistore.client.ServerException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests for one connection: adds the auth and user-agent headers, retries transient
 * failures per {@link RetryPolicy}, and maps error answers to exceptions ({@link ErrorResponses}).
 * Thread-safe; owns a pooled keep-alive HTTP client.
 *
 * <p>Credentials are only ever placed in the {@code Authorization} header; log lines and messages
 * name the method and URL.
 */
public final class HttpTransport implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager pool;
  private final @Nullable String authorization;
  private final RetryPolicy retryPolicy;
  private final @Nullable AuthCache proxyAuth;

  private HttpTransport(
      CloseableHttpClient client,
      PoolingHttpClientConnectionManager pool,
      Auth auth,
      RetryPolicy retryPolicy,
      @Nullable AuthCache proxyAuth) {
    this.client = client;
    this.pool = pool;
    this.authorization = auth.authorizationHeader();
    this.retryPolicy = retryPolicy;
    this.proxyAuth = proxyAuth;
  }

  /**
   * Creates a transport for the given options: a pooled keep-alive HTTP client with their TLS
   * settings and proxy (else the JVM's proxy settings), adjusted last by their customizer.
   *
   * @param options the connection options
   * @return the transport
   */
  public static HttpTransport create(ConnectOptions options) {
    RetryPolicy retryPolicy = new RetryPolicy(options.maxAttempts(), options.retryBackoff());
    PoolingHttpClientConnectionManagerBuilder poolBuilder =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(options.maxConnections())
            .setMaxConnPerRoute(options.maxConnections())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(options.connectTimeout().toMillis()))
                    .setSocketTimeout(Timeout.ofMilliseconds(options.readTimeout().toMillis()))
                    .build());
    SSLContext sslContext = options.sslContext();
    if (sslContext != null) {
      poolBuilder.setTlsSocketStrategy(
          ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic());
    }
    PoolingHttpClientConnectionManager pool = poolBuilder.build();
    HttpClientBuilder builder =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setUserAgent(options.userAgent())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(options.readTimeout().toMillis()))
                    .build())
            // Retries are decided here, with knowledge of which failures are transient.
            .disableAutomaticRetries()
            .disableContentCompression();
    AuthCache proxyAuth = ProxyRoutes.configure(builder, options.proxy());
    Consumer<HttpClientBuilder> customizer = options.httpClientCustomizer();
    if (customizer != null) {
      customizer.accept(builder);
    }
    return new HttpTransport(builder.build(), pool, options.auth(), retryPolicy, proxyAuth);
  }

  /**
   * Sends a request and reads a successful answer (status below 400). Error answers become
   * exceptions; transient failures are retried.
   *
   * @param <T> the result type
   * @param request makes a fresh request for each attempt
   * @param reader reads the successful response
   * @return what the reader returned
   * @throws ConnectionException if no answer came after all attempts
   * @throws ServerException for an error answer
   */
  public <T> T execute(Supplier<? extends HttpUriRequestBase> request, ResponseReader<T> reader) {
    return send(request, reader, true, false);
  }

  /**
   * Sends a request and hands every answer, whatever its status, to the reader. Transient failures
   * (including 502/503/504 while attempts remain) are still retried.
   *
   * @param <T> the result type
   * @param request makes a fresh request for each attempt
   * @param reader reads the response
   * @return what the reader returned
   * @throws ConnectionException if no answer came after all attempts
   */
  public <T> T executeAnyStatus(
      Supplier<? extends HttpUriRequestBase> request, ResponseReader<T> reader) {
    return send(request, reader, false, false);
  }

  /**
   * Sends a request and returns the open response for streaming. The caller must close it. Error
   * answers become exceptions.
   *
   * @param request makes a fresh request for each attempt
   * @return the open, successful response
   * @throws ConnectionException if no answer came after all attempts
   * @throws ServerException for an error answer
   */
  public ClassicHttpResponse open(Supplier<? extends HttpUriRequestBase> request) {
    return send(request, (response, uri) -> response, true, true);
  }

  private <T> T send(
      Supplier<? extends HttpUriRequestBase> factory,
      ResponseReader<T> reader,
      boolean mapErrors,
      boolean keepOpen) {
    for (int attempt = 1; ; attempt++) {
      HttpUriRequestBase request = factory.get();
      if (authorization != null) {
        request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
      }
      HttpClientContext context = HttpClientContext.create();
      if (proxyAuth != null) {
        context.setAuthCache(proxyAuth);
      }
      ClassicHttpResponse response = null;
      boolean handedOver = false;
      try {
        LOG.debug("{} (attempt {})", describe(request), attempt);
        response = client.executeOpen(null, request, context);
        if (RetryPolicy.isTransientStatus(response.getCode()) && retryPolicy.canRetry(attempt)) {
          LOG.debug("{} answered {}; retrying", describe(request), response.getCode());
          response.close();
          retryPolicy.backOff(attempt);
          continue;
        }
        if (mapErrors && response.getCode() >= 400) {
          throw ErrorResponses.toException(response, describe(request));
        }
        T result = reader.read(response, finalUri(request, context));
        handedOver = keepOpen;
        return result;
      } catch (IOException e) {
        if (RetryPolicy.isTransient(e) && retryPolicy.canRetry(attempt)) {
          LOG.debug("{} failed ({}); retrying", describe(request), e.toString());
          backOffOrFail(request, attempt, e);
          continue;
        }
        throw new ConnectionException(
            describe(request)
                + " failed after "
                + attempt
                + (attempt == 1 ? " attempt: " : " attempts: ")
                + e,
            e);
      } finally {
        if (response != null && !handedOver) {
          closeQuietly(response);
        }
      }
    }
  }

  private void backOffOrFail(HttpUriRequestBase request, int attempt, IOException cause) {
    try {
      retryPolicy.backOff(attempt);
    } catch (IOException interrupted) {
      throw new ConnectionException(describe(request) + " interrupted", cause);
    }
  }

  private static URI finalUri(HttpUriRequestBase request, HttpClientContext context)
      throws IOException {
    RedirectLocations redirects = context.getRedirectLocations();
    List<URI> all = redirects == null ? List.of() : redirects.getAll();
    if (!all.isEmpty()) {
      return all.get(all.size() - 1);
    }
    try {
      return request.getUri();
    } catch (URISyntaxException e) {
      throw new IOException("bad request URI " + request.getRequestUri(), e);
    }
  }

  /**
   * {@return the method and URL of a request, for log lines and error messages}
   *
   * @param request the request
   */
  public static String describe(HttpUriRequestBase request) {
    try {
      return request.getMethod() + " " + Urls.withoutUserInfo(request.getUri());
    } catch (URISyntaxException e) {
      return request.getMethod() + " " + request.getRequestUri();
    }
  }

  /** {@return the number of pooled connections currently leased} */
  public int leasedConnections() {
    return pool.getTotalStats().getLeased();
  }

  /** Closes the HTTP client and its connection pool. */
  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.GRACEFUL);
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      LOG.debug("closing a response failed", e);
    }
  }
}
