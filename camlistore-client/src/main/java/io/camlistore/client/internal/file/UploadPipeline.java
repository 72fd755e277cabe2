package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import io.camlistore.client.CamlistoreException;
import io.camlistore.client.internal.UploadBatches;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Streams blobs to the server as they are produced: groups them into multipart upload requests,
 * runs several requests at once, and keeps the bytes it holds under a hard bound.
 *
 * <p>Order: a blob added with children (a schema blob) is sent only after every child added to this
 * pipeline, so the server never holds a schema whose parts it lacks, even if the upload fails
 * half-way. It rides in the same request as its children, after them, when every child not yet
 * acknowledged is in the request still being filled: the server stores a request's parts in order
 * and stops at the first one it refuses, so nothing after a refused child is stored. Otherwise it
 * waits until the server acknowledged its children and goes in a later request; never in a request
 * that runs beside one holding a child. Blobs without children (chunks) go out at once. A child
 * that was never added here, or was already acknowledged, is taken as stored.
 *
 * <p>Memory: every blob added counts against the bound until the server acknowledged it; {@link
 * #add} blocks while the bound is reached, so a producer reading a file of any size holds at most
 * the bound plus the blob in hand. Blobs already queued or in flight are not queued again.
 *
 * <p>Each request is written by a {@link BatchWriter}, which asks the server which blobs it already
 * has and sends only the rest. The first failure stops the pipeline: the next {@link #add} or
 * {@link #finish()} throws it.
 *
 * <p>Threads: one producer thread calls {@link #add}, {@link #finish()} and {@link #close()};
 * requests complete on the executor's threads.
 */
public final class UploadPipeline implements AutoCloseable {
  /** The most bytes of blobs in one upload request. */
  static final long MAX_BATCH_BYTES = 4L << 20;

  /** The smallest request size the pipeline shrinks to for high parallelism. */
  static final long MIN_BATCH_BYTES = 1L << 20;

  /** The most bytes a pipeline holds, whatever the parallelism. */
  static final long MAX_HELD_BYTES = 64L << 20;

  /** Sends one upload request. */
  @FunctionalInterface
  public interface BatchWriter {
    /**
     * Stores the blobs: sends those the server lacks and checks the server received them.
     *
     * @param batch the blobs of one request
     */
    void write(List<Blob> batch);
  }

  private final BatchWriter writer;
  private final Executor executor;
  private final long maxHeldBytes;
  private final long batchBytes;
  private final int batchBlobs;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Blobs added and not yet acknowledged, by ref. */
  private final Map<BlobRef, Pending> pending = new HashMap<>();

  /** Blobs whose children are all stored, waiting to be put into a request. */
  private final ArrayDeque<Blob> ready = new ArrayDeque<>();

  /** The request being filled. */
  private final List<Blob> open = new ArrayList<>();

  private long openBytes;

  /** Counts the requests sent, so that a mark of this value means "in the open request". */
  private long openGeneration;

  private final List<Batch> inFlight = new ArrayList<>();
  private long heldBytes;
  private @Nullable RuntimeException failure;
  private boolean closed;

  /**
   * Creates a pipeline sized for a number of parallel requests: requests of up to 4 MiB, and at
   * most one more request's worth of bytes held than can be in flight, never more than 64 MiB.
   *
   * @param writer sends one request
   * @param executor runs requests; its own thread limit bounds how many run at once
   * @param parallelism how many requests should be in flight at once, at least 1
   * @return the pipeline
   */
  public static UploadPipeline forParallelism(
      BatchWriter writer, Executor executor, int parallelism) {
    long batch =
        Math.max(MIN_BATCH_BYTES, Math.min(MAX_BATCH_BYTES, MAX_HELD_BYTES / (parallelism + 1)));
    long held = Math.min(MAX_HELD_BYTES, (parallelism + 1L) * batch);
    return new UploadPipeline(writer, executor, held, batch, UploadBatches.MAX_BLOBS_PER_REQUEST);
  }

  /**
   * Creates a pipeline.
   *
   * @param writer sends one request
   * @param executor runs requests
   * @param maxHeldBytes the bound on bytes held (blobs plus per-blob framing)
   * @param batchBytes a request is sent once it holds this many bytes
   * @param batchBlobs or this many blobs
   */
  UploadPipeline(
      BatchWriter writer, Executor executor, long maxHeldBytes, long batchBytes, int batchBlobs) {
    this.writer = writer;
    this.executor = executor;
    this.maxHeldBytes = maxHeldBytes;
    this.batchBytes = batchBytes;
    this.batchBlobs = batchBlobs;
  }

  /**
   * Adds a blob that refers to no other blob (a chunk of content).
   *
   * @param blob the blob
   * @throws CamlistoreException the first upload failure, if one happened
   */
  public void add(Blob blob) {
    add(blob, List.of());
  }

  /**
   * Adds a blob to be sent once its children are stored. Blocks while the pipeline holds its bound
   * of bytes.
   *
   * @param blob the blob
   * @param children the blobs it refers to
   * @throws CamlistoreException the first upload failure, if one happened
   * @throws IllegalStateException if the pipeline was finished or closed
   */
  public void add(Blob blob, Collection<BlobRef> children) {
    lock.lock();
    try {
      checkUsable();
      if (pending.containsKey(blob.blobRef())) {
        return;
      }
      long cost = cost(blob);
      while (heldBytes > 0 && heldBytes + cost > maxHeldBytes) {
        sendReady(true);
        awaitChange();
      }
      Pending added = new Pending(cost);
      pending.put(blob.blobRef(), added);
      heldBytes += cost;
      Waiting waiting = null;
      for (BlobRef child : children) {
        Pending unstored = pending.get(child);
        if (unstored != null && unstored != added) {
          if (waiting == null) {
            waiting = new Waiting(blob);
          }
          unstored.waiters.add(waiting);
          waiting.missing++;
          if (unstored.openMark == openGeneration) {
            waiting.countPlaced(openGeneration);
          }
        }
      }
      if (waiting == null) {
        ready.add(blob);
      } else {
        placeIfItsChildrenAreOpen(waiting);
      }
      sendReady(false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends everything still held and waits until the server acknowledged it all.
   *
   * @throws CamlistoreException the first upload failure
   * @throws IllegalStateException if the pipeline was closed
   */
  public void finish() {
    lock.lock();
    try {
      checkUsable();
      while (!pending.isEmpty()) {
        sendReady(true);
        if (!pending.isEmpty()) {
          awaitChange();
        }
      }
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the pipeline: requests not yet started are dropped, and the call waits for those already
   * running so that none outlives it. Does nothing after {@link #finish()}.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      for (Batch batch : List.copyOf(inFlight)) {
        if (batch.claim()) {
          inFlight.remove(batch);
        }
      }
      ready.clear();
      open.clear();
      while (!inFlight.isEmpty()) {
        try {
          changed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Moves ready blobs into requests; sends each full request, and the last one when forced. */
  private void sendReady(boolean force) {
    while (!ready.isEmpty()) {
      Blob next = ready.poll();
      if (!fitsOpen(next)) {
        sendOpen();
      }
      place(next);
    }
    if (!open.isEmpty() && (force || openBytes >= batchBytes || open.size() >= batchBlobs)) {
      sendOpen();
    }
  }

  private boolean fitsOpen(Blob blob) {
    return open.isEmpty() || (openBytes + cost(blob) <= batchBytes && open.size() < batchBlobs);
  }

  /**
   * Appends a blob to the open request, then, after it, every blob waiting for it whose other
   * unacknowledged children are in the open request too, as far as they fit.
   */
  private void place(Blob first) {
    ArrayDeque<Blob> placing = new ArrayDeque<>();
    placing.add(first);
    while (!placing.isEmpty()) {
      Blob blob = placing.poll();
      open.add(blob);
      openBytes += cost(blob);
      Pending placed = pending.get(blob.blobRef());
      if (placed == null) {
        continue;
      }
      placed.openMark = openGeneration;
      for (Waiting waiting : placed.waiters) {
        waiting.countPlaced(openGeneration);
        if (takeIfItsChildrenAreOpen(waiting)) {
          placing.add(waiting.blob);
        }
      }
    }
  }

  private void placeIfItsChildrenAreOpen(Waiting waiting) {
    if (takeIfItsChildrenAreOpen(waiting)) {
      place(waiting.blob);
    }
  }

  /**
   * {@return whether the blob may go in the open request now, marking it as placed if so}: every
   * child not yet acknowledged is already in the open request, and the blob fits after them.
   */
  private boolean takeIfItsChildrenAreOpen(Waiting waiting) {
    if (waiting.placed
        || waiting.openMark != openGeneration
        || waiting.inOpen != waiting.missing
        || !fitsOpen(waiting.blob)) {
      return false;
    }
    waiting.placed = true;
    return true;
  }

  private void sendOpen() {
    Batch batch = new Batch(List.copyOf(open));
    open.clear();
    openBytes = 0;
    // Blobs waiting for children in this request must now wait for its acknowledgement.
    openGeneration++;
    inFlight.add(batch);
    try {
      executor.execute(batch);
    } catch (RuntimeException e) {
      inFlight.remove(batch);
      fail(e);
      throw e;
    }
  }

  private void completed(Batch batch, @Nullable RuntimeException error) {
    lock.lock();
    try {
      inFlight.remove(batch);
      for (Blob blob : batch.blobs) {
        Pending stored = pending.remove(blob.blobRef());
        if (stored == null) {
          continue;
        }
        heldBytes -= stored.cost;
        if (error == null) {
          for (Waiting waiting : stored.waiters) {
            if (--waiting.missing == 0 && !waiting.placed) {
              waiting.placed = true;
              ready.add(waiting.blob);
            } else {
              placeIfItsChildrenAreOpen(waiting);
            }
          }
        }
      }
      if (error != null) {
        fail(error);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void fail(RuntimeException error) {
    if (failure == null) {
      failure = error;
    }
  }

  /** Waits for one completion; every caller re-checks its own condition in a loop. */
  @SuppressWarnings("WaitNotInLoop")
  private void awaitChange() {
    if (!ready.isEmpty() || !open.isEmpty()) {
      // A request completed on this thread (a direct executor) and released blobs to send first.
      checkUsable();
      return;
    }
    if (inFlight.isEmpty()) {
      // Every held blob waits for a child, yet nothing is on its way: a bug, not a slow server.
      throw new IllegalStateException(
          pending.size() + " blobs wait for children that were never sent");
    }
    try {
      changed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CamlistoreException("interrupted while waiting for uploads", e);
    }
    checkUsable();
  }

  private void checkUsable() {
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      throw new IllegalStateException("the upload pipeline is finished or closed");
    }
  }

  private static long cost(Blob blob) {
    return blob.size() + (long) UploadBatches.PART_OVERHEAD_BYTES;
  }

  /** A blob added and not yet acknowledged, and the blobs waiting for it. */
  private static final class Pending {
    final long cost;
    final List<Waiting> waiters = new ArrayList<>(0);

    /**
     * The open generation when it was put in a request (-1 before): equal to the current one while
     * that request is still open.
     */
    long openMark = -1;

    Pending(long cost) {
      this.cost = cost;
    }
  }

  /** A blob waiting for its children to be stored. */
  private static final class Waiting {
    final Blob blob;

    /** Children not yet acknowledged. */
    int missing;

    /** How many of them are in the request of generation {@link #openMark}. */
    int inOpen;

    long openMark = -1;

    /** Whether the blob was put in a request or in the ready queue. */
    boolean placed;

    Waiting(Blob blob) {
      this.blob = blob;
    }

    void countPlaced(long generation) {
      if (openMark != generation) {
        openMark = generation;
        inOpen = 0;
      }
      inOpen++;
    }
  }

  /** One upload request; runs once, unless claimed by {@link #close()} before it started. */
  private final class Batch implements Runnable {
    final List<Blob> blobs;
    private final AtomicBoolean started = new AtomicBoolean();

    Batch(List<Blob> blobs) {
      this.blobs = blobs;
    }

    boolean claim() {
      return started.compareAndSet(false, true);
    }

    @Override
    public void run() {
      if (!claim()) {
        return;
      }
      RuntimeException error = null;
      try {
        writer.write(blobs);
      } catch (RuntimeException e) {
        error = e;
      } catch (Error e) {
        // Never let the blobs count as stored.
        error = new CamlistoreException("upload request failed: " + e, e);
        throw e;
      } finally {
        completed(this, error);
      }
    }
  }
}
