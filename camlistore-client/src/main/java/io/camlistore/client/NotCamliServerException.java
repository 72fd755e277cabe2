package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * The server answered discovery, but not like a Perkeep server: a non-200 status or a body that is
 * not a discovery JSON object.
 */
public class NotCamliServerException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what the server answered instead, naming the URL
   * @param cause the parse failure, if any
   */
  public NotCamliServerException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
