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
 * pipeline has been acknowledged by the server, so the server never holds a schema whose parts it
 * lacks, even if the upload fails half-way. Blobs without children (chunks) go out at once. A child
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

  private final List<Blob> open = new ArrayList<>();
  private long openBytes;
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
        }
      }
      if (waiting == null) {
        ready.add(blob);
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
      long cost = cost(next);
      if (!open.isEmpty() && (openBytes + cost > batchBytes || open.size() >= batchBlobs)) {
        sendOpen();
      }
      open.add(next);
      openBytes += cost;
    }
    if (!open.isEmpty() && (force || openBytes >= batchBytes || open.size() >= batchBlobs)) {
      sendOpen();
    }
  }

  private void sendOpen() {
    Batch batch = new Batch(List.copyOf(open));
    open.clear();
    openBytes = 0;
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
            if (--waiting.missing == 0) {
              ready.add(waiting.blob);
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
    if (inFlight.isEmpty() && ready.isEmpty() && open.isEmpty()) {
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

    Pending(long cost) {
      this.cost = cost;
    }
  }

  /** A blob waiting for its children to be stored. */
  private static final class Waiting {
    final Blob blob;
    int missing;

    Waiting(Blob blob) {
      this.blob = blob;
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
