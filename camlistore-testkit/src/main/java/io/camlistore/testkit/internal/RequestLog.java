package io.camlistore.testkit.internal;

import io.camlistore.testkit.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The most recent requests the server received, up to a limit, and a total count; each recorded
 * when it arrives and completed with its body once answered. Thread-safe.
 */
public final class RequestLog {
  private final int limit;
  private final ArrayDeque<Entry> recent = new ArrayDeque<>();
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
   * Records a request as it arrives.
   *
   * @param request the request, without its body
   * @return the entry, to complete with the body once the request is answered
   */
  public synchronized Entry add(RecordedRequest request) {
    if (recent.size() == limit) {
      recent.removeFirst();
    }
    Entry entry = new Entry(request);
    recent.addLast(entry);
    total++;
    return entry;
  }

  /** {@return the kept requests, oldest first} */
  public synchronized List<RecordedRequest> snapshot() {
    return recent.stream().map(Entry::request).toList();
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

  /** One recorded request; completed with its body once answered. */
  public static final class Entry {
    private volatile RecordedRequest request;

    private Entry(RecordedRequest request) {
      this.request = request;
    }

    RecordedRequest request() {
      return request;
    }

    /**
     * Adds the body the server read.
     *
     * @param body the recorded start of the body
     */
    public void complete(byte[] body) {
      request = request.withBody(body);
    }
  }
}
