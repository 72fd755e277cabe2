package io.camlistore.testkit.internal;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.BlobListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The server's blob store: a sorted index of refs and sizes over a {@link ContentStore}, with
 * listeners and a way to wait for new blobs (stat long-polling).
 *
 * <p>Thread-safe. Refs sort by their text, which is the order enumerate lists them in.
 */
public final class BlobStore {
  private final ContentStore content;
  private final NavigableMap<String, Long> sizes = new ConcurrentSkipListMap<>();
  private final AtomicLong totalBytes = new AtomicLong();
  private final List<BlobListener> listeners = new CopyOnWriteArrayList<>();
  private final Object arrivals = new Object();
  private long arrivalCount;

  /**
   * Opens a store, indexing the blobs the content store already holds.
   *
   * @param content where the bytes live
   */
  public BlobStore(ContentStore content) {
    this.content = content;
    for (Map.Entry<BlobRef, Long> existing : content.existing().entrySet()) {
      sizes.put(existing.getKey().toString(), existing.getValue());
      totalBytes.addAndGet(existing.getValue());
    }
  }

  /** {@return the content store (for its generation and init time)} */
  public ContentStore content() {
    return content;
  }

  /**
   * Stores a blob whose bytes have been verified against its ref.
   *
   * @param ref the blob's ref
   * @param bytes its bytes
   * @return true if the blob was new, false if it was already stored
   */
  public boolean put(BlobRef ref, byte[] bytes) {
    String key = ref.toString();
    if (sizes.containsKey(key)) {
      return false;
    }
    content.write(ref, bytes);
    boolean added = sizes.putIfAbsent(key, (long) bytes.length) == null;
    if (added) {
      totalBytes.addAndGet(bytes.length);
      for (BlobListener listener : listeners) {
        listener.blobStored(ref, bytes);
      }
      synchronized (arrivals) {
        arrivalCount++;
        arrivals.notifyAll();
      }
    }
    return added;
  }

  /**
   * Looks up a blob's size.
   *
   * @param ref the blobref text
   * @return the size, or null if absent
   */
  public @Nullable Long size(String ref) {
    return sizes.get(ref);
  }

  /**
   * Reads a blob.
   *
   * @param ref the blob's ref
   * @return the bytes, or null if absent
   */
  public byte @Nullable [] read(BlobRef ref) {
    return sizes.containsKey(ref.toString()) ? content.read(ref) : null;
  }

  /**
   * Lists blobs in ref order.
   *
   * @param after exclusive lower bound, compared as a string
   * @param limit the most to return
   * @return up to {@code limit} blobs sorting after {@code after}
   */
  public List<SizedRef> enumerate(String after, int limit) {
    List<SizedRef> page = new ArrayList<>(Math.min(limit, 1024));
    for (Map.Entry<String, Long> entry : sizes.tailMap(after, false).entrySet()) {
      if (page.size() >= limit) {
        break;
      }
      page.add(new SizedRef(entry.getKey(), entry.getValue()));
    }
    return page;
  }

  /**
   * Removes a blob.
   *
   * @param ref the blob's ref
   * @return true if it was stored
   */
  public boolean remove(BlobRef ref) {
    Long size = sizes.remove(ref.toString());
    if (size == null) {
      return false;
    }
    content.delete(ref);
    totalBytes.addAndGet(-size);
    for (BlobListener listener : listeners) {
      listener.blobRemoved(ref);
    }
    return true;
  }

  /** Removes every blob. */
  public void clear() {
    for (String ref : new ArrayList<>(sizes.keySet())) {
      remove(BlobRef.parse(ref));
    }
  }

  /** {@return all refs, in order} */
  public List<BlobRef> refs() {
    List<BlobRef> refs = new ArrayList<>(sizes.size());
    for (String ref : sizes.keySet()) {
      refs.add(BlobRef.parse(ref));
    }
    return refs;
  }

  /** {@return how many blobs are stored} */
  public int count() {
    return sizes.size();
  }

  /** {@return the total size of all stored blobs} */
  public long bytes() {
    return totalBytes.get();
  }

  /**
   * Adds a listener.
   *
   * @param listener called on every new or removed blob
   */
  public void addListener(BlobListener listener) {
    listeners.add(listener);
  }

  /**
   * Removes a listener.
   *
   * @param listener a listener added before
   */
  public void removeListener(BlobListener listener) {
    listeners.remove(listener);
  }

  /** {@return a marker to pass to {@link #awaitArrival(long, long)}} */
  public long arrivalMark() {
    synchronized (arrivals) {
      return arrivalCount;
    }
  }

  /**
   * Waits until a new blob is stored after {@code mark} was taken, or the deadline passes.
   *
   * @param mark from {@link #arrivalMark()}
   * @param deadlineNanos a {@link System#nanoTime()} value
   * @throws InterruptedException if the thread is interrupted (the server is stopping)
   */
  public void awaitArrival(long mark, long deadlineNanos) throws InterruptedException {
    synchronized (arrivals) {
      long remaining;
      while (arrivalCount == mark && (remaining = deadlineNanos - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(arrivals, remaining);
      }
    }
  }
}
