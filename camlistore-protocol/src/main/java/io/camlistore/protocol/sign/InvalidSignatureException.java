package io.camlistore.protocol.sign;

/** A signed blob whose signature does not verify; the message is the reason. */
public final class InvalidSignatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the signature is not valid
   */
  public InvalidSignatureException(String reason) {
    super(reason);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why the signature is not valid
   * @param cause the underlying failure
   */
  public InvalidSignatureException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
