package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * The server answered a request with an error. Carries the HTTP status and the server's own error
 * text (the {@code error} or {@code errorText} of its JSON, or the plain body), when it sent one.
 */
public class ServerException extends CamlistoreException {
  private static final long serialVersionUID = 1L;

  /** HTTP status of the answer. */
  private final int statusCode;

  /** The server's error text, if it sent one. */
  private final @Nullable String serverError;

  /**
   * Creates an exception.
   *
   * @param message what failed, naming the URL or blobref
   * @param statusCode the HTTP status of the answer (200 for errors reported inside a 200 body)
   * @param serverError the server's error text, if it gave one
   */
  public ServerException(String message, int statusCode, @Nullable String serverError) {
    super(message);
    this.statusCode = statusCode;
    this.serverError = serverError;
  }

  /** {@return the HTTP status code of the server's answer} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the server's own error text, or null when it sent none} */
  public @Nullable String serverError() {
    return serverError;
  }
}
