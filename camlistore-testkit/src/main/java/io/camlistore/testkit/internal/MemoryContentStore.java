package io.camlistore.testkit.internal;

import io.camlistore.protocol.BlobRef;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Keeps blobs in the heap; they live as long as this object. */
public final class MemoryContentStore implements ContentStore {
  private final Map<BlobRef, byte[]> blobs = new ConcurrentHashMap<>();
  private final String generation = Tokens.randomHex(20);
  private final Instant initTime = Instant.now();

  @Override
  public void write(BlobRef ref, byte[] content) {
    blobs.putIfAbsent(ref, content.clone());
  }

  @Override
  public byte @Nullable [] read(BlobRef ref) {
    byte[] content = blobs.get(ref);
    return content == null ? null : content.clone();
  }

  @Override
  public void delete(BlobRef ref) {
    blobs.remove(ref);
  }

  @Override
  public Map<BlobRef, Long> existing() {
    return Map.of();
  }

  @Override
  public String generation() {
    return generation;
  }

  @Override
  public Instant initTime() {
    return initTime;
  }
}
