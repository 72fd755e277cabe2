package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a blob from a permanode, as reported by {@link SearchClient#edgesTo(BlobRef)}: the
 * referring blob and its type. Immutable.
 */
public final class Edge {
  private final BlobRef from;
  private final @Nullable String fromType;

  Edge(BlobRef from, @Nullable String fromType) {
    this.from = Objects.requireNonNull(from, "from");
    this.fromType = fromType;
  }

  /** {@return the blob that holds the reference} */
  public BlobRef from() {
    return from;
  }

  /** {@return the referring blob's type, e.g. {@code permanode}, or null when not reported} */
  public @Nullable String fromType() {
    return fromType;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Edge that
        && that.from.equals(from)
        && Objects.equals(that.fromType, fromType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, fromType);
  }

  /** {@return the referring blob and its type} */
  @Override
  public String toString() {
    return "Edge{from=" + from + ", " + fromType + "}";
  }
}
