package io.camlistore.client;

/**
 * The server did not advertise the handler an operation needs (for example no {@code searchRoot} in
 * discovery because its index is disabled). Thrown before any request is sent.
 */
public class ServerFeatureUnavailableException extends CamlistoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message which discovery field was missing and which operation needed it
   */
  public ServerFeatureUnavailableException(String message) {
    super(message);
  }
}
