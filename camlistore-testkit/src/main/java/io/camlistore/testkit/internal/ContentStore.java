package io.camlistore.testkit.internal;

import io.camlistore.protocol.BlobRef;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Where blob bytes live: in memory or in files. Implementations are thread-safe. */
public interface ContentStore {
  /**
   * Stores a blob's bytes, replacing nothing but an identical copy.
   *
   * @param ref the blob's ref
   * @param content its bytes
   * @throws java.io.UncheckedIOException if the bytes cannot be written
   */
  void write(BlobRef ref, byte[] content);

  /**
   * Reads a blob's bytes.
   *
   * @param ref the blob's ref
   * @return the bytes, or null if the blob is not stored
   * @throws java.io.UncheckedIOException if the blob exists but cannot be read
   */
  byte @Nullable [] read(BlobRef ref);

  /**
   * Deletes a blob if it is stored.
   *
   * @param ref the blob's ref
   */
  void delete(BlobRef ref);

  /** {@return the blobs already stored when this store was opened, with their sizes} */
  Map<BlobRef, Long> existing();

  /** {@return 40 hex characters identifying this store instance (discovery's storageGeneration)} */
  String generation();

  /** {@return when this store instance was created (discovery's storageInitTime)} */
  Instant initTime();
}
