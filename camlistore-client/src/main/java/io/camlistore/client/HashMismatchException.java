package io.camlistore.client;

import io.camlistore.protocol.BlobRef;

/**
 * Bytes did not hash to the blobref they were expected to have: corrupt content from the server, or
 * a wrong expected ref given by the caller. The data is never returned as valid.
 */
public class HashMismatchException extends CamlistoreException {
  private static final long serialVersionUID = 1L;

  /** The ref the content should have had. */
  private final BlobRef expected;

  /** The ref the content actually has. */
  private final BlobRef actual;

  /**
   * Creates an exception.
   *
   * @param expected the ref the bytes should have had
   * @param actual the ref the bytes actually have
   */
  public HashMismatchException(BlobRef expected, BlobRef actual) {
    super("content of " + expected + " hashes to " + actual + " (corrupt or wrong blob)");
    this.expected = expected;
    this.actual = actual;
  }

  /** {@return the blobref the content was expected to have} */
  public BlobRef expected() {
    return expected;
  }

  /** {@return the blobref the content actually has} */
  public BlobRef actual() {
    return actual;
  }
}
