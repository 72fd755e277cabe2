package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST camli/upload}: a multipart body with one part per blob, named by its blobref, read as
 * a stream. Always HTTP 200 once the body is multipart; per-blob failures go into {@code
 * errorText}, and the first corrupt or unsupported blob stops the processing.
 */
final class UploadHandler {
  private final BlobReceiver receiver;

  UploadHandler(BlobReceiver receiver) {
    this.receiver = receiver;
  }

  void handle(HttpExchange exchange) throws IOException {
    MediaType type = MediaType.parse(exchange.getRequestHeaders().getFirst("Content-Type"));
    String boundary = type == null ? null : type.parameter("boundary");
    if (type == null
        || !(type.type().equals("multipart/form-data") || type.type().equals("multipart/mixed"))
        || boundary == null
        || boundary.isEmpty()) {
      Responses.badRequest(exchange);
      return;
    }
    MultipartStream multipart = new MultipartStream(exchange.getRequestBody(), boundary);
    List<Object> received = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    while (true) {
      Map<String, String> headers;
      try {
        headers = multipart.nextPart();
      } catch (IOException e) {
        errors.add("Error reading multipart section: " + e.getMessage());
        break;
      }
      if (headers == null) {
        break;
      }
      MediaType disposition = MediaType.parse(headers.get("content-disposition"));
      if (disposition == null) {
        errors.add("invalid Content-Disposition");
        break;
      }
      if (!disposition.type().equals("form-data")) {
        errors.add(
            "Expected Content-Disposition of \"form-data\"; got "
                + GoText.quote(disposition.type()));
        break;
      }
      String name = disposition.parameters().getOrDefault("name", "");
      WireRef ref = WireRef.parse(name);
      if (ref == null) {
        errors.add("Ignoring form key " + GoText.quote(name));
        continue;
      }
      try {
        received.add(BlobProtocolHandler.sized(receiver.receive(ref, multipart.partBody())));
      } catch (BlobReceiver.RefusedException | IOException e) {
        errors.add("Error receiving blob " + ref + ": " + e.getMessage() + "\n");
        break;
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("received", received);
    if (!errors.isEmpty()) {
      answer.put("errorText", String.join("\n", errors));
    }
    Responses.json(exchange, 200, answer);
  }
}
