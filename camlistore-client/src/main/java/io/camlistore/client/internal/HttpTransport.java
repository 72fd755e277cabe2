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
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
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
 * Thread-safe; owns a pooled keep-alive HTTP client unless the caller supplied one.
 *
 * <p>Credentials are only ever placed in the {@code Authorization} header; log lines and messages
 * name the method and URL.
 */
public final class HttpTransport implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  private final CloseableHttpClient client;
  private final @Nullable PoolingHttpClientConnectionManager pool;
  private final @Nullable String authorization;
  private final RetryPolicy retryPolicy;

  private HttpTransport(
      CloseableHttpClient client,
      @Nullable PoolingHttpClientConnectionManager pool,
      Auth auth,
      RetryPolicy retryPolicy) {
    this.client = client;
    this.pool = pool;
    this.authorization = auth.authorizationHeader().orElse(null);
    this.retryPolicy = retryPolicy;
  }

  /**
   * Creates a transport for the given options, building a pooled HTTP client unless the options
   * carry one.
   *
   * @param options the connection options
   * @return the transport
   */
  public static HttpTransport create(ConnectOptions options) {
    RetryPolicy retryPolicy = new RetryPolicy(options.maxAttempts(), options.retryBackoff());
    CloseableHttpClient supplied = options.httpClient();
    if (supplied != null) {
      return new HttpTransport(supplied, null, options.auth(), retryPolicy);
    }
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(options.maxConnections())
            .setMaxConnPerRoute(options.maxConnections())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(options.connectTimeout().toMillis()))
                    .setSocketTimeout(Timeout.ofMilliseconds(options.readTimeout().toMillis()))
                    .build())
            .build();
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setUserAgent(options.userAgent())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(options.readTimeout().toMillis()))
                    .build())
            // Retries are decided here, with knowledge of which failures are transient.
            .disableAutomaticRetries()
            .disableContentCompression()
            .build();
    return new HttpTransport(client, pool, options.auth(), retryPolicy);
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

  /** {@return the number of pooled connections currently leased, or -1 for a caller's client} */
  public int leasedConnections() {
    return pool == null ? -1 : pool.getTotalStats().getLeased();
  }

  /** Closes the HTTP client if this transport built it; a caller-supplied client stays open. */
  @Override
  public void close() {
    if (pool != null) {
      client.close(CloseMode.GRACEFUL);
      pool.close(CloseMode.GRACEFUL);
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      LOG.debug("closing a response failed", e);
    }
  }
}
