package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * The server refused the credentials (HTTP 401) or the operation for them (HTTP 403), or the proxy
 * refused its own (HTTP 407). Configure {@link Auth} (or the {@link HttpProxy}'s credentials) in
 * {@link ConnectOptions}. The message never contains the credentials.
 */
public class AuthenticationException extends ServerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was refused, naming the URL
   * @param statusCode 401, 403 or 407
   * @param serverError the server's error text, if any
   */
  public AuthenticationException(String message, int statusCode, @Nullable String serverError) {
    super(message, statusCode, serverError);
  }
}
