package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.util.List;

/**
 * {@code camli/enumerate-blobs}: a page of blobs in ref order, in the real server's hand-formatted
 * JSON, with its quirks: {@code after} is a string comparison, {@code continueAfter} appears only
 * on full pages, and {@code maxwaitsec} is refused with {@code after} and otherwise yields an empty
 * page (a loop bug in 0.11).
 */
final class EnumerateHandler {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 10000;
  private static final String CONTENT_TYPE = "text/javascript; charset=utf-8";

  private final BlobStore store;
  private final FaultPlan faults;

  EnumerateHandler(BlobStore store, FaultPlan faults) {
    this.store = store;
    this.faults = faults;
  }

  void handle(HttpExchange exchange) throws IOException {
    FormValues form = BlobProtocolHandler.form(exchange);
    String limitValue = form.first("limit");
    String after = form.first("after");
    int limit = DEFAULT_LIMIT;
    if (!limitValue.isEmpty()) {
      long parsed = GoStrconv.parseUint32(limitValue);
      limit = parsed < 0 || parsed > MAX_LIMIT ? MAX_LIMIT : (int) parsed;
    }
    String maxWaitValue = form.first("maxwaitsec");
    int waitSeconds = maxWaitValue.isEmpty() ? 0 : GoStrconv.atoi(maxWaitValue);
    if (waitSeconds != 0 && !after.isEmpty()) {
      Responses.send(
          exchange, 400, Responses.TEXT, Responses.bytes("Can't use 'maxwaitsec' with 'after'.\n"));
      return;
    }
    List<SizedRef> page = waitSeconds > 0 ? List.of() : store.enumerate(after, limit);

    StringBuilder body = new StringBuilder("{\n  \"blobs\": [\n");
    for (int i = 0; i < page.size(); i++) {
      SizedRef blob = page.get(i);
      body.append(i == 0 ? "" : ",\n")
          .append("    {\"blobRef\": \"")
          .append(blob.ref())
          .append("\", \"size\": ")
          .append(blob.size())
          .append('}');
    }
    body.append("\n  ]");
    if (!page.isEmpty() && page.size() >= limit) {
      body.append(",\n  \"continueAfter\": \"").append(page.get(page.size() - 1).ref()).append('"');
    }
    body.append(",\n  \"canLongPoll\": true\n}\n");

    for (String removed : faults.takeRemovalsAfterEnumerate(page)) {
      store.remove(BlobRef.parse(removed));
    }
    Responses.sendStreamed(exchange, 200, CONTENT_TYPE, Responses.bytes(body.toString()));
  }
}
