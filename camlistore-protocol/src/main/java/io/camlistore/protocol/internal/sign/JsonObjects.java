package io.camlistore.protocol.internal.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Strict parsing of a whole JSON document that must be one object. Failures are reported through a
 * caller-chosen exception type, since a bad unsigned object is a caller error while a bad signed
 * blob is merely an invalid signature.
 */
public final class JsonObjects {
  private static final ObjectReader READER =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonObjects() {}

  /**
   * Parses a JSON object.
   *
   * @param json UTF-8 JSON text
   * @param what names the document in error messages
   * @param error makes the exception thrown for a message
   * @return the object
   */
  public static ObjectNode parse(
      byte[] json, String what, Function<String, ? extends RuntimeException> error) {
    JsonNode node;
    try {
      node = READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw error.apply(what + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw error.apply(what + " cannot be read: " + e);
    }
    if (node == null || node.isMissingNode()) {
      throw error.apply(what + " is empty; expected a JSON object");
    }
    if (!(node instanceof ObjectNode object)) {
      throw error.apply(what + " must be a JSON object, not " + type(node));
    }
    return object;
  }

  /**
   * Reads a string member.
   *
   * @param object the object
   * @param name the member name
   * @param what names the document in error messages
   * @param error makes the exception thrown when the member is not a string
   * @return the string, or null when the member is absent
   */
  public static @Nullable String string(
      ObjectNode object,
      String name,
      String what,
      Function<String, ? extends RuntimeException> error) {
    JsonNode value = object.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw error.apply(what + " has \"" + name + "\" of type " + type(value) + ", not string");
    }
    return value.textValue();
  }

  private static String type(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
