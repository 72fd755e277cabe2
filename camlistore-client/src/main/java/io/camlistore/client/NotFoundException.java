package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/** The server does not have the blob (or permanode) that was asked for. */
public class NotFoundException extends ServerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was missing, naming the blobref
   * @param statusCode the HTTP status (404, or 200 when search reported the absence)
   * @param serverError the server's error text, if any
   */
  public NotFoundException(String message, int statusCode, @Nullable String serverError) {
    super(message, statusCode, serverError);
  }
}
