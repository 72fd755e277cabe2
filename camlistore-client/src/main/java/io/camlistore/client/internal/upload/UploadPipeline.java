package io.camlistore.client.internal.upload;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobClient;
import io.camlistore.client.CamlistoreException;
import io.camlistore.client.ServerException;
import io.camlistore.protocol.BlobRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Streams blobs to the server as they are produced, for every store operation of the client: asks
 * the server once per window of blobs which it already has, groups the rest into multipart upload
 * requests, runs several requests at once, and keeps the bytes it holds under a hard bound.
 *
 * <p><b>Stat windows.</b> Blobs are collected into a window until it holds {@value
 * BlobClient#MAX_STAT_REFS} refs (the most one stat request may name) or a request's worth of
 * bytes, or until the producer finishes or waits for room; then one stat request names them all.
 * What the server has counts as stored at once; the rest goes into upload requests as soon as the
 * stat answers. A blob known to be new (a freshly made random permanode) skips the stat.
 *
 * <p><b>Order.</b> A blob added with children (a schema blob) is sent only after every child added
 * to this pipeline, so the server never holds a schema whose parts it lacks, even if the upload
 * fails half-way. It rides in the same request as its children, after them, when every child not
 * yet acknowledged is in the request still being filled: the server stores a request's parts in
 * order and stops at the first one it refuses, so nothing after a refused child is stored.
 * Otherwise it waits until the server acknowledged its children and goes in a later request; never
 * in a request that runs beside one holding a child. A child that was never added here, or was
 * already acknowledged, is taken as stored; a child whose upload failed fails its parents.
 *
 * <p><b>Memory.</b> Every blob added counts against the bound until the server acknowledged it (or
 * it failed); {@link #add} blocks while the bound is reached, so producers reading files of any
 * size hold at most the bound plus the blobs in hand. A blob already waiting or in flight is not
 * queued again.
 *
 * <p><b>Failures.</b> A request the server refuses as a whole fails its blobs; when the server
 * refuses one part, that blob fails and the parts after it, which the server did not store, are
 * sent once more in a later request. A failed blob fails every blob waiting for it and every {@link
 * Unit} it belongs to. In {@link Failures#STOP_AT_FIRST} mode the first failure also stops the
 * pipeline: the next {@link #add} or {@link #finish()} throws it. In {@link Failures#PER_UNIT} mode
 * the pipeline goes on and each unit (a file of a batch) reports its own failure.
 *
 * <p>Threads: any number of producer threads may call {@link #add}; one of them calls {@link
 * #finish()} once every producer is done, and {@link #close()}. Requests run on the executor.
 */
public final class UploadPipeline implements AutoCloseable {
  /** The most blobs in one upload request: a real server gains nothing beyond 100–250. */
  public static final int MAX_BLOBS_PER_REQUEST = 250;

  /** Generous per-part framing estimate: boundary, disposition with two refs, content type. */
  public static final int PART_OVERHEAD_BYTES = 400;

  /** The most bytes of blobs in one upload request. */
  static final long MAX_REQUEST_BYTES = 4L << 20;

  /** The smallest request size the pipeline shrinks to for high parallelism. */
  static final long MIN_REQUEST_BYTES = 1L << 20;

  /** The most bytes a pipeline holds, whatever the parallelism. */
  static final long MAX_HELD_BYTES = 64L << 20;

  /** The server side: the two requests the pipeline sends. */
  public interface Server {
    /**
     * Asks which of the blobs the server has.
     *
     * @param refs at most {@link BlobClient#MAX_STAT_REFS} distinct refs
     * @return those the server has
     */
    Set<BlobRef> stat(List<BlobRef> refs);

    /**
     * Uploads blobs in one multipart request, in the given order.
     *
     * @param blobs the blobs of one request
     * @return what the server reports it stored
     * @throws RuntimeException if the request failed as a whole (nothing is known to be stored)
     */
    Receipt upload(List<Blob> blobs);
  }

  /**
   * The server's answer to an upload request.
   *
   * @param received the refs the server stored, with the right size
   * @param refusal when some blobs were not stored, the error naming them and the server's reason;
   *     null when every blob was stored
   */
  public record Receipt(Set<BlobRef> received, @Nullable RuntimeException refusal) {
    /** Copies the refs. */
    public Receipt {
      received = Set.copyOf(received);
    }
  }

  /** What a failed blob does to the rest of the pipeline. */
  public enum Failures {
    /** The first failure stops the pipeline; {@link #finish()} throws it. */
    STOP_AT_FIRST,
    /** Failures are reported per {@link Unit}; the other blobs go on. */
    PER_UNIT
  }

  /**
   * The blobs of one file of a batch: after {@link #finish()}, whether any of them failed and
   * whether any had to be uploaded (or the server had them all). State changes under the pipeline's
   * lock; {@link #failure()} may be read at any time, e.g. to stop reading a file whose upload
   * already failed.
   */
  public static final class Unit {
    private volatile @Nullable RuntimeException failure;
    private boolean uploaded;

    Unit() {}

    /** {@return the first failure of one of the unit's blobs, or of the unit itself} */
    public @Nullable RuntimeException failure() {
      return failure;
    }

    private void fail(RuntimeException error) {
      if (failure == null) {
        failure = error;
      }
    }
  }

  private enum State {
    /** Waiting for a stat (queued or in flight). */
    STATTING,
    /** Missing on the server; waiting for children to be acknowledged or to be placed. */
    WAITING,
    /** Missing on the server, every child stored: waiting for a request. */
    READY,
    /** In the open request, or in a request in flight. */
    PLACED,
    /** Acknowledged or failed; forgotten by the pipeline. */
    DONE
  }

  private final Server server;
  private final Executor executor;
  private final long maxHeldBytes;
  private final long requestBytes;
  private final int requestBlobs;
  private final int statRefs;
  private final Failures failures;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Blobs added and not yet acknowledged or failed, by ref. */
  private final Map<BlobRef, Entry> pending = new HashMap<>();

  /** Blobs whose latest upload failed: a blob added later that refers to one fails too. */
  private final Map<BlobRef, RuntimeException> failed = new HashMap<>();

  /** The stat window being filled. */
  private final List<Entry> statWindow = new ArrayList<>();

  private long statWindowBytes;

  /** Missing blobs whose children are all stored, waiting to be put into a request. */
  private final ArrayDeque<Entry> ready = new ArrayDeque<>();

  /** The request being filled. */
  private final List<Entry> open = new ArrayList<>();

  private long openBytes;

  /** Counts the requests sent, so that a mark of this value means "in the open request". */
  private long openGeneration;

  private final List<Task> inFlight = new ArrayList<>();
  private long heldBytes;
  private @Nullable RuntimeException failure;
  private boolean closed;

  /**
   * Creates a pipeline sized for a number of parallel requests: requests of up to 4 MiB and {@value
   * #MAX_BLOBS_PER_REQUEST} blobs, stat windows of up to {@value BlobClient#MAX_STAT_REFS} refs and
   * a request's bytes, and at most one more request's worth of bytes held than can be in flight,
   * never more than 64 MiB.
   *
   * @param server sends the requests
   * @param executor runs requests; its own thread limit bounds how many run at once
   * @param parallelism how many requests should be in flight at once, at least 1
   * @param failures whether the first failure stops the pipeline
   * @return the pipeline
   */
  public static UploadPipeline forParallelism(
      Server server, Executor executor, int parallelism, Failures failures) {
    long request =
        Math.max(
            MIN_REQUEST_BYTES, Math.min(MAX_REQUEST_BYTES, MAX_HELD_BYTES / (parallelism + 1)));
    long held = Math.min(MAX_HELD_BYTES, (parallelism + 1L) * request);
    return new UploadPipeline(
        server, executor, held, request, MAX_BLOBS_PER_REQUEST, BlobClient.MAX_STAT_REFS, failures);
  }

  /**
   * Creates a pipeline.
   *
   * @param server sends the requests
   * @param executor runs requests
   * @param maxHeldBytes the bound on bytes held (blobs plus per-blob framing)
   * @param requestBytes a request is sent once it holds this many bytes, and a stat window is
   *     closed once it does
   * @param requestBlobs a request is sent once it holds this many blobs
   * @param statRefs a stat window is closed once it holds this many refs
   * @param failures whether the first failure stops the pipeline
   */
  UploadPipeline(
      Server server,
      Executor executor,
      long maxHeldBytes,
      long requestBytes,
      int requestBlobs,
      int statRefs,
      Failures failures) {
    this.server = server;
    this.executor = executor;
    this.maxHeldBytes = maxHeldBytes;
    this.requestBytes = requestBytes;
    this.requestBlobs = requestBlobs;
    this.statRefs = statRefs;
    this.failures = failures;
  }

  /** {@return a new unit, to group the blobs of one file} */
  public Unit newUnit() {
    return new Unit();
  }

  /**
   * Adds a blob that refers to no other blob (a chunk of content, a plain blob).
   *
   * @param blob the blob
   * @throws CamlistoreException the first upload failure in {@link Failures#STOP_AT_FIRST} mode
   */
  public void add(Blob blob) {
    add(blob, List.of(), null, false);
  }

  /**
   * Adds a blob to be sent, unless the server has it, once its children are stored. Blocks while
   * the pipeline holds its bound of bytes.
   *
   * @param blob the blob
   * @param children the blobs it refers to
   * @param unit the file it belongs to, or null
   * @param knownNew true if the server cannot have the blob (it was just made unique with random
   *     bytes), so that no stat asks for it
   * @throws CamlistoreException the first upload failure in {@link Failures#STOP_AT_FIRST} mode
   * @throws IllegalStateException if the pipeline was finished or closed
   */
  public void add(Blob blob, Collection<BlobRef> children, @Nullable Unit unit, boolean knownNew) {
    BlobRef ref = blob.blobRef();
    lock.lock();
    try {
      checkUsable();
      long cost = cost(blob);
      while (!pending.containsKey(ref) && heldBytes > 0 && heldBytes + cost > maxHeldBytes) {
        flush();
        awaitChange();
      }
      Entry existing = pending.get(ref);
      if (existing != null) {
        existing.join(unit);
        return;
      }
      failed.remove(ref);
      Entry entry = new Entry(blob, cost);
      entry.join(unit);
      pending.put(ref, entry);
      heldBytes += cost;
      Set<BlobRef> distinct = new LinkedHashSet<>(children);
      distinct.remove(ref);
      for (BlobRef child : distinct) {
        RuntimeException childFailure = failed.get(child);
        if (childFailure != null) {
          fail(entry, childFailure);
          return;
        }
      }
      for (BlobRef child : distinct) {
        Entry unstored = pending.get(child);
        if (unstored != null) {
          unstored.waiters.add(entry);
          entry.unstoredChildren++;
          if (unstored.state == State.PLACED && unstored.openMark == openGeneration) {
            entry.countChildInOpen(openGeneration);
          }
        }
      }
      if (knownNew) {
        missing(entry);
      } else {
        if (!statWindow.isEmpty() && statWindowBytes + cost > requestBytes) {
          // A window fits in one request, which is sent as soon as the stat answers.
          sendStat();
        }
        entry.state = State.STATTING;
        statWindow.add(entry);
        statWindowBytes += cost;
        if (statWindow.size() >= statRefs) {
          sendStat();
        }
      }
      sendReady(false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Marks a unit failed for a reason of its own (its file could not be read). Its blobs already
   * added are still stored: they are content-addressed and harmless.
   *
   * @param unit the unit
   * @param error why it failed
   */
  public void fail(Unit unit, RuntimeException error) {
    lock.lock();
    try {
      unit.fail(error);
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@return whether a unit's blobs are stored and at least one had to be uploaded}; false when the
   * server already had them all. Meaningful after {@link #finish()} for a unit without failure.
   *
   * @param unit the unit
   */
  public boolean uploadedAny(Unit unit) {
    lock.lock();
    try {
      return unit.uploaded;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends everything still held and waits until the server acknowledged it all, or it failed.
   *
   * @throws CamlistoreException the first upload failure in {@link Failures#STOP_AT_FIRST} mode
   * @throws IllegalStateException if the pipeline was closed
   */
  public void finish() {
    lock.lock();
    try {
      checkUsable();
      while (!pending.isEmpty()) {
        flush();
        if (!pending.isEmpty()) {
          awaitChange();
        }
      }
      closed = true;
      if (failure != null) {
        // A request that completed on this thread (a direct executor) failed.
        throw failure;
      }
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
      for (Task task : List.copyOf(inFlight)) {
        if (task.claim()) {
          inFlight.remove(task);
        }
      }
      statWindow.clear();
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

  /** Sends the stat window and every ready blob, the last request too. */
  private void flush() {
    if (!statWindow.isEmpty()) {
      sendStat();
    }
    sendReady(true);
  }

  private void sendStat() {
    StatTask task = new StatTask(List.copyOf(statWindow));
    statWindow.clear();
    statWindowBytes = 0;
    start(task);
  }

  /** The server lacks the blob: it waits for its children, or is ready to go. */
  private void missing(Entry entry) {
    if (entry.unstoredChildren == 0) {
      entry.state = State.READY;
      ready.add(entry);
    } else {
      entry.state = State.WAITING;
      placeIfItsChildrenAreOpen(entry);
    }
  }

  /** Moves ready blobs into requests; sends each full request, and the last one when forced. */
  private void sendReady(boolean force) {
    while (!ready.isEmpty()) {
      Entry next = ready.poll();
      if (!fitsOpen(next)) {
        sendOpen();
      }
      place(next);
    }
    if (!open.isEmpty() && (force || openBytes >= requestBytes || open.size() >= requestBlobs)) {
      sendOpen();
    }
  }

  private boolean fitsOpen(Entry entry) {
    return open.isEmpty() || (openBytes + entry.cost <= requestBytes && open.size() < requestBlobs);
  }

  /**
   * Appends a blob to the open request, then, after it, every blob waiting for it whose other
   * unacknowledged children are in the open request too, as far as they fit.
   */
  private void place(Entry first) {
    ArrayDeque<Entry> placing = new ArrayDeque<>();
    placing.add(first);
    while (!placing.isEmpty()) {
      Entry entry = placing.poll();
      entry.state = State.PLACED;
      entry.openMark = openGeneration;
      open.add(entry);
      openBytes += entry.cost;
      for (Entry waiter : entry.waiters) {
        waiter.countChildInOpen(openGeneration);
        if (takeIfItsChildrenAreOpen(waiter)) {
          placing.add(waiter);
        }
      }
    }
  }

  private void placeIfItsChildrenAreOpen(Entry waiting) {
    if (takeIfItsChildrenAreOpen(waiting)) {
      place(waiting);
    }
  }

  /**
   * {@return whether the blob may go in the open request now}: the server lacks it, every child not
   * yet acknowledged is already in the open request, and the blob fits after them.
   */
  private boolean takeIfItsChildrenAreOpen(Entry waiting) {
    return waiting.state == State.WAITING
        && waiting.childrenOpenMark == openGeneration
        && waiting.childrenInOpen == waiting.unstoredChildren
        && fitsOpen(waiting);
  }

  private void sendOpen() {
    UploadTask task = new UploadTask(List.copyOf(open));
    open.clear();
    openBytes = 0;
    // Blobs waiting for children in this request must now wait for its acknowledgement.
    openGeneration++;
    start(task);
  }

  private void start(Task task) {
    inFlight.add(task);
    try {
      executor.execute(task);
    } catch (RuntimeException e) {
      // The connection is closed: nothing more can be sent.
      inFlight.remove(task);
      failure = e;
      for (Entry entry : task.entries) {
        fail(entry, e);
      }
      throw e;
    }
  }

  private void statCompleted(
      StatTask task, Set<BlobRef> present, @Nullable RuntimeException error) {
    lock.lock();
    try {
      inFlight.remove(task);
      for (Entry entry : task.entries) {
        if (entry.state != State.STATTING) {
          continue;
        }
        if (error != null) {
          fail(entry, error);
        } else if (present.contains(entry.blob.blobRef())) {
          stored(entry, false);
        } else {
          missing(entry);
        }
      }
      if (!closed) {
        // The window's missing blobs go out now: waiting for the next window would only delay them.
        sendReady(true);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void uploadCompleted(
      UploadTask task, @Nullable Receipt receipt, @Nullable RuntimeException error) {
    lock.lock();
    try {
      inFlight.remove(task);
      boolean refused = false;
      for (Entry entry : task.entries) {
        if (entry.state == State.DONE) {
          continue;
        }
        BlobRef ref = entry.blob.blobRef();
        if (error != null || receipt == null) {
          fail(entry, error != null ? error : new CamlistoreException("no answer to an upload"));
        } else if (receipt.received().contains(ref)) {
          stored(entry, true);
        } else if (!refused || entry.resent) {
          refused = true;
          fail(entry, refusal(receipt, ref));
        } else {
          // The server stops at the part it refuses: the parts after it were not even tried.
          entry.resent = true;
          entry.childrenOpenMark = -1;
          missing(entry);
        }
      }
      if (!closed) {
        sendReady(false);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static RuntimeException refusal(Receipt receipt, BlobRef ref) {
    RuntimeException refusal = receipt.refusal();
    return refusal != null
        ? refusal
        : new ServerException("the server did not store " + ref, 200, null);
  }

  /** The server has the blob: release what waits for it. */
  private void stored(Entry entry, boolean uploaded) {
    forget(entry);
    for (Unit unit : entry.units) {
      unit.uploaded |= uploaded;
    }
    for (Entry waiter : entry.waiters) {
      if (waiter.state == State.DONE) {
        continue;
      }
      waiter.unstoredChildren--;
      if (waiter.state == State.WAITING) {
        if (waiter.unstoredChildren == 0) {
          waiter.state = State.READY;
          ready.add(waiter);
        } else {
          placeIfItsChildrenAreOpen(waiter);
        }
      }
    }
  }

  /** The blob cannot be stored: neither can anything that refers to it. */
  private void fail(Entry entry, RuntimeException error) {
    if (entry.state == State.DONE) {
      return;
    }
    if (entry.state == State.STATTING && statWindow.remove(entry)) {
      statWindowBytes -= entry.cost;
    } else if (entry.state == State.READY) {
      ready.remove(entry);
    } else if (entry.state == State.PLACED && open.remove(entry)) {
      openBytes -= entry.cost;
    }
    forget(entry);
    failed.put(entry.blob.blobRef(), error);
    for (Unit unit : entry.units) {
      unit.fail(error);
    }
    if (failures == Failures.STOP_AT_FIRST && failure == null) {
      failure = error;
    }
    for (Entry waiter : entry.waiters) {
      fail(waiter, error);
    }
  }

  private void forget(Entry entry) {
    entry.state = State.DONE;
    pending.remove(entry.blob.blobRef());
    heldBytes -= entry.cost;
  }

  /** Waits for one completion; every caller re-checks its own condition in a loop. */
  @SuppressWarnings("WaitNotInLoop")
  private void awaitChange() {
    if (!ready.isEmpty() || !open.isEmpty() || !statWindow.isEmpty()) {
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
    return blob.size() + (long) PART_OVERHEAD_BYTES;
  }

  /** A blob added and not yet acknowledged, and the blobs waiting for it. */
  private static final class Entry {
    final Blob blob;
    final long cost;
    final List<Entry> waiters = new ArrayList<>(0);
    final List<Unit> units = new ArrayList<>(1);
    State state = State.STATTING;

    /** The open generation when it was put in a request. */
    long openMark = -1;

    /** Children not yet acknowledged. */
    int unstoredChildren;

    /** How many of them are in the request of generation {@link #childrenOpenMark}. */
    int childrenInOpen;

    long childrenOpenMark = -1;

    /** Whether it was sent again after a part before it was refused. */
    boolean resent;

    Entry(Blob blob, long cost) {
      this.blob = blob;
      this.cost = cost;
    }

    void join(@Nullable Unit unit) {
      if (unit != null && !units.contains(unit)) {
        units.add(unit);
      }
    }

    void countChildInOpen(long generation) {
      if (childrenOpenMark != generation) {
        childrenOpenMark = generation;
        childrenInOpen = 0;
      }
      childrenInOpen++;
    }
  }

  /** One request; runs once, unless claimed by {@link #close()} before it started. */
  private abstract static class Task implements Runnable {
    final List<Entry> entries;
    private final AtomicBoolean started = new AtomicBoolean();

    Task(List<Entry> entries) {
      this.entries = entries;
    }

    boolean claim() {
      return started.compareAndSet(false, true);
    }

    List<Blob> blobs() {
      List<Blob> blobs = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        blobs.add(entry.blob);
      }
      return blobs;
    }

    @Override
    public void run() {
      if (!claim()) {
        return;
      }
      RuntimeException error = null;
      try {
        send();
      } catch (RuntimeException e) {
        error = e;
      } catch (Error e) {
        // Never let the blobs count as stored.
        error = new CamlistoreException("request failed: " + e, e);
        throw e;
      } finally {
        completed(error);
      }
    }

    abstract void send();

    abstract void completed(@Nullable RuntimeException error);
  }

  /** Asks the server which blobs of a window it has. */
  private final class StatTask extends Task {
    private Set<BlobRef> present = Set.of();

    StatTask(List<Entry> entries) {
      super(entries);
    }

    @Override
    void send() {
      List<BlobRef> refs = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        refs.add(entry.blob.blobRef());
      }
      present = server.stat(refs);
    }

    @Override
    void completed(@Nullable RuntimeException error) {
      statCompleted(this, present, error);
    }
  }

  /** Uploads the blobs of one request. */
  private final class UploadTask extends Task {
    private @Nullable Receipt receipt;

    UploadTask(List<Entry> entries) {
      super(entries);
    }

    @Override
    void send() {
      receipt = server.upload(blobs());
    }

    @Override
    void completed(@Nullable RuntimeException error) {
      uploadCompleted(this, receipt, error);
    }
  }
}
