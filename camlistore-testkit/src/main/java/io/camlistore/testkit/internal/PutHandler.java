package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** {@code PUT camli/<blobref>}: one blob as the request body; 204 when stored, else 400. */
final class PutHandler {
  private final BlobReceiver receiver;

  PutHandler(BlobReceiver receiver) {
    this.receiver = receiver;
  }

  void handle(HttpExchange exchange, String action) throws IOException {
    WireRef ref = WireRef.parse(action);
    if (ref == null
        || ref.algorithm().isEmpty()
        || declaredLength(exchange) > receiver.maxBlobSize()) {
      Responses.badRequest(exchange);
      return;
    }
    try {
      receiver.receive(ref, exchange.getRequestBody());
    } catch (BlobReceiver.RefusedException e) {
      Responses.badRequest(exchange);
      return;
    }
    Responses.send(exchange, 204, null, new byte[0]);
  }

  private static long declaredLength(HttpExchange exchange) {
    String value = exchange.getRequestHeaders().getFirst("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
