package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * The server's sign helper refused to sign (HTTP 400 with its reason, for example a {@code
 * camliSigner} that is not the server's key).
 */
public class SigningException extends ServerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was refused, naming the sign handler URL
   * @param statusCode the HTTP status of the answer
   * @param serverError the sign helper's reason, if it gave one
   */
  public SigningException(String message, int statusCode, @Nullable String serverError) {
    super(message, statusCode, serverError);
  }
}
