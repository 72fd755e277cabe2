package io.camlistore.client.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.Blob;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.InvalidSchemaException;
import io.camlistore.client.internal.Json;
import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A schema blob read back: its {@code camliType} and typed access to the fields of file, {@code
 * bytes}, directory, static-set and symlink schemas (PROTOCOL.md §8.4–8.6).
 *
 * <p>Readers accept any valid JSON, not only the canonical form. The fields that decide what
 * content is returned ({@code parts}, {@code entries}, {@code members}, {@code mergeSets}, {@code
 * symlinkTarget}) are checked strictly and a bad one is an {@link InvalidSchemaException} naming
 * the blob and the field. Metadata ({@code unixMtime}, {@code unixPermission}, ...) is read
 * leniently, as Perkeep does: a value that cannot be understood is treated as absent.
 */
public final class SchemaNode {
  private final BlobRef ref;
  private final JsonNode json;
  private final String type;

  private SchemaNode(BlobRef ref, JsonNode json, String type) {
    this.ref = ref;
    this.json = json;
    this.type = type;
  }

  /**
   * Parses a schema blob.
   *
   * @param blob the blob
   * @return the schema
   * @throws InvalidSchemaException if the blob is not a JSON object with a string {@code camliType}
   */
  public static SchemaNode parse(Blob blob) {
    JsonNode json;
    try (InputStream in = blob.openStream()) {
      json = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new InvalidSchemaException(blob.blobRef(), "is not JSON: " + e.getMessage());
    }
    if (json == null || !json.isObject()) {
      throw new InvalidSchemaException(blob.blobRef(), "is not a JSON object");
    }
    JsonNode type = json.get("camliType");
    if (type == null || !type.isTextual()) {
      throw new InvalidSchemaException(blob.blobRef(), "has no string camliType");
    }
    return new SchemaNode(blob.blobRef(), json, type.asText());
  }

  /** {@return the schema blob's ref} */
  public BlobRef ref() {
    return ref;
  }

  /** {@return the {@code camliType}, e.g. {@code file}} */
  public String type() {
    return type;
  }

  /**
   * Checks the {@code camliType}.
   *
   * @param expected the type the caller needs
   * @return this schema
   * @throws InvalidSchemaException if the type is another one
   */
  public SchemaNode requireType(String expected) {
    if (!type.equals(expected)) {
      throw new InvalidSchemaException(
          ref, "has camliType '" + type + "', not '" + expected + "' as expected");
    }
    return this;
  }

  /**
   * Reads {@code parts} (of a {@code file} or {@code bytes} schema).
   *
   * @return the parts; empty for an empty file
   * @throws InvalidSchemaException if {@code parts} is absent or not an array, or an entry does not
   *     have exactly one of {@code blobRef} and {@code bytesRef} with a non-negative integer {@code
   *     size}
   */
  public List<Part> parts() {
    JsonNode array = json.get("parts");
    if (array == null || array.isNull()) {
      // Go writes an empty file's parts as [], but decodes a missing array as empty too.
      return List.of();
    }
    if (!array.isArray()) {
      throw invalid("has a 'parts' that is not an array");
    }
    List<Part> parts = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode part = array.get(i);
      String where = "parts[" + i + "]";
      if (!part.isObject()) {
        throw invalid("has a " + where + " that is not an object");
      }
      BlobRef blobRef = optionalRef(part, "blobRef", where);
      BlobRef bytesRef = optionalRef(part, "bytesRef", where);
      long size = count(part, "size", where, true);
      long offset = count(part, "offset", where, false);
      if (blobRef != null && bytesRef == null) {
        parts.add(new Part(blobRef, size, false, offset));
      } else if (bytesRef != null && blobRef == null) {
        parts.add(new Part(bytesRef, size, true, offset));
      } else {
        throw invalid("has a " + where + " without exactly one of 'blobRef' and 'bytesRef'");
      }
    }
    return parts;
  }

  /**
   * {@return the {@code entries} static-set of a directory schema}
   *
   * @throws InvalidSchemaException if it is absent or not a blobref
   */
  public BlobRef entries() {
    BlobRef entries = optionalRef(json, "entries", "entries");
    if (entries == null) {
      throw invalid("has no 'entries' blobref");
    }
    return entries;
  }

  /**
   * {@return the {@code members} of a static-set; empty if absent}
   *
   * @throws InvalidSchemaException if it is not an array of blobrefs
   */
  public List<BlobRef> members() {
    return refArray("members");
  }

  /**
   * {@return the {@code mergeSets} of a static-set too large for one blob; empty if absent}
   *
   * @throws InvalidSchemaException if it is not an array of blobrefs
   */
  public List<BlobRef> mergeSets() {
    return refArray("mergeSets");
  }

  /**
   * {@return the node's base name: {@code fileName}, else {@code fileNameBytes} decoded as UTF-8;
   * empty if neither is there}
   */
  public Optional<String> fileName() {
    return text("fileName", "fileNameBytes");
  }

  /**
   * {@return the target of a symlink schema: {@code symlinkTarget}, else {@code symlinkTargetBytes}
   * decoded as UTF-8}
   *
   * @throws InvalidSchemaException if neither is there
   */
  public String symlinkTarget() {
    return text("symlinkTarget", "symlinkTargetBytes")
        .filter(target -> !target.isEmpty())
        .orElseThrow(() -> invalid("has no 'symlinkTarget'"));
  }

  /** {@return the recorded file-system attributes; values that cannot be read are left out} */
  public FileMetadata metadata() {
    FileMetadata.Builder metadata = FileMetadata.builder();
    time("unixMtime").ifPresent(metadata::modificationTime);
    time("unixCtime").ifPresent(metadata::changeTime);
    JsonNode permission = json.get("unixPermission");
    if (permission != null && permission.isTextual()) {
      try {
        int bits = Integer.parseInt(permission.asText(), 8);
        if (bits >= 0 && bits <= 0777) {
          metadata.permissions(bits);
        }
      } catch (NumberFormatException e) {
        // Unreadable: treated as absent, as Perkeep does.
      }
    }
    JsonNode ownerId = json.get("unixOwnerId");
    if (isId(ownerId)) {
      metadata.ownerId(ownerId.asLong());
    }
    JsonNode groupId = json.get("unixGroupId");
    if (isId(groupId)) {
      metadata.groupId(groupId.asLong());
    }
    nonEmptyText("unixOwner").ifPresent(metadata::ownerName);
    nonEmptyText("unixGroup").ifPresent(metadata::groupName);
    return metadata.build();
  }

  private static boolean isId(@Nullable JsonNode node) {
    return node != null
        && node.isIntegralNumber()
        && node.canConvertToLong()
        && node.asLong() >= 0
        && node.asLong() <= 0xFFFF_FFFFL;
  }

  private Optional<Instant> time(String field) {
    return nonEmptyText(field)
        .flatMap(
            text -> {
              try {
                return Optional.of(Instant.parse(text));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  private Optional<String> nonEmptyText(String field) {
    JsonNode node = json.get(field);
    return node != null && node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  /**
   * Reads a string field, or its byte-array twin (strings for valid UTF-8 runs, numbers for bytes).
   */
  private Optional<String> text(String field, String bytesField) {
    Optional<String> text = nonEmptyText(field);
    if (text.isPresent()) {
      return text;
    }
    JsonNode bytes = json.get(bytesField);
    if (bytes == null || !bytes.isArray()) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (JsonNode element : bytes) {
      if (element.isTextual()) {
        out.writeBytes(element.asText().getBytes(StandardCharsets.UTF_8));
      } else if (element.isIntegralNumber() && element.asInt() >= 0 && element.asInt() <= 255) {
        out.write(element.asInt());
      } else {
        throw invalid("has a '" + bytesField + "' holding " + element + ", not a string or byte");
      }
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  private List<BlobRef> refArray(String field) {
    JsonNode array = json.get(field);
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw invalid("has a '" + field + "' that is not an array");
    }
    List<BlobRef> refs = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      BlobRef parsed = element.isTextual() ? BlobRef.parseOrNull(element.asText()) : null;
      if (parsed == null) {
        throw invalid("has a " + field + "[" + i + "] that is not a blobref: " + element);
      }
      refs.add(parsed);
    }
    return refs;
  }

  private @Nullable BlobRef optionalRef(JsonNode object, String field, String where) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    BlobRef parsed = value.isTextual() ? BlobRef.parseOrNull(value.asText()) : null;
    if (parsed == null) {
      throw invalid(
          "has a '"
              + (where.equals(field) ? field : where + "." + field)
              + "' that is not a blobref: "
              + value);
    }
    return parsed;
  }

  private long count(JsonNode object, String field, String where, boolean required) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw invalid("has a " + where + " without a '" + field + "'");
      }
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw invalid(
          "has a " + where + "." + field + " that is not a non-negative integer: " + value);
    }
    return value.asLong();
  }

  private InvalidSchemaException invalid(String problem) {
    return new InvalidSchemaException(ref, problem);
  }

  @Override
  public String toString() {
    return type + " " + ref;
  }
}
