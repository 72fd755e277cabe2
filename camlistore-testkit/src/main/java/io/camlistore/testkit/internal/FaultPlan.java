package io.camlistore.testkit.internal;

import io.camlistore.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The faults queued for the embedded server. Thread-safe. */
public final class FaultPlan {
  /** What to do to one request. */
  public sealed interface Action permits Fail, Drop, Truncate, Delay {}

  /**
   * Answer with a status instead of handling the request.
   *
   * @param status the HTTP status
   */
  public record Fail(int status) implements Action {}

  /** Close the connection without answering. */
  public record Drop() implements Action {}

  /**
   * Handle the request, but send only part of the response body, then close the connection.
   *
   * @param keepBytes how many body bytes to send
   */
  public record Truncate(int keepBytes) implements Action {}

  /**
   * Wait, then handle the request normally.
   *
   * @param delay how long to wait
   */
  public record Delay(Duration delay) implements Action {}

  private static final class Rule {
    private final Action action;
    private final Predicate<RecordedRequest> matcher;
    private int remaining;

    private Rule(Action action, int count, Predicate<RecordedRequest> matcher) {
      this.action = action;
      this.remaining = count;
      this.matcher = matcher;
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final Set<String> removeWhenEnumerated = ConcurrentHashMap.newKeySet();

  /**
   * Queues an action for the next {@code count} matching requests.
   *
   * @param action what to do
   * @param count how many requests it applies to
   * @param matcher which requests it applies to
   */
  public synchronized void add(Action action, int count, Predicate<RecordedRequest> matcher) {
    rules.add(new Rule(action, count, matcher));
  }

  /**
   * Takes the first queued action that applies to a request, using up one of its count.
   *
   * @param request the request just received
   * @return the action, or null to handle the request normally
   */
  public synchronized @Nullable Action take(RecordedRequest request) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matcher.test(request)) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return rule.action;
      }
    }
    return null;
  }

  /** {@return how many requests queued actions still apply to} */
  public synchronized int pending() {
    return rules.stream().mapToInt(rule -> rule.remaining).sum();
  }

  /**
   * Marks a blob to be served corrupted.
   *
   * @param ref the blobref text
   */
  public void corrupt(String ref) {
    corrupted.add(ref);
  }

  /**
   * Tells whether a blob is served corrupted.
   *
   * @param ref the blobref text
   * @return true if marked by {@link #corrupt(String)}
   */
  public boolean isCorrupted(String ref) {
    return corrupted.contains(ref);
  }

  /**
   * Marks a blob to be refused on upload.
   *
   * @param ref the blobref text
   */
  public void refuse(String ref) {
    refused.add(ref);
  }

  /**
   * Tells whether uploads of a blob are refused.
   *
   * @param ref the blobref text
   * @return true if marked by {@link #refuse(String)}
   */
  public boolean isRefused(String ref) {
    return refused.contains(ref);
  }

  /**
   * Marks a blob to be removed right after an enumerate page lists it.
   *
   * @param ref the blobref text
   */
  public void removeWhenEnumerated(String ref) {
    removeWhenEnumerated.add(ref);
  }

  /**
   * Takes the marks of blobs an enumerate page just listed.
   *
   * @param listed the refs on the page
   * @return those that were marked (the marks are cleared)
   */
  public List<String> takeRemovalsAfterEnumerate(List<SizedRef> listed) {
    List<String> due = new ArrayList<>();
    for (SizedRef blob : listed) {
      if (removeWhenEnumerated.remove(blob.ref())) {
        due.add(blob.ref());
      }
    }
    return due;
  }

  /** Forgets every queued fault and mark. */
  public synchronized void clear() {
    rules.clear();
    corrupted.clear();
    refused.clear();
    removeWhenEnumerated.clear();
  }
}
