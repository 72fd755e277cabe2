package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.CamlistoreException;
import io.camlistore.protocol.BlobRef;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One blob fetched ahead of its reader: started on an executor, or on the reader's own thread if
 * the reader asks for it before any executor thread took it. Runs at most once.
 */
final class BlobFetch implements Runnable {
  private final BlobRef ref;
  private final Function<BlobRef, Blob> fetcher;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private @Nullable Blob blob;
  private @Nullable RuntimeException error;

  BlobFetch(BlobRef ref, Function<BlobRef, Blob> fetcher) {
    this.ref = ref;
    this.fetcher = fetcher;
  }

  BlobRef ref() {
    return ref;
  }

  /**
   * Makes sure the fetch never starts.
   *
   * @return true if it had not started (and now never will); false if it is running or done
   */
  boolean cancel() {
    return started.compareAndSet(false, true);
  }

  boolean isDone() {
    return done.getCount() == 0;
  }

  @Override
  public void run() {
    if (started.compareAndSet(false, true)) {
      fetch();
    }
  }

  private void fetch() {
    try {
      blob = fetcher.apply(ref);
    } catch (RuntimeException e) {
      error = e;
    } catch (Error e) {
      error = new CamlistoreException("fetching " + ref + " failed: " + e, e);
      throw e;
    } finally {
      done.countDown();
    }
  }

  /**
   * Waits for the blob, fetching it on this thread if no other thread has started.
   *
   * @return the verified blob
   * @throws RuntimeException what fetching threw
   */
  Blob result() {
    if (started.compareAndSet(false, true)) {
      fetch();
    } else {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CamlistoreException("interrupted while fetching " + ref, e);
      }
    }
    RuntimeException failure = error;
    if (failure != null) {
      throw failure;
    }
    return Objects.requireNonNull(blob, "fetched blob");
  }

  /** Waits for a started fetch to end, ignoring its result; returns at once if it never started. */
  void awaitEnd() {
    if (cancel()) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
