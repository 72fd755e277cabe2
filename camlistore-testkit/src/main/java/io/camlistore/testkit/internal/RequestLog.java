package io.camlistore.testkit.internal;

import io.camlistore.testkit.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;

/** The most recent requests the server received, up to a limit, and a total count. Thread-safe. */
public final class RequestLog {
  private final int limit;
  private final ArrayDeque<RecordedRequest> recent = new ArrayDeque<>();
  private long total;

  /**
   * Creates an empty log.
   *
   * @param limit how many requests to keep; older ones are forgotten (but still counted)
   */
  public RequestLog(int limit) {
    this.limit = limit;
  }

  /**
   * Records a request.
   *
   * @param request the request
   */
  public synchronized void add(RecordedRequest request) {
    if (recent.size() == limit) {
      recent.removeFirst();
    }
    recent.addLast(request);
    total++;
  }

  /** {@return the kept requests, oldest first} */
  public synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(recent);
  }

  /** {@return how many requests were received since the last clear} */
  public synchronized long total() {
    return total;
  }

  /** Forgets all requests and resets the count. */
  public synchronized void clear() {
    recent.clear();
    total = 0;
  }
}
