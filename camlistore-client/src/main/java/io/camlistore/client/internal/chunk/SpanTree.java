package io.camlistore.client.internal.chunk;

import io.camlistore.client.Blob;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Arranges chunks into pk-put's tree of {@code bytes} schema blobs (PROTOCOL.md §10.3).
 *
 * <p>Each chunk arrives with the weight of the boundary that ended it. A new chunk adopts, as its
 * children, the trailing run of earlier top-level spans with a smaller weight. Those children are
 * turned into a part at once (one chunk, or a {@code bytes} blob that is passed to the sink), so
 * only the top-level spans are kept in memory, never the chunk bytes.
 */
final class SpanTree {
  private final String hashName;
  private final ChunkSink sink;
  private final List<Span> spans = new ArrayList<>();

  /**
   * One chunk and what it adopted.
   *
   * @param chunk the chunk's ref
   * @param length the chunk's length
   * @param bits the weight of the boundary that ended the chunk
   * @param childrenPart the part standing for the adopted children, null if there are none
   * @param hasChildren whether the chunk adopted anything
   * @param totalSize the chunk's length plus the total size of its children
   */
  private record Span(
      BlobRef chunk,
      long length,
      int bits,
      @Nullable Part childrenPart,
      boolean hasChildren,
      long totalSize) {}

  SpanTree(String hashName, ChunkSink sink) {
    this.hashName = hashName;
    this.sink = sink;
  }

  /**
   * Adds the next chunk, after it was passed to the sink.
   *
   * @param chunk the chunk's ref
   * @param length its length
   * @param bits the weight of the boundary that ended it; 0 for the final chunk
   * @throws IOException if the sink fails on a {@code bytes} blob
   */
  void add(BlobRef chunk, long length, int bits) throws IOException {
    int first = spans.size();
    while (first > 0 && spans.get(first - 1).bits() < bits) {
      first--;
    }
    List<Span> children = spans.subList(first, spans.size());
    long childrenSize = 0;
    for (Span child : children) {
      childrenSize += child.totalSize();
    }
    Part childrenPart = null;
    if (children.size() == 1 && !children.get(0).hasChildren()) {
      // A bytes blob with a single chunk would only add a level; refer to the chunk directly.
      childrenPart = Part.blob(children.get(0).chunk(), children.get(0).length());
    } else if (!children.isEmpty()) {
      Blob bytes = SchemaBlobs.of(FileSchema.bytes(parts(children)), hashName);
      sink.accept(bytes, ChunkSink.Kind.BYTES_SCHEMA);
      childrenPart = Part.bytes(bytes.blobRef(), childrenSize);
    }
    boolean hasChildren = !children.isEmpty();
    children.clear();
    spans.add(new Span(chunk, length, bits, childrenPart, hasChildren, length + childrenSize));
  }

  /** {@return the top-level parts: the file schema's {@code parts}} */
  List<Part> parts() {
    return parts(spans);
  }

  private static List<Part> parts(List<Span> spans) {
    List<Part> parts = new ArrayList<>(spans.size() * 2);
    for (Span span : spans) {
      if (span.childrenPart() != null) {
        parts.add(span.childrenPart());
      }
      parts.add(Part.blob(span.chunk(), span.length()));
    }
    return parts;
  }
}
