package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * No valid answer came from a Perkeep server: it is down, refused or reset the connection, timed
 * out, or is not a Perkeep server at all ({@link NotCamliServerException}). The message names the
 * URL that was being requested.
 */
public class ConnectionException extends CamlistoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what failed, naming the URL
   * @param cause the underlying I/O failure, if any
   */
  public ConnectionException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
