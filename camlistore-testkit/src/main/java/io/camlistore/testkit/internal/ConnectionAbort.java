package io.camlistore.testkit.internal;

import java.io.IOException;

/**
 * Thrown out of a handler to make the JDK HTTP server close the connection at once (it closes the
 * connection of any exchange whose handler throws). Used by the drop and truncate faults.
 */
public final class ConnectionAbort extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the signal.
   *
   * @param reason why the connection is dropped, for debugging
   */
  public ConnectionAbort(String reason) {
    super(reason);
  }
}
