package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST camli/remove}: forbidden (403 JSON) unless removal is enabled, as on a real server
 * with a high-level configuration; when enabled, removes {@code blob1…blobN}.
 */
final class RemoveHandler {
  /** Exactly what 0.11 answers when its storage is not deletable. */
  static final String NOT_DELETABLE =
      "storage *serverinit.storageAndConfig does not permit deletes";

  private static final int MAX_REMOVES = 1000;

  private final BlobStore store;
  private final boolean enabled;

  RemoveHandler(BlobStore store, boolean enabled) {
    this.store = store;
    this.enabled = enabled;
  }

  void handle(HttpExchange exchange) throws IOException {
    Map<String, Object> answer = new LinkedHashMap<>();
    if (!enabled) {
      answer.put("removed", null);
      answer.put("error", NOT_DELETABLE);
      Responses.json(exchange, 403, answer);
      return;
    }
    FormValues form = BlobProtocolHandler.form(exchange);
    List<WireRef> refs = new ArrayList<>();
    // Like 0.11, the limit check runs before each key is read: 1000 keys are already too many.
    for (int n = 1; ; n++) {
      if (n > MAX_REMOVES) {
        Responses.badRequest(exchange);
        return;
      }
      String value = form.first("blob" + n);
      if (value.isEmpty()) {
        break;
      }
      WireRef ref = WireRef.parse(value);
      if (ref == null) {
        Responses.badRequest(exchange);
        return;
      }
      refs.add(ref);
    }
    List<Object> removed = new ArrayList<>();
    for (WireRef ref : refs) {
      ref.blobRef().ifPresent(store::remove);
      removed.add(ref.toString());
    }
    answer.put("removed", removed);
    answer.put("error", "");
    Responses.json(exchange, 200, answer);
  }
}
