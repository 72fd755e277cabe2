package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blob protocol under one storage prefix: routes {@code <prefix>camli/<action>} by method and
 * action exactly as Perkeep 0.11 does, and answers anything else with its bare 400.
 */
public final class BlobProtocolHandler {
  private final StatHandler stat;
  private final UploadHandler upload;
  private final PutHandler put;
  private final GetHandler get;
  private final EnumerateHandler enumerate;
  private final RemoveHandler remove;

  /**
   * Creates the handler.
   *
   * @param store the blob store
   * @param faults the fault plan (blob corruption and refusal, removal after enumerate)
   * @param maxBlobSize the largest blob accepted
   * @param removeEnabled whether {@code camli/remove} may delete blobs
   */
  public BlobProtocolHandler(
      BlobStore store, FaultPlan faults, int maxBlobSize, boolean removeEnabled) {
    BlobReceiver receiver = new BlobReceiver(store, faults, maxBlobSize);
    this.stat = new StatHandler(store);
    this.upload = new UploadHandler(receiver);
    this.put = new PutHandler(receiver);
    this.get = new GetHandler(store, faults);
    this.enumerate = new EnumerateHandler(store, faults);
    this.remove = new RemoveHandler(store, removeEnabled);
  }

  /**
   * Handles a request already known to be under a storage prefix and authorized.
   *
   * @param exchange the exchange
   * @param path the request path from the prefix's trailing slash on, e.g. {@code /camli/stat}
   * @throws IOException if reading or answering fails
   */
  public void handle(HttpExchange exchange, String path) throws IOException {
    int camli = path.indexOf("/camli/");
    if (camli < 0) {
      Responses.badRequest(exchange);
      return;
    }
    String action = path.substring(camli + "/camli/".length());
    switch (exchange.getRequestMethod()) {
      case "GET", "HEAD" -> {
        switch (action) {
          case "enumerate-blobs" -> enumerate.handle(exchange);
          case "stat" -> stat.handle(exchange);
          default -> get.handle(exchange, path);
        }
      }
      case "POST" -> {
        switch (action) {
          case "stat" -> stat.handle(exchange);
          case "upload" -> upload.handle(exchange);
          case "remove" -> remove.handle(exchange);
          default -> Responses.badRequest(exchange);
        }
      }
      case "PUT" -> put.handle(exchange, action);
      default -> Responses.badRequest(exchange);
    }
  }

  /** Reads a request's form (urlencoded POST body, then query). */
  static FormValues form(HttpExchange exchange) throws IOException {
    return FormValues.read(
        exchange.getRequestMethod(),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestBody(),
        exchange.getRequestURI().getRawQuery());
  }

  /** The JSON object Perkeep writes for a sized blobref. */
  static Map<String, Object> sized(SizedRef blob) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("blobRef", blob.ref());
    object.put("size", blob.size());
    return object;
  }
}
