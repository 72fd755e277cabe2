package io.camlistore.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.Json;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the server's index knows about one blob, from {@link SearchClient#describeBlob(BlobRef)} or
 * a query with an inline describe: its type and size, a permanode's current attributes, a file's or
 * directory's metadata, and the descriptions of related blobs that came in the same answer.
 *
 * <p>Immutable and thread-safe, except that {@link #describeAnother(BlobRef)} may ask the server.
 * Fields this class has no accessor for (image size, media tags, location…) are in {@link #raw()}.
 */
public final class BlobDescription {
  private static final TypeReference<Map<String, @Nullable Object>> RAW_MAP =
      new TypeReference<>() {};

  private final BlobRef blobRef;
  private final JsonNode node;
  private final DescribedBlobs related;
  private final Map<String, List<String>> attributes;

  BlobDescription(BlobRef blobRef, JsonNode node, DescribedBlobs related) {
    this.blobRef = blobRef;
    this.node = node;
    this.related = related;
    this.attributes = readAttributes(node.path("permanode").path("attr"));
  }

  private static Map<String, List<String>> readAttributes(JsonNode attr) {
    if (!attr.isObject()) {
      return Map.of();
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : attr.properties()) {
      List<String> values = new ArrayList<>();
      JsonNode value = entry.getValue();
      if (value.isArray()) {
        value.forEach(item -> values.add(item.asText()));
      } else if (!value.isNull()) {
        values.add(value.asText());
      }
      attributes.put(entry.getKey(), List.copyOf(values));
    }
    return Collections.unmodifiableMap(attributes);
  }

  /** {@return the described blob's ref} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /**
   * {@return the schema type ({@code camliType}: {@code permanode}, {@code claim}, {@code file},
   * {@code directory}, {@code static-set}, {@code bytes}…), or null for plain data}
   */
  public @Nullable String type() {
    return Json.text(node, "camliType");
  }

  /** {@return the blob's own size in bytes (for a file schema blob, not the file's length)} */
  public long size() {
    return node.path("size").asLong();
  }

  /**
   * {@return a permanode's current attributes, each with all its values in the server's order;
   * empty for other blobs}
   */
  public Map<String, List<String>> attributes() {
    return attributes;
  }

  /**
   * {@return the first value of a permanode attribute, or null when it has none}
   *
   * @param name the attribute, e.g. {@code title}
   */
  public @Nullable String attribute(String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * {@return every value of a permanode attribute; empty when it has none}
   *
   * @param name the attribute, e.g. {@code tag}
   */
  public List<String> attributeValues(String name) {
    return attributes.getOrDefault(name, List.of());
  }

  /** {@return when a permanode last changed (its newest claim), or null for other blobs} */
  public @Nullable Instant modTime() {
    return Rfc3339.parse(Json.text(node.path("permanode"), "modtime"));
  }

  /** {@return the file or directory name of a file or directory schema blob, else null} */
  public @Nullable String fileName() {
    String name = Json.text(node.path("file"), "fileName");
    return name != null ? name : Json.text(node.path("dir"), "fileName");
  }

  /** {@return a file's length in bytes; null for other blobs} */
  public @Nullable Long fileSize() {
    return longOrNull(node.path("file").path("size"));
  }

  /** {@return a file's MIME type when the server detected one, else null} */
  public @Nullable String mimeType() {
    return Json.text(node.path("file"), "mimeType");
  }

  /** {@return the ref of a file's whole content (the hash of all its bytes), else null} */
  public @Nullable BlobRef wholeRef() {
    return BlobRef.parseOrNull(Json.text(node.path("file"), "wholeRef"));
  }

  /** {@return a file's time (from its metadata, else its modification time), or null} */
  public @Nullable Instant fileTime() {
    return Rfc3339.parse(Json.text(node.path("file"), "time"));
  }

  /** {@return the number of entries of a directory; null for other blobs} */
  public @Nullable Long directoryEntryCount() {
    return longOrNull(node.path("dir").path("size"));
  }

  private static @Nullable Long longOrNull(JsonNode number) {
    return number.canConvertToLong() ? number.asLong() : null;
  }

  /**
   * {@return the refs of a directory's entries, when the describe depth reached them (order not
   * guaranteed); empty otherwise}
   */
  public List<BlobRef> directoryChildren() {
    List<BlobRef> children = new ArrayList<>();
    for (JsonNode child : node.path("dirChildren")) {
      BlobRef ref = BlobRef.parseOrNull(child.asText());
      if (ref != null) {
        children.add(ref);
      }
    }
    return List.copyOf(children);
  }

  /**
   * Describes a related blob: answered from the descriptions that came with this one (for example a
   * permanode's content or a directory's children) when present, else by asking the server.
   *
   * @param ref the blob
   * @return its description
   * @throws NotFoundException if the server does not know the blob
   * @throws ServerException for an error answer
   */
  public BlobDescription describeAnother(BlobRef ref) {
    return related.describe(ref);
  }

  /**
   * {@return the server's description of this blob as plain Java values (maps, lists, strings,
   * numbers, booleans, nulls), for fields without an accessor}
   */
  public Map<String, @Nullable Object> raw() {
    return Collections.unmodifiableMap(Json.MAPPER.convertValue(node, RAW_MAP));
  }

  /** {@return the ref, type and size} */
  @Override
  public String toString() {
    String type = type();
    return "BlobDescription{"
        + blobRef
        + (type == null ? "" : ", " + type)
        + ", "
        + size()
        + " bytes"
        + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
        + "}";
  }
}
