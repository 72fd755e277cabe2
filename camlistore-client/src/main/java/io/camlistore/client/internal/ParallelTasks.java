package io.camlistore.client.internal;

import io.camlistore.client.CamlistoreException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a connection's independent tasks (upload requests, file read-ahead, signing) a few at a
 * time: either on daemon threads of its own that exist only while there is work, or on an executor
 * the caller supplied and keeps (never shut down here). A connection has one for uploads, one for
 * downloads and one for signing; thread-safe.
 */
public final class ParallelTasks implements AutoCloseable {
  private final ExecutorService executor;
  private final boolean owned;

  private ParallelTasks(ExecutorService executor, boolean owned) {
    this.executor = executor;
    this.owned = owned;
  }

  /**
   * {@return a runner on the caller's executor, which bounds how many tasks run at once and which
   * {@link #close()} leaves running}
   *
   * @param executor the caller's executor
   */
  public static ParallelTasks on(ExecutorService executor) {
    return new ParallelTasks(executor, false);
  }

  /**
   * {@return a runner on threads of its own, shut down by {@link #close()}}
   *
   * @param name what the threads do, for their names ({@code camlistore-<name>-<n>})
   * @param parallelism the most tasks running at once
   */
  public static ParallelTasks ownThreads(String name, int parallelism) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread =
              new Thread(runnable, "camlistore-" + name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            parallelism, parallelism, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    executor.allowCoreThreadTimeOut(true);
    return new ParallelTasks(executor, true);
  }

  /**
   * Starts a task on one of the threads and returns at once, for callers that track completion
   * themselves (uploads, read-ahead, signing). A task must report its own failures.
   *
   * @param task the task
   * @throws CamlistoreException if the connection was closed, or the caller's executor refused
   */
  public void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      throw closed(e);
    }
  }

  private CamlistoreException closed(RejectedExecutionException e) {
    return new CamlistoreException(
        owned
            ? "the connection is closed: cannot start more requests"
            : "the executor given for the connection's requests refused a task (shut down?)",
        e);
  }

  /** Stops the runner's own threads (running tasks finish); leaves a caller's executor running. */
  @Override
  public void close() {
    if (owned) {
      executor.shutdown();
    }
  }
}
