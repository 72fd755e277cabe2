package io.camlistore.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounded waiting for what a real server shows a moment after an upload: its indexer runs
 * asynchronously, so search, claims and describe see new blobs only once it has caught up.
 */
final class Eventually {
  /** How long the indexer may take before the test fails. */
  static final Duration BOUND = Duration.ofSeconds(60);

  private static final long PAUSE_MILLIS = 100;

  /** Assertions to retry. */
  interface Assertions {
    void check();
  }

  private Eventually() {}

  /**
   * Runs the assertions until they pass, retrying failed ones for at most {@link #BOUND}.
   *
   * @throws AssertionError the last failure, when they still fail after the bound
   */
  static void untilAsserted(Assertions assertions) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      try {
        assertions.check();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() - deadline >= 0) {
          throw new AssertionError("still failing after " + BOUND + ": " + e.getMessage(), e);
        }
      }
      pause();
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the server's index", e);
    }
  }
}
