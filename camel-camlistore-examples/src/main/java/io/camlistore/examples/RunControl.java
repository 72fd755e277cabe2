package io.camlistore.examples;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides when a run is over. A route calls {@link #idle()} when its consumer found nothing new: a
 * one-shot run then finishes (once), while a watching run goes on until it is stopped.
 */
public final class RunControl {
  private final boolean watch;
  private final Runnable finish;
  private final AtomicBoolean finished = new AtomicBoolean();

  /**
   * Creates the control.
   *
   * @param watch whether to keep running when idle
   * @param finish what ends the run (print the summary, stop Camel); run at most once
   */
  public RunControl(boolean watch, Runnable finish) {
    this.watch = watch;
    this.finish = finish;
  }

  /** Called when a poll found nothing new: ends a one-shot run. */
  public void idle() {
    if (!watch && finished.compareAndSet(false, true)) {
      finish.run();
    }
  }

  /** {@return whether the run has finished} */
  public boolean isFinished() {
    return finished.get();
  }
}
