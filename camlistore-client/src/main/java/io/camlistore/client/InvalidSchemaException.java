package io.camlistore.client;

import io.camlistore.protocol.BlobRef;

/**
 * A schema blob is not what the operation needs: not JSON, another {@code camliType} (a directory
 * where a file was expected), a missing or malformed field, or parts whose sizes do not add up. The
 * content it describes is never returned as valid.
 */
public class InvalidSchemaException extends CamlistoreException {
  private static final long serialVersionUID = 1L;

  /** The schema blob at fault. */
  private final BlobRef blobRef;

  /**
   * Creates an exception.
   *
   * @param blobRef the schema blob at fault
   * @param problem what is wrong with it, naming the field involved
   */
  public InvalidSchemaException(BlobRef blobRef, String problem) {
    super("schema blob " + blobRef + " " + problem);
    this.blobRef = blobRef;
  }

  /** {@return the schema blob at fault} */
  public BlobRef blobRef() {
    return blobRef;
  }
}
