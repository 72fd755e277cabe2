package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@code camli/stat}: which of the given blobs are present, optionally waiting for them. */
final class StatHandler {
  private static final int MAX_STAT_BLOBS = 1000;
  private static final int MAX_WAIT_SECONDS = 30;

  private final BlobStore store;

  StatHandler(BlobStore store) {
    this.store = store;
  }

  void handle(HttpExchange exchange) throws IOException {
    FormValues form = BlobProtocolHandler.form(exchange);
    if (form.first("camliversion").isEmpty()) {
      Responses.badRequest(exchange);
      return;
    }
    Set<String> needed = new LinkedHashSet<>();
    for (int n = 1; ; n++) {
      String value = form.first("blob" + n);
      if (value.isEmpty()) {
        break;
      }
      WireRef ref = WireRef.parse(value);
      if (n > MAX_STAT_BLOBS || ref == null) {
        Responses.badRequest(exchange);
        return;
      }
      needed.add(ref.toString());
    }
    int waitSeconds =
        Math.max(0, Math.min(MAX_WAIT_SECONDS, GoStrconv.atoi(form.first("maxwaitsec"))));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);

    List<Object> found = new ArrayList<>();
    while (true) {
      long mark = store.arrivalMark();
      for (var it = needed.iterator(); it.hasNext(); ) {
        String ref = it.next();
        Long size = store.size(ref);
        if (size != null) {
          found.add(BlobProtocolHandler.sized(new SizedRef(ref, size)));
          it.remove();
        }
      }
      if (needed.isEmpty() || waitSeconds == 0 || System.nanoTime() - deadline >= 0) {
        break;
      }
      try {
        store.awaitArrival(mark, deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionAbort("server stopping during a stat long-poll");
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("stat", found);
    answer.put("canLongPoll", true);
    Responses.json(exchange, 200, answer);
  }
}
