package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camlistore.testkit.RecordedRequest;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The embedded server's single HTTP entry point: records the request, counts what is read of its
 * body ({@link RequestBody}), applies a queued fault, checks auth, and routes to discovery, the
 * blob protocol or a {@linkplain Mount mounted service} (the search handler, the sign helper).
 */
public final class CamlistoreHttpHandler implements HttpHandler {
  /** The storage prefixes of a real server's high-level configuration that speak the protocol. */
  public static final List<String> BLOB_PREFIXES =
      List.of(DiscoveryHandler.BLOB_ROOT, "/bs-and-index/", "/bs/");

  private static final System.Logger LOG = System.getLogger(CamlistoreHttpHandler.class.getName());

  private final RequestLog log;
  private final int recordedBodyLimit;
  private final FaultPlan faults;
  private final Authenticator auth;
  private final String authToken;
  private final DiscoveryHandler discovery;
  private final BlobProtocolHandler blobs;
  private final List<Mount> mounts;

  /**
   * Creates the entry point for one server run.
   *
   * @param log where requests are recorded
   * @param recordedBodyLimit how many bytes of each request body the log keeps
   * @param faults queued faults
   * @param auth the access check
   * @param authToken this run's token, for discovery
   * @param discovery the root handler
   * @param blobs the blob protocol handler
   * @param mounts the services under roots of their own
   */
  public CamlistoreHttpHandler(
      RequestLog log,
      int recordedBodyLimit,
      FaultPlan faults,
      Authenticator auth,
      String authToken,
      DiscoveryHandler discovery,
      BlobProtocolHandler blobs,
      List<Mount> mounts) {
    this.log = log;
    this.recordedBodyLimit = recordedBodyLimit;
    this.faults = faults;
    this.auth = auth;
    this.authToken = authToken;
    this.discovery = discovery;
    this.blobs = blobs;
    this.mounts = List.copyOf(mounts);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    RequestBody body = RequestBody.of(exchange, recordedBodyLimit);
    String path = Objects.requireNonNullElse(exchange.getRequestURI().getPath(), "");
    RecordedRequest request =
        RecordedRequest.of(
            exchange.getRequestMethod(),
            path,
            Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""),
            exchange.getRequestHeaders());
    body.recordInto(log.add(request));
    boolean aborted = false;
    try {
      if (applyFault(exchange, faults.take(request))) {
        route(exchange, path);
      }
    } catch (ConnectionAbort e) {
      aborted = true;
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "embedded Camlistore server failed on " + request, e);
      if (exchange.getResponseCode() != -1) {
        aborted = true;
        throw new ConnectionAbort("handler failed after the response started: " + e);
      }
      Responses.httpError(exchange, 500, "Server error: " + e);
    } finally {
      Responses.endTruncation();
      if (!aborted) {
        exchange.close();
      }
      // A request that got no answer, e.g. a dropped connection, is complete now.
      body.completeRecord();
    }
  }

  /** Applies a fault; returns whether the request should still be handled. */
  private static boolean applyFault(HttpExchange exchange, FaultPlan.@Nullable Action fault)
      throws IOException {
    if (fault instanceof FaultPlan.Fail fail) {
      Responses.send(
          exchange,
          fail.status(),
          Responses.TEXT,
          Responses.bytes("fault injected by the test: HTTP " + fail.status() + "\n"));
      return false;
    }
    if (fault instanceof FaultPlan.Drop) {
      throw new ConnectionAbort("fault: connection dropped");
    }
    if (fault instanceof FaultPlan.Truncate truncate) {
      Responses.truncateAfter(truncate.keepBytes());
    } else if (fault instanceof FaultPlan.Delay delay) {
      try {
        Thread.sleep(delay.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionAbort("server stopping during a delay fault");
      }
    }
    return true;
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/")) {
      if (!DiscoveryHandler.wantsDiscovery(exchange)) {
        DiscoveryHandler.redirectToUi(exchange);
      } else if (auth.allows(exchange.getRequestHeaders())) {
        discovery.serveDiscovery(exchange, authToken);
      } else {
        Responses.unauthorized(exchange);
      }
      return;
    }
    boolean allowed = auth.allows(exchange.getRequestHeaders());
    for (String prefix : BLOB_PREFIXES) {
      if (path.startsWith(prefix)) {
        if (allowed) {
          blobs.handle(exchange, path.substring(prefix.length() - 1));
        } else {
          Responses.unauthorized(exchange);
        }
        return;
      }
    }
    for (Mount mount : mounts) {
      if (path.startsWith(mount.root())) {
        if (allowed) {
          mount.handler().handle(exchange, path.substring(mount.root().length()));
        } else {
          Responses.unauthorized(exchange);
        }
        return;
      }
    }
    Responses.notFound(exchange);
  }
}
