package io.camlistore.examples;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;

/**
 * Decides when a run is over. A route calls {@link #idle(Exchange)} when its consumer found nothing
 * new: a one-shot run then finishes (once), as soon as no earlier exchange of the route is still in
 * flight (a route that hands its messages to worker threads may still be working on them), while a
 * watching run reports that it has caught up and goes on until it is stopped.
 */
public final class RunControl {
  private final boolean watch;
  private final Runnable finish;
  private final Runnable caughtUp;
  private final AtomicBoolean finished = new AtomicBoolean();

  /**
   * Creates the control.
   *
   * @param watch whether to keep running when idle
   * @param finish what ends the run (print the summary, stop Camel); run at most once
   * @param caughtUp what a watching run does whenever a poll finds nothing new and nothing is in
   *     flight (such as telling the user so)
   */
  public RunControl(boolean watch, Runnable finish, Runnable caughtUp) {
    this.watch = watch;
    this.finish = finish;
    this.caughtUp = caughtUp;
  }

  /**
   * Called when a poll found nothing new: unless other exchanges of the route are still in flight
   * (a later idle poll then counts), ends a one-shot run, or reports a watching run caught up.
   *
   * @param exchange the idle poll's empty exchange
   */
  public void idle(Exchange exchange) {
    String route = exchange.getFromRouteId();
    int inFlight = route == null ? 1 : exchange.getContext().getInflightRepository().size(route);
    if (inFlight > 1) {
      return;
    }
    if (watch) {
      caughtUp.run();
    } else if (finished.compareAndSet(false, true)) {
      finish.run();
    }
  }

  /** {@return whether the run has finished} */
  public boolean isFinished() {
    return finished.get();
  }
}
