package io.camlistore.examples;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;

/**
 * Decides when a run is over. A route calls {@link #idle(Exchange)} when its consumer found nothing
 * new: a one-shot run then finishes (once), as soon as no earlier exchange of the route is still in
 * flight (a route that hands its messages to worker threads may still be working on them), while a
 * watching run goes on until it is stopped.
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

  /**
   * Called when a poll found nothing new: ends a one-shot run unless other exchanges of the route
   * are still in flight (a later idle poll then ends it).
   *
   * @param exchange the idle poll's empty exchange
   */
  public void idle(Exchange exchange) {
    String route = exchange.getFromRouteId();
    int inFlight = route == null ? 1 : exchange.getContext().getInflightRepository().size(route);
    if (!watch && inFlight <= 1 && finished.compareAndSet(false, true)) {
      finish.run();
    }
  }

  /** {@return whether the run has finished} */
  public boolean isFinished() {
    return finished.get();
  }
}
