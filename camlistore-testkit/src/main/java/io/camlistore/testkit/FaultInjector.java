package io.camlistore.testkit;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.internal.FaultPlan;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Makes the embedded server misbehave on purpose, so tests can check how a client copes.
 *
 * <p>Request faults are queued: each applies to the next {@code count} requests that match its
 * predicate (every request, if none is given), in the order they were added; a request takes at
 * most one fault. Faults apply before authentication, to any path. Blob faults last until {@link
 * #clear()}. Thread-safe; methods return {@code this} for chaining.
 *
 * <pre>{@code
 * server.faults()
 *     .failNextRequests(2, 503, r -> r.isBlobAction("POST", "upload"))
 *     .corruptBlob(ref);
 * }</pre>
 */
public final class FaultInjector {
  private final FaultPlan plan;

  FaultInjector(FaultPlan plan) {
    this.plan = plan;
  }

  /**
   * Answers the next requests with an error status and a short plain-text body instead of handling
   * them.
   *
   * @param count how many requests, at least 1
   * @param status the HTTP status to answer with, 100 to 599 (e.g. 500 or 503)
   * @return this
   * @throws IllegalArgumentException if count or status is out of range
   */
  public FaultInjector failNextRequests(int count, int status) {
    return failNextRequests(count, status, FaultInjector::any);
  }

  /**
   * Answers the next matching requests with an error status instead of handling them.
   *
   * @param count how many requests, at least 1
   * @param status the HTTP status to answer with, 100 to 599
   * @param matching which requests count
   * @return this
   * @throws IllegalArgumentException if count or status is out of range
   */
  public FaultInjector failNextRequests(
      int count, int status, Predicate<RecordedRequest> matching) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    return add(new FaultPlan.Fail(status), count, matching);
  }

  /**
   * Closes the connection of the next requests without answering (the client sees a reset or an
   * unexpected end of stream).
   *
   * @param count how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException if count is below 1
   */
  public FaultInjector dropNextConnections(int count) {
    return dropNextConnections(count, FaultInjector::any);
  }

  /**
   * Closes the connection of the next matching requests without answering.
   *
   * @param count how many requests, at least 1
   * @param matching which requests count
   * @return this
   * @throws IllegalArgumentException if count is below 1
   */
  public FaultInjector dropNextConnections(int count, Predicate<RecordedRequest> matching) {
    return add(new FaultPlan.Drop(), count, matching);
  }

  /**
   * Handles the next requests normally but sends only the first {@code keepBytes} bytes of each
   * response body, after headers announcing the full length, then closes the connection. (Any
   * server-side effect of the request, such as storing an upload, still happens.)
   *
   * @param count how many requests, at least 1
   * @param keepBytes how many body bytes to send, at least 0
   * @return this
   * @throws IllegalArgumentException if count or keepBytes is out of range
   */
  public FaultInjector truncateNextResponses(int count, int keepBytes) {
    return truncateNextResponses(count, keepBytes, FaultInjector::any);
  }

  /**
   * Truncates the response bodies of the next matching requests.
   *
   * @param count how many requests, at least 1
   * @param keepBytes how many body bytes to send, at least 0
   * @param matching which requests count
   * @return this
   * @throws IllegalArgumentException if count or keepBytes is out of range
   */
  public FaultInjector truncateNextResponses(
      int count, int keepBytes, Predicate<RecordedRequest> matching) {
    if (keepBytes < 0) {
      throw new IllegalArgumentException("keepBytes must be at least 0, was " + keepBytes);
    }
    return add(new FaultPlan.Truncate(keepBytes), count, matching);
  }

  /**
   * Waits before handling the next requests, e.g. to trigger a client's timeout.
   *
   * @param count how many requests, at least 1
   * @param delay how long to wait before handling each
   * @return this
   * @throws IllegalArgumentException if count is below 1 or the delay is negative
   */
  public FaultInjector delayNextRequests(int count, Duration delay) {
    return delayNextRequests(count, delay, FaultInjector::any);
  }

  /**
   * Waits before handling the next matching requests.
   *
   * @param count how many requests, at least 1
   * @param delay how long to wait before handling each
   * @param matching which requests count
   * @return this
   * @throws IllegalArgumentException if count is below 1 or the delay is negative
   */
  public FaultInjector delayNextRequests(
      int count, Duration delay, Predicate<RecordedRequest> matching) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return add(new FaultPlan.Delay(delay), count, matching);
  }

  /**
   * Serves this blob with its first byte changed (same length; an empty blob is served as one
   * byte), so a client that checks hashes sees a mismatch. The stored blob is untouched; stat and
   * enumerate report it normally.
   *
   * @param ref the blob to corrupt on GET
   * @return this
   */
  public FaultInjector corruptBlob(BlobRef ref) {
    plan.corrupt(ref.toString());
    return this;
  }

  /**
   * Refuses every upload of this blob as a real server refuses a blob whose bytes do not match its
   * ref ({@code corrupt blob; digest doesn't match}): a multipart upload stops at it, so the parts
   * after it are not stored either, and answers 200 with the blobs before it in {@code received}
   * and the error in {@code errorText}; a {@code PUT} answers 400. Lasts until {@link #clear()}.
   *
   * @param ref the blob to refuse
   * @return this
   */
  public FaultInjector refuseBlob(BlobRef ref) {
    plan.refuse(ref.toString());
    return this;
  }

  /**
   * Removes this blob from the store right after an enumerate page has listed it, as if another
   * client deleted it in between; a following GET then answers 404.
   *
   * @param ref the blob to remove once listed
   * @return this
   */
  public FaultInjector removeBlobWhenEnumerated(BlobRef ref) {
    plan.removeWhenEnumerated(ref.toString());
    return this;
  }

  /** {@return how many requests the queued request faults will still affect} */
  public int pendingRequestFaults() {
    return plan.pending();
  }

  /** Forgets every queued request fault and every blob fault. */
  public void clear() {
    plan.clear();
  }

  private static boolean any(RecordedRequest request) {
    return true;
  }

  private FaultInjector add(
      FaultPlan.Action action, int count, Predicate<RecordedRequest> matching) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    plan.add(action, count, Objects.requireNonNull(matching, "matching"));
    return this;
  }
}
