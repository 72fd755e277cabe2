package io.camlistore.client.internal.chunk;

import io.camlistore.client.Blob;
import java.io.IOException;

/**
 * Receives the blobs of a file as {@link FileChunker} produces them, in an order that is safe to
 * upload as received: a {@code bytes} schema blob comes after every blob it refers to.
 *
 * <p>Called on the chunking thread. Blobs are immutable, so an implementation may hand them to
 * other threads for upload; blocking here when too many are in flight keeps memory bounded.
 */
@FunctionalInterface
public interface ChunkSink {
  /** What a received blob is. */
  enum Kind {
    /** Raw file content, at most 1 MiB. */
    CHUNK,
    /** A {@code bytes} schema blob grouping earlier chunks and bytes blobs. */
    BYTES_SCHEMA
  }

  /**
   * Takes the next blob. The same chunk may arrive more than once when the content repeats.
   *
   * @param blob the blob
   * @param kind whether it is content or a {@code bytes} schema blob
   * @throws IOException to stop chunking; the exception is passed on to the caller
   */
  void accept(Blob blob, Kind kind) throws IOException;
}
