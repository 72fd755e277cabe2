package io.camlistore.camel;

import io.camlistore.client.BlobMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where the consumer's walk over the blob store stands, in blobref order.
 *
 * <p>The position is the ref up to which every listed blob has been processed: pages are listed
 * after it, and it advances only over a contiguous run of completed blobs. Blobs listed beyond it
 * are tracked until then: one in progress or completed is not handed out again when a later poll
 * lists it again (the in-progress set), and one whose exchange failed holds the position back and
 * is handed out again by the next poll. Thread-safe: exchanges complete on other threads.
 */
final class BlobCursor {
  private enum State {
    IN_PROGRESS,
    DONE,
    FAILED
  }

  private final TreeMap<String, State> tracked = new TreeMap<>();
  private final Consumer<String> onAdvance;
  private @Nullable String position;

  /**
   * Creates a cursor.
   *
   * @param position where to start (exclusive), or null for the beginning
   * @param onAdvance told each new position, to persist it
   */
  BlobCursor(@Nullable String position, Consumer<String> onAdvance) {
    this.position = position;
    this.onAdvance = onAdvance;
  }

  /** {@return the position: every blob up to it was processed; null before the first} */
  synchronized @Nullable String position() {
    return position;
  }

  /**
   * Takes the blobs of a page listed after {@link #position()} that should be delivered now: those
   * not yet delivered and those whose delivery failed. Also forgets failed blobs that the listing
   * shows are gone from the server, so they cannot hold the position back forever.
   *
   * @param listed the page, in blobref order
   * @param lastPage whether the page reached the end of the store
   * @return the blobs to deliver, now marked in progress
   */
  synchronized List<BlobMeta> claim(List<BlobMeta> listed, boolean lastPage) {
    Map<String, State> covered =
        lastPage || listed.isEmpty()
            ? tracked
            : tracked.headMap(listed.get(listed.size() - 1).blobRef().toString(), true);
    Set<String> listedRefs =
        listed.stream().map(meta -> meta.blobRef().toString()).collect(Collectors.toSet());
    covered
        .entrySet()
        .removeIf(
            entry -> entry.getValue() == State.FAILED && !listedRefs.contains(entry.getKey()));
    List<BlobMeta> claimed = new ArrayList<>();
    for (BlobMeta meta : listed) {
      String ref = meta.blobRef().toString();
      if (position != null && ref.compareTo(position) <= 0) {
        continue;
      }
      State state = tracked.get(ref);
      if (state == null || state == State.FAILED) {
        tracked.put(ref, State.IN_PROGRESS);
        claimed.add(meta);
      }
    }
    advance();
    return claimed;
  }

  /** Records that a blob was processed, and advances the position over completed blobs. */
  synchronized void completed(String ref) {
    if (tracked.containsKey(ref)) {
      tracked.put(ref, State.DONE);
      advance();
    }
  }

  /** Records that a blob was not processed: the next poll delivers it again. */
  synchronized void failed(String ref) {
    if (tracked.containsKey(ref)) {
      tracked.put(ref, State.FAILED);
    }
  }

  /** {@return how many blobs are tracked beyond the position} */
  synchronized int trackedCount() {
    return tracked.size();
  }

  private void advance() {
    String before = position;
    while (!tracked.isEmpty() && tracked.firstEntry().getValue() == State.DONE) {
      position = tracked.pollFirstEntry().getKey();
    }
    if (position != null && !position.equals(before)) {
      onAdvance.accept(position);
    }
  }
}
