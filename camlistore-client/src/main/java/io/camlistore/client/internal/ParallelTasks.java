package io.camlistore.client.internal;

import io.camlistore.client.CamlistoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a connection's independent requests (upload batches, file read-ahead) a few at a time:
 * either on daemon threads of its own that exist only while there is work, or on an executor the
 * caller supplied and keeps (never shut down here). A connection has one for uploads and one for
 * downloads; thread-safe.
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
   * Runs every task and waits for all of them. A single task runs on the calling thread. When a
   * task fails, the tasks not yet started are cancelled and its exception is rethrown.
   *
   * @param tasks the tasks
   * @throws CamlistoreException the first failure, unchanged when it is one
   */
  public void runAll(List<? extends Callable<?>> tasks) {
    if (tasks.size() == 1) {
      callInline(tasks.get(0));
      return;
    }
    List<Future<?>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<?> task : tasks) {
        futures.add(executor.submit(task));
      }
    } catch (RejectedExecutionException e) {
      futures.forEach(f -> f.cancel(false));
      throw closed(e);
    }
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(false));
      Throwable cause = e.getCause();
      throw rethrow(cause == null ? e : cause);
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new CamlistoreException("interrupted while waiting for uploads", e);
    }
  }

  /**
   * Starts a task on one of the threads and returns at once, for callers that track completion
   * themselves (streaming file uploads and read-ahead). A task must report its own failures.
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

  private static void callInline(Callable<?> task) {
    try {
      task.call();
    } catch (Exception e) {
      throw rethrow(e);
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new CamlistoreException(String.valueOf(failure), failure);
  }

  /** Stops the runner's own threads (running tasks finish); leaves a caller's executor running. */
  @Override
  public void close() {
    if (owned) {
      executor.shutdown();
    }
  }
}
