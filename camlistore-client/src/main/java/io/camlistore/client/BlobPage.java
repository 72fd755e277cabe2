package io.camlistore.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an enumeration: the blobs in blobref order and the cursor to continue after, present
 * only when the page was full (the server's {@code continueAfter}). Immutable.
 */
public final class BlobPage {
  private final List<BlobMeta> blobs;
  private final @Nullable String continueAfter;

  BlobPage(List<BlobMeta> blobs, @Nullable String continueAfter) {
    this.blobs = List.copyOf(blobs);
    this.continueAfter = continueAfter;
  }

  /** {@return the blobs of this page, in blobref order} */
  public List<BlobMeta> blobs() {
    return blobs;
  }

  /**
   * {@return the cursor to pass as {@code after} for the next page; null when this was the last}
   */
  public @Nullable String continueAfter() {
    return continueAfter;
  }

  @Override
  public String toString() {
    return "BlobPage{" + blobs.size() + " blobs, continueAfter=" + continueAfter + "}";
  }
}
