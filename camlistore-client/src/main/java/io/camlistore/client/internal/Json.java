package io.camlistore.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.client.ServerException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/** The one JSON mapper of the client, and helpers to read server answers with clear errors. */
public final class Json {
  /** Shared, thread-safe mapper; lenient about fields the server adds. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /** {@return a new empty JSON object node} */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Reads a response body as a JSON object.
   *
   * @param response the response
   * @param what the request, for error messages (e.g. {@code POST http://h/bs/camli/stat})
   * @return the object
   * @throws IOException if the body cannot be read
   * @throws ServerException if the body is not a JSON object
   */
  public static JsonNode readObject(ClassicHttpResponse response, String what) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      throw new ServerException(
          "empty answer to " + what + " (expected JSON)", response.getCode(), null);
    }
    try (InputStream in = entity.getContent()) {
      return parseObject(in.readAllBytes(), what, response.getCode());
    }
  }

  /**
   * Parses bytes as a JSON object.
   *
   * @param body the bytes
   * @param what the request, for error messages
   * @param status the HTTP status they came with
   * @return the object
   * @throws ServerException if the bytes are not a JSON object
   */
  public static JsonNode parseObject(byte[] body, String what, int status) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ServerException(
          "malformed JSON in answer to " + what + ": " + e.getOriginalMessage(), status, null);
    } catch (IOException e) {
      throw new ServerException("unreadable answer to " + what, status, e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ServerException(
          "answer to " + what + " is not a JSON object: " + Texts.excerpt(body), status, null);
    }
    return node;
  }

  /**
   * Reads a text field.
   *
   * @param node an object node
   * @param field the field name
   * @return the text, or null when absent, null or not a string
   */
  public static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /**
   * Returns an array field, treating JSON {@code null} and absence as empty (the server sends
   * {@code null} for empty lists).
   *
   * @param node an object node
   * @param field the field name
   * @param what the request, for error messages
   * @return the array's elements
   * @throws ServerException if the field holds something other than an array or null
   */
  public static Iterable<JsonNode> array(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return java.util.List.of();
    }
    if (!value.isArray()) {
      throw new ServerException(
          "answer to " + what + " has a non-array '" + field + "': " + value, 200, null);
    }
    return value;
  }
}
