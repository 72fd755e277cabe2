package io.camlistore.testkit.internal.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A stored blob that is a Perkeep schema blob: a JSON object with {@code camliVersion} and a string
 * {@code camliType}, at most 1 MiB (Perkeep's schema size limit; bigger JSON is just bytes).
 */
public final class SchemaBlob {
  /** Perkeep does not sniff blobs bigger than this as schema blobs. */
  static final int MAX_SCHEMA_SIZE = 1 << 20;

  private static final ObjectReader READER =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String ref;
  private final String camliType;
  private final ObjectNode json;
  private final byte[] bytes;

  private SchemaBlob(String ref, String camliType, ObjectNode json, byte[] bytes) {
    this.ref = ref;
    this.camliType = camliType;
    this.json = json;
    this.bytes = bytes;
  }

  /**
   * Recognizes a schema blob.
   *
   * @param ref the blob's ref
   * @param content its bytes (kept, not copied)
   * @return the schema blob, or null when the bytes are not one
   */
  public static @Nullable SchemaBlob parse(String ref, byte[] content) {
    if (content.length > MAX_SCHEMA_SIZE || !startsWithBrace(content)) {
      return null;
    }
    JsonNode node;
    try {
      node = READER.readTree(content);
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
    if (!(node instanceof ObjectNode object) || !object.has("camliVersion")) {
      return null;
    }
    JsonNode type = object.get("camliType");
    if (type == null || !type.isTextual() || type.textValue().isEmpty()) {
      return null;
    }
    return new SchemaBlob(ref, type.textValue(), object, content);
  }

  private static boolean startsWithBrace(byte[] content) {
    for (byte b : content) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }

  /** {@return the blob's ref} */
  public String ref() {
    return ref;
  }

  /** {@return the {@code camliType}, e.g. {@code permanode}} */
  public String camliType() {
    return camliType;
  }

  /** {@return the parsed JSON (do not modify)} */
  public ObjectNode json() {
    return json;
  }

  /** {@return the blob's bytes (do not modify)} */
  byte[] bytes() {
    return bytes;
  }

  /**
   * Reads a string field.
   *
   * @param field the field name
   * @return its value, or null when absent or not a string
   */
  public @Nullable String text(String field) {
    JsonNode value = json.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
