package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every failure this client reports. Unchecked: callers catch the subtype they can act on.
 *
 * <ul>
 *   <li>{@link ConnectionException}: no valid answer from a Perkeep server (down, refused, reset,
 *       not a Perkeep server).
 *   <li>{@link ServerException}: the server answered with an error ({@link NotFoundException},
 *       {@link AuthenticationException} are the common ones).
 *   <li>{@link HashMismatchException}, {@link InvalidSchemaException}, {@link
 *       ServerFeatureUnavailableException}: the local contract was broken before or after talking
 *       to the server.
 * </ul>
 *
 * <p>Messages name the URL, blobref or option involved and never contain credentials.
 */
public class CamlistoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, naming the URL, blobref or option involved
   */
  public CamlistoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong, naming the URL, blobref or option involved
   * @param cause the underlying failure
   */
  public CamlistoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
