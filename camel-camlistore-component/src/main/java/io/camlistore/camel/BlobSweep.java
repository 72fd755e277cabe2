package io.camlistore.camel;

import io.camlistore.client.BlobMeta;
import io.camlistore.client.BlobPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The enumerate consumer's sweeps over the blob store, delivering every blob exactly once: the ones
 * there at the start, the ones stored later wherever their refs sort, and the ones stored while the
 * consumer was stopped.
 *
 * <p>A sweep lists the whole store in blobref order, a page of up to {@link #PAGE_SIZE} refs at a
 * time, and merges each page with the {@link DeliveredRefs}, which it asks about the same refs in
 * the same order: the listed blobs not delivered before are handed out, up to {@code
 * maxMessagesPerPoll} per poll. When the sweep has listed the last page and settled every blob, it
 * is complete, and the next poll starts the next sweep from the beginning, so new blobs are found
 * one poll delay after a sweep at the latest.
 *
 * <p>A listed blob is settled once it was known, or its exchange completed (delivered) or failed
 * (not delivered: the next sweep, which finds it missing from the set, delivers it again). The
 * sweep's position advances over settled blobs in order and records the delivered ones in the set,
 * so what the set holds is exactly what was delivered, in order; blobs handed out and not yet
 * settled hold the position back and are never handed out twice. Listing stops while a page of
 * blobs waits behind one in flight, which bounds memory to about two pages of refs.
 *
 * <p>Thread-safe: exchanges settle on other threads. Listing and asking the set happen on the
 * polling thread, outside the lock, so that completions never wait for the server.
 */
final class BlobSweep {
  /** The most refs listed per request: the server's maximum. */
  static final int PAGE_SIZE = 10_000;

  /** What the sweep knows of a listed blob it has not passed yet. */
  private enum Mark {
    /** Delivered by an earlier sweep. */
    KNOWN,
    /** Not delivered yet, not handed out yet. */
    WAITING,
    /** Handed out; its exchange has not completed. */
    IN_FLIGHT,
    /** Delivered by this sweep. */
    DELIVERED,
    /** Not delivered (failed, or gone from the server): a later sweep tries again. */
    SKIPPED
  }

  /** Fetches one page of the listing. */
  @FunctionalInterface
  interface Lister {
    /**
     * {@return the page of blobs after {@code after}, at most {@code limit}}
     *
     * @param after exclusive lower bound, or null for the beginning
     * @param limit the page size
     */
    BlobPage list(@Nullable String after, int limit);
  }

  private final DeliveredRefs delivered;
  private final @Nullable String startAfter;
  private final int pageSize;
  private final TreeMap<String, Mark> tracked = new TreeMap<>();
  private final TreeMap<String, BlobMeta> waiting = new TreeMap<>();
  private @Nullable String listedUpTo;
  private boolean listedToEnd;
  private boolean complete;
  private long completedSweeps;

  /**
   * Creates the sweeps, resuming an interrupted one.
   *
   * @param delivered what was delivered
   * @param startAfter only refs sorting after this text are delivered, or null for all
   * @param pageSize the most refs listed per request
   */
  BlobSweep(DeliveredRefs delivered, @Nullable String startAfter, int pageSize) {
    this.delivered = delivered;
    this.startAfter = startAfter;
    this.pageSize = pageSize;
    this.listedUpTo = later(startAfter, delivered.resumeAfter());
  }

  /**
   * Hands out the next blobs to deliver, listing as far as needed to find them: starts the next
   * sweep when the last one is complete, and lists until {@code max} blobs wait to be handed out,
   * the sweep has listed everything, a page of settled blobs waits behind one in flight, or {@code
   * keepListing} says to stop.
   *
   * @param max the most blobs to hand out
   * @param lister fetches a page of the listing
   * @param keepListing false when the consumer is stopping
   * @return the blobs handed out, in ref order; empty when none is left in this sweep
   */
  List<BlobMeta> next(int max, Lister lister, BooleanSupplier keepListing) {
    synchronized (this) {
      if (complete) {
        complete = false;
        listedToEnd = false;
        listedUpTo = later(startAfter, delivered.resumeAfter());
      } else if (listedToEnd && tracked.isEmpty()) {
        // Completing the sweep failed (the state file could not be replaced): report it again.
        advance();
      }
    }
    while (true) {
      String after;
      synchronized (this) {
        if (complete
            || listedToEnd
            || waiting.size() >= max
            || tracked.size() - waiting.size() >= pageSize) {
          return handOut(max);
        }
        after = listedUpTo;
      }
      if (!keepListing.getAsBoolean()) {
        return List.of();
      }
      BlobPage page = lister.list(after, pageSize);
      List<BlobMeta> blobs = page.blobs();
      boolean[] known = new boolean[blobs.size()];
      for (int i = 0; i < known.length; i++) {
        known[i] = delivered.contains(blobs.get(i).blobRef().toString());
      }
      synchronized (this) {
        merge(blobs, known, page.continueAfter() == null);
      }
    }
  }

  private void merge(List<BlobMeta> blobs, boolean[] known, boolean lastPage) {
    for (int i = 0; i < known.length; i++) {
      BlobMeta meta = blobs.get(i);
      String ref = meta.blobRef().toString();
      if (listedUpTo != null && ref.compareTo(listedUpTo) <= 0) {
        continue;
      }
      if (known[i]) {
        tracked.put(ref, Mark.KNOWN);
      } else {
        tracked.put(ref, Mark.WAITING);
        waiting.put(ref, meta);
      }
      listedUpTo = ref;
    }
    listedToEnd = lastPage;
    advance();
  }

  private List<BlobMeta> handOut(int max) {
    List<BlobMeta> out = new ArrayList<>(Math.min(max, waiting.size()));
    while (out.size() < max && !waiting.isEmpty()) {
      Map.Entry<String, BlobMeta> next = waiting.pollFirstEntry();
      tracked.put(next.getKey(), Mark.IN_FLIGHT);
      out.add(next.getValue());
    }
    return out;
  }

  /** Records that a blob's exchange completed: it is delivered. */
  synchronized void completed(String ref) {
    settle(ref, Mark.DELIVERED);
  }

  /** Records that a blob was not delivered (its exchange failed, or it is gone). */
  synchronized void skipped(String ref) {
    settle(ref, Mark.SKIPPED);
  }

  /** Takes back a blob handed out but not processed (the consumer is stopping). */
  synchronized void released(BlobMeta meta) {
    String ref = meta.blobRef().toString();
    if (tracked.get(ref) == Mark.IN_FLIGHT) {
      tracked.put(ref, Mark.WAITING);
      waiting.put(ref, meta);
    }
  }

  private void settle(String ref, Mark mark) {
    if (tracked.get(ref) == Mark.IN_FLIGHT) {
      tracked.put(ref, mark);
      advance();
    }
  }

  /** Passes the settled blobs at the front, recording the delivered ones. */
  private void advance() {
    while (!tracked.isEmpty()) {
      Map.Entry<String, Mark> first = tracked.firstEntry();
      Mark mark = first.getValue();
      if (mark == Mark.WAITING || mark == Mark.IN_FLIGHT) {
        return;
      }
      tracked.pollFirstEntry();
      if (mark != Mark.SKIPPED) {
        delivered.passed(first.getKey(), mark == Mark.DELIVERED);
      }
    }
    if (listedToEnd && !complete) {
      delivered.sweepCompleted();
      complete = true;
      completedSweeps++;
    }
  }

  /** Makes the recorded deliveries durable. */
  synchronized void flush() {
    delivered.flush();
  }

  /** {@return how many sweeps completed since this object was created} */
  synchronized long completedSweeps() {
    return completedSweeps;
  }

  /** {@return how many listed blobs wait behind the position, handed out or not} */
  synchronized int trackedCount() {
    return tracked.size();
  }

  private static @Nullable String later(@Nullable String a, @Nullable String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
