package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One blob matched by a search, with its description when the search asked the server to describe
 * its results. Immutable.
 */
public final class SearchResult {
  private final BlobRef blobRef;
  private final @Nullable BlobDescription description;

  SearchResult(BlobRef blobRef, @Nullable BlobDescription description) {
    this.blobRef = Objects.requireNonNull(blobRef, "blobRef");
    this.description = description;
  }

  /** {@return the matched blob} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /** {@return the matched blob's description; null when the search did not ask for descriptions} */
  public @Nullable BlobDescription description() {
    return description;
  }

  /** Results are equal when they name the same blob. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SearchResult that && that.blobRef.equals(blobRef);
  }

  @Override
  public int hashCode() {
    return blobRef.hashCode();
  }

  /** {@return the matched ref} */
  @Override
  public String toString() {
    return "SearchResult{" + blobRef + "}";
  }
}
