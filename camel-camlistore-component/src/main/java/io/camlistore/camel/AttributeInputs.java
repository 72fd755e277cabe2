package io.camlistore.camel;

import io.camlistore.protocol.BlobRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * Reads permanode attribute names and values from a message: the {@link
 * CamlistoreConstants#ATTRIBUTE} and {@link CamlistoreConstants#ATTRIBUTE_VALUE} headers, the body,
 * or a {@code Map} body of several. Errors name the operation, the header to set and the accepted
 * types.
 */
final class AttributeInputs {
  /** The value types accepted, for error messages. */
  static final String VALUE_TYPES = "a String, or a BlobRef, number or boolean (written as text)";

  private AttributeInputs() {}

  /**
   * {@return the attribute name an operation changes}
   *
   * @throws IllegalArgumentException if the header is absent or blank
   */
  static String name(Exchange exchange, CamlistoreOperation operation) {
    String name = optionalName(exchange, operation);
    if (name == null) {
      throw new IllegalArgumentException(
          operation
              + " needs the attribute name (such as title or tag) in header "
              + CamlistoreConstants.ATTRIBUTE);
    }
    return name;
  }

  /**
   * {@return the attribute name, or null when the header is absent}
   *
   * @throws IllegalArgumentException if the header is blank
   */
  static @Nullable String optionalName(Exchange exchange, CamlistoreOperation operation) {
    String name = exchange.getMessage().getHeader(CamlistoreConstants.ATTRIBUTE, String.class);
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException(
          operation
              + ": header "
              + CamlistoreConstants.ATTRIBUTE
              + " is blank; give an attribute name such as title or tag");
    }
    return name;
  }

  /**
   * {@return the value to set or add: the {@link CamlistoreConstants#ATTRIBUTE_VALUE} header, else
   * the body}
   *
   * @throws IllegalArgumentException if neither holds a value, or it has an unsupported type
   */
  static String value(Exchange exchange, CamlistoreOperation operation) {
    Object header = exchange.getMessage().getHeader(CamlistoreConstants.ATTRIBUTE_VALUE);
    if (header != null) {
      return text(header, "header " + CamlistoreConstants.ATTRIBUTE_VALUE, operation);
    }
    Object body = exchange.getMessage().getBody();
    if (body == null || (body instanceof CharSequence chars && chars.isEmpty())) {
      throw new IllegalArgumentException(
          operation
              + " needs the value in header "
              + CamlistoreConstants.ATTRIBUTE_VALUE
              + " or as the body ("
              + VALUE_TYPES
              + "); found neither");
    }
    return text(body, "the body", operation);
  }

  /**
   * {@return the one value to remove, from the {@link CamlistoreConstants#ATTRIBUTE_VALUE} header
   * only, or null to remove every value}
   *
   * @throws IllegalArgumentException if the header is empty or has an unsupported type
   */
  static @Nullable String valueFromHeader(Exchange exchange, CamlistoreOperation operation) {
    Object header = exchange.getMessage().getHeader(CamlistoreConstants.ATTRIBUTE_VALUE);
    if (header == null) {
      return null;
    }
    String value = text(header, "header " + CamlistoreConstants.ATTRIBUTE_VALUE, operation);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          operation
              + ": header "
              + CamlistoreConstants.ATTRIBUTE_VALUE
              + " is empty; give the value to remove, or remove the header to remove every value");
    }
    return value;
  }

  /**
   * {@return the attributes of a new permanode: none for a null or empty body, else the entries of
   * a {@code Map} body in its iteration order}
   *
   * @throws IllegalArgumentException if the body is another type, or an entry has an empty name or
   *     an unsupported value
   */
  static Map<String, String> attributes(Exchange exchange, CamlistoreOperation operation) {
    Object body = exchange.getMessage().getBody();
    if (body == null || (body instanceof CharSequence chars && chars.toString().isBlank())) {
      return Map.of();
    }
    if (!(body instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          operation
              + " takes the new permanode's attributes from a Map body (attribute name to value),"
              + " or none from an empty body; the body is a "
              + body.getClass().getName());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      if (!(key instanceof CharSequence) || key.toString().isEmpty()) {
        throw new IllegalArgumentException(
            operation
                + ": the Map body has an attribute name that is not a non-empty String: "
                + key);
      }
      Object value = entry.getValue();
      if (value == null) {
        throw new IllegalArgumentException(
            operation + ": the Map body has no value for attribute '" + key + "'");
      }
      attributes.put(
          key.toString(), text(value, "attribute '" + key + "' of the Map body", operation));
    }
    return attributes;
  }

  private static String text(Object value, String where, CamlistoreOperation operation) {
    if (value instanceof CharSequence
        || value instanceof BlobRef
        || value instanceof Number
        || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        operation
            + ": "
            + where
            + " is a "
            + value.getClass().getName()
            + "; an attribute value is "
            + VALUE_TYPES
            + (value instanceof Iterable<?>
                ? "; add several values with addAttribute, one each"
                : ""));
  }
}
