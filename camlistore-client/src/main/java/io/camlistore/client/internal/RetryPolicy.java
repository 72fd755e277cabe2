package io.camlistore.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Decides which failures are transient and how long to wait before the next attempt.
 *
 * <p>Every request this client sends is safe to repeat: reads are reads, and writes are
 * content-addressed (uploading a blob twice stores it once). So the decision depends only on the
 * failure: connection-level I/O errors and HTTP 502/503/504 are retried with exponential backoff;
 * any other answer, and in particular every 4xx, is final.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration initialBackoff;

  /**
   * Creates a policy.
   *
   * @param maxAttempts attempts in all, at least 1
   * @param initialBackoff wait before the first retry; doubled for each further one
   */
  public RetryPolicy(int maxAttempts, Duration initialBackoff) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
  }

  /**
   * {@return whether another attempt may follow the given one}
   *
   * @param attempt the attempt that just failed, counted from 1
   */
  public boolean canRetry(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * {@return whether an HTTP status is a transient gateway or availability failure}
   *
   * @param status the HTTP status
   */
  public static boolean isTransientStatus(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  /**
   * {@return whether an I/O failure may succeed when tried again}
   *
   * @param failure the failure
   */
  public static boolean isTransient(IOException failure) {
    // A wrong host name or a TLS failure will not heal; an interrupted caller wants to stop.
    return !(failure instanceof UnknownHostException || failure instanceof SSLException)
        && !Thread.currentThread().isInterrupted();
  }

  /**
   * Waits before the next attempt.
   *
   * @param attempt the attempt that just failed, counted from 1
   * @throws InterruptedIOException if the thread is interrupted while waiting
   */
  public void backOff(int attempt) throws InterruptedIOException {
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 16);
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
