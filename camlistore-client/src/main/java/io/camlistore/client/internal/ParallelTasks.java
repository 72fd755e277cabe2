package io.camlistore.client.internal;

import io.camlistore.client.CamlistoreException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a connection's independent tasks (upload requests, file read-ahead, signing) a few at a time
 * on daemon threads that exist only while there is work. A connection has one for uploads, one for
 * downloads and one for signing; thread-safe.
 */
public final class ParallelTasks implements AutoCloseable {
  private final ThreadPoolExecutor executor;

  /**
   * Creates the runner.
   *
   * @param name what the threads do, for their names ({@code camlistore-<name>-<n>})
   * @param parallelism the most tasks running at once
   */
  public ParallelTasks(String name, int parallelism) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread =
              new Thread(runnable, "camlistore-" + name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    executor =
        new ThreadPoolExecutor(
            parallelism, parallelism, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Starts a task on one of the threads and returns at once, for callers that track completion
   * themselves (uploads, read-ahead, signing). A task must report its own failures.
   *
   * @param task the task
   * @throws CamlistoreException if the connection was closed
   */
  public void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      throw new CamlistoreException("the connection is closed: cannot start more requests", e);
    }
  }

  /** Stops the threads; running tasks finish. */
  @Override
  public void close() {
    executor.shutdown();
  }
}
