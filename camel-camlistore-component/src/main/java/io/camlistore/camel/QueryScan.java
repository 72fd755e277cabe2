package io.camlistore.camel;

import io.camlistore.client.BlobDescription;
import io.camlistore.client.SearchResult;
import io.camlistore.client.SearchResults;
import io.camlistore.protocol.BlobRef;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The query consumer's scans of a search, delivering each matching permanode once when it appears
 * and again each time it changes.
 *
 * <p>A scan pages through the search sorted by modification time, newest first (the only order a
 * Perkeep 0.11 server pages with continue tokens), until it reaches a permanode modified before the
 * floor, or the last page. Each result is a {@link Change}: a permanode at a modification time. The
 * changes not delivered yet are handed out, up to {@code maxMessagesPerPoll} per poll. When a scan
 * is complete, the next poll starts the next one from the top, and the floor rises to the newest
 * modification time the scan saw minus the lookback: the changes above it are remembered, so that
 * the next scan, which reads them again, skips them, while a change the server indexes late, with
 * an older time, is still found.
 *
 * <p>A scan commits its position page by page: the continue token after a page is kept once every
 * change of the page is settled, so a restart resumes there, and the changes delivered from a page
 * are remembered until it is committed (the lookback window's ones longer). A failed delivery is
 * remembered by permanode and delivered again by the next poll, with the permanode as it is then.
 * Memory is bounded by the changes within the lookback window plus a page or two.
 *
 * <p>Thread-safe: exchanges settle on other threads. Searching happens on the polling thread,
 * outside the lock.
 */
final class QueryScan {
  /**
   * A permanode at a modification time: what one delivery is for.
   *
   * @param modNanos the modification time, Unix nanoseconds
   * @param ref the permanode
   */
  record Change(long modNanos, BlobRef ref) {
    /** The order of a scan: newest first, then by ref, descending, as the server sorts. */
    static final Comparator<Change> SCAN_ORDER =
        Comparator.comparingLong(Change::modNanos)
            .thenComparing(change -> change.ref().toString())
            .reversed();

    /**
     * {@return the change a description shows}
     *
     * @param description a permanode's description
     */
    static Change of(BlobDescription description) {
      Instant time = description.modTime();
      long nanos =
          time == null
              ? 0
              : Math.addExact(
                  Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
      return new Change(nanos, description.blobRef());
    }
  }

  /** A change handed out for delivery, with the permanode's description. */
  static final class Claim {
    private final Change change;
    private final BlobDescription description;
    private final @Nullable Page page;

    private Claim(Change change, BlobDescription description, @Nullable Page page) {
      this.change = change;
      this.description = description;
      this.page = page;
    }

    /** {@return the change delivered} */
    Change change() {
      return change;
    }

    /** {@return the permanode's description} */
    BlobDescription description() {
      return description;
    }
  }

  /** Runs one page of the search. */
  @FunctionalInterface
  interface Searcher {
    /**
     * {@return the page after the one that returned this token, newest first, described}
     *
     * @param continueToken null for the first page
     */
    SearchResults search(@Nullable String continueToken);
  }

  /** A page of the scan whose changes are not all settled. */
  private static final class Page {
    final @Nullable String continueToken;
    final List<Change> fresh = new ArrayList<>();
    int unsettled;

    Page(@Nullable String continueToken) {
      this.continueToken = continueToken;
    }
  }

  private final long lookbackNanos;
  private final Set<Change> delivered;
  private final Set<BlobRef> retries;
  private @Nullable Long floor;
  private @Nullable Long top;
  private @Nullable String committedToken;
  private final ArrayDeque<Page> pages = new ArrayDeque<>();
  private final TreeMap<Change, Claim> waiting = new TreeMap<>(Change.SCAN_ORDER);
  private final Set<Change> inFlight = new HashSet<>();
  private final Set<BlobRef> retriesInFlight = new HashSet<>();
  private @Nullable String nextToken;
  private boolean active;
  private boolean listedToEnd;
  private QueryState saved;
  private long completedScans;

  /**
   * Creates the scans, resuming the state a consumer saved.
   *
   * @param state the saved state
   * @param lookbackNanos how far below the newest modification time a scan reads again
   */
  QueryScan(QueryState state, long lookbackNanos) {
    this.lookbackNanos = lookbackNanos;
    this.floor = state.floor();
    this.top = state.top();
    this.committedToken = state.token();
    this.delivered = new HashSet<>(state.delivered());
    this.retries = new LinkedHashSet<>(state.retries());
    this.active = top != null;
    this.nextToken = committedToken;
    this.saved = state;
  }

  /**
   * Hands out the next changes to deliver, searching as far as needed to find them: starts the next
   * scan when the last one is complete, and pages until {@code max} changes wait to be handed out,
   * the scan reached its end, two pages are not settled, or {@code keepListing} says to stop.
   *
   * @param max the most changes to hand out
   * @param searcher runs a page of the search
   * @param keepListing false when the consumer is stopping
   * @return the changes handed out, in scan order; empty when none is left in this scan
   */
  List<Claim> next(int max, Searcher searcher, BooleanSupplier keepListing) {
    synchronized (this) {
      if (!active) {
        active = true;
        listedToEnd = false;
        nextToken = null;
      }
    }
    while (true) {
      String token;
      synchronized (this) {
        if (!active || listedToEnd || waiting.size() >= max || pages.size() >= 2) {
          return handOut(max);
        }
        token = nextToken;
      }
      if (!keepListing.getAsBoolean()) {
        return List.of();
      }
      SearchResults page = searcher.search(token);
      synchronized (this) {
        merge(page);
      }
    }
  }

  private void merge(SearchResults results) {
    Page page = new Page(results.continueToken());
    for (SearchResult result : results.results()) {
      BlobDescription description = result.description();
      if (description == null) {
        throw new IllegalStateException(
            "the server did not describe the result " + result.blobRef());
      }
      Change change = Change.of(description);
      if (top == null) {
        top = change.modNanos();
      }
      if (floor != null && change.modNanos() < floor) {
        listedToEnd = true;
        break;
      }
      if (delivered.contains(change) || inFlight.contains(change)) {
        continue;
      }
      page.fresh.add(change);
      page.unsettled++;
      waiting.put(change, new Claim(change, description, page));
    }
    nextToken = page.continueToken;
    if (nextToken == null) {
      listedToEnd = true;
    }
    pages.add(page);
    commit();
  }

  private List<Claim> handOut(int max) {
    List<Claim> out = new ArrayList<>(Math.min(max, waiting.size()));
    while (out.size() < max && !waiting.isEmpty()) {
      Map.Entry<Change, Claim> next = waiting.pollFirstEntry();
      inFlight.add(next.getKey());
      out.add(next.getValue());
    }
    return out;
  }

  /**
   * {@return the permanodes whose delivery failed and that are not being delivered, at most max}
   *
   * @param max the most to return
   */
  synchronized List<BlobRef> dueRetries(int max) {
    List<BlobRef> due = new ArrayList<>();
    for (BlobRef ref : retries) {
      if (due.size() == max) {
        break;
      }
      if (!retriesInFlight.contains(ref)) {
        due.add(ref);
      }
    }
    return due;
  }

  /**
   * Hands out a failed permanode again, as it is now.
   *
   * @param description the permanode's current description
   * @return the claim, or null when this change is delivered or being delivered already
   */
  synchronized @Nullable Claim retry(BlobDescription description) {
    Change change = Change.of(description);
    if (delivered.contains(change)) {
      retries.remove(change.ref());
      return null;
    }
    if (waiting.containsKey(change) || !inFlight.add(change)) {
      return null;
    }
    retriesInFlight.add(change.ref());
    return new Claim(change, description, null);
  }

  /** Forgets a failed permanode that is gone from the server. */
  synchronized void dropRetry(BlobRef ref) {
    retries.remove(ref);
  }

  /** Records that a change was delivered. */
  synchronized void completed(Claim claim) {
    delivered.add(claim.change);
    retries.remove(claim.change.ref());
    settle(claim);
  }

  /** Records that a delivery failed: the next poll delivers the permanode again. */
  synchronized void failed(Claim claim) {
    retries.add(claim.change.ref());
    settle(claim);
  }

  /** Takes back a change handed out but not processed (the consumer is stopping). */
  synchronized void released(Claim claim) {
    inFlight.remove(claim.change);
    if (claim.page == null) {
      retriesInFlight.remove(claim.change.ref());
    } else {
      waiting.put(claim.change, claim);
    }
  }

  private void settle(Claim claim) {
    inFlight.remove(claim.change);
    Page page = claim.page;
    if (page == null) {
      retriesInFlight.remove(claim.change.ref());
      return;
    }
    page.unsettled--;
    commit();
  }

  /** Commits the settled pages at the front, and completes the scan when it reached its end. */
  private void commit() {
    while (!pages.isEmpty() && pages.peekFirst().unsettled == 0) {
      Page page = pages.pollFirst();
      committedToken = page.continueToken;
      if (top != null) {
        long keep = top - lookbackNanos;
        // This scan is past them now, and the next one stops before them.
        page.fresh.stream().filter(change -> change.modNanos() < keep).forEach(delivered::remove);
      }
    }
    if (active && listedToEnd && pages.isEmpty()) {
      Long newest = top;
      if (newest != null) {
        long raised = newest - lookbackNanos;
        floor = floor == null ? raised : Math.max(floor, raised);
      }
      Long keep = floor;
      if (keep != null) {
        delivered.removeIf(change -> change.modNanos() < keep);
      }
      top = null;
      committedToken = null;
      active = false;
      completedScans++;
    }
  }

  /** {@return the state to save, or null when it is the one last {@link #saved}} */
  synchronized @Nullable QueryState unsavedState() {
    List<Change> remembered = new ArrayList<>(delivered);
    remembered.sort(Change.SCAN_ORDER);
    QueryState state =
        new QueryState(floor, top, committedToken, List.copyOf(remembered), List.copyOf(retries));
    return state.equals(saved) ? null : state;
  }

  /**
   * Records that a state was saved.
   *
   * @param state what {@link #unsavedState()} returned
   */
  synchronized void saved(QueryState state) {
    saved = state;
  }

  /** {@return how many scans completed since this object was created} */
  synchronized long completedScans() {
    return completedScans;
  }

  /** {@return how many delivered changes are remembered} */
  synchronized int rememberedCount() {
    return delivered.size();
  }
}
