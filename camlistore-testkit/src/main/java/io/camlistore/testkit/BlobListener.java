package io.camlistore.testkit;

import io.camlistore.protocol.BlobRef;

/**
 * Observes the embedded server's blob store, for example to keep an index of schema blobs or to let
 * a test wait for an upload.
 *
 * <p>Called synchronously on the thread that changed the store, before the HTTP response of that
 * change is sent; so when a client sees an upload acknowledged, every listener has already seen the
 * blob. Keep listeners quick and thread-safe: requests run concurrently. An exception thrown by a
 * listener is reported to the client as a server error.
 */
@FunctionalInterface
public interface BlobListener {
  /**
   * Called once when a blob that was not in the store has been stored. Uploading a blob that is
   * already present does not call it again.
   *
   * @param ref the blob's ref
   * @param content the blob's bytes (do not modify)
   */
  void blobStored(BlobRef ref, byte[] content);

  /**
   * Called when a blob has been removed from the store. Does nothing unless overridden.
   *
   * @param ref the removed blob's ref
   */
  default void blobRemoved(BlobRef ref) {}
}
