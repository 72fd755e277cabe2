package io.camlistore.camel;

import io.camlistore.client.Blob;

/**
 * A body given to {@code put} (or an item given to {@code putMulti}) holds more than one blob may:
 * {@value Blob#MAX_SIZE} bytes (16 MiB). Store such data with {@code putFile}, which chunks data of
 * any size into a Perkeep file. Thrown before anything is sent.
 */
public class BlobTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param what the operation and body, such as {@code put: the body (a java.io.File)}
   */
  public BlobTooLargeException(String what) {
    super(
        what
            + " has more than "
            + Blob.MAX_SIZE
            + " bytes, the most one blob holds (16 MiB); store it with putFile, which stores data"
            + " of any size as a Perkeep file");
  }
}
