package io.camlistore.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.protocol.BlobRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code meta} map of one describe answer: every blob the server described in it, so that a
 * description can answer for its related blobs without another request.
 */
final class DescribedBlobs {
  private final Map<String, JsonNode> meta;
  private final SearchClient searcher;

  private DescribedBlobs(Map<String, JsonNode> meta, SearchClient searcher) {
    this.meta = meta;
    this.searcher = searcher;
  }

  /**
   * Reads a {@code meta} object; JSON {@code null} or absence is an empty map.
   *
   * @throws ServerException if it is something other than an object of objects
   */
  static DescribedBlobs parse(@Nullable JsonNode metaNode, SearchClient searcher, String what) {
    Map<String, JsonNode> meta = new LinkedHashMap<>();
    if (metaNode != null && !metaNode.isNull()) {
      if (!metaNode.isObject()) {
        throw new ServerException(
            "answer to " + what + " has a non-object 'meta': " + metaNode, 200, null);
      }
      for (Map.Entry<String, JsonNode> entry : metaNode.properties()) {
        if (entry.getValue().isObject()) {
          meta.put(entry.getKey(), entry.getValue());
        }
      }
    }
    return new DescribedBlobs(meta, searcher);
  }

  /** Returns the description of {@code ref} in this answer, or null when it has none. */
  @Nullable BlobDescription find(BlobRef ref) {
    JsonNode node = meta.get(ref.toString());
    return node == null ? null : new BlobDescription(ref, node, this);
  }

  /** Returns every described blob whose key is a well-formed blobref, in answer order. */
  Map<BlobRef, BlobDescription> all() {
    Map<BlobRef, BlobDescription> all = new LinkedHashMap<>();
    meta.forEach(
        (key, node) -> {
          BlobRef ref = BlobRef.parseOrNull(key);
          if (ref != null) {
            all.put(ref, new BlobDescription(ref, node, this));
          }
        });
    return Collections.unmodifiableMap(all);
  }

  /** Answers from this map when possible, else asks the server. */
  BlobDescription describe(BlobRef ref) {
    BlobDescription found = find(ref);
    return found != null ? found : searcher.describeBlob(ref);
  }
}
