package io.camlistore.camel.springboot.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes {@code META-INF/additional-spring-configuration-metadata.json} for a starter's properties:
 * each property's type, description and default, and the values of enum properties. Spring Boot's
 * configuration processor merges it into the {@code spring-configuration-metadata.json} it writes
 * from the properties class, so that IDEs show the component's own descriptions and defaults (which
 * the class cannot carry: its properties are unset unless configured).
 */
public final class SpringMetadataWriter {
  private final String prefix;
  private final String sourceType;
  private final List<StarterProperty> properties;

  /**
   * Creates a writer.
   *
   * @param prefix the properties' prefix, such as {@code camel.component.camlistore}
   * @param sourceType the properties class, fully qualified
   * @param properties the properties
   */
  public SpringMetadataWriter(String prefix, String sourceType, List<StarterProperty> properties) {
    this.prefix = prefix;
    this.sourceType = sourceType;
    this.properties = List.copyOf(properties);
  }

  /** {@return the metadata, as JSON} */
  public String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode items = root.putArray("properties");
    ArrayNode hints = root.putArray("hints");
    for (StarterProperty property : properties) {
      String name = prefix + "." + property.kebabName();
      ObjectNode item = items.addObject();
      item.put("name", name);
      item.put("type", property.javaType());
      item.put("description", property.description());
      item.put("sourceType", sourceType);
      if (property.defaultValue() != null) {
        item.set("defaultValue", property.defaultValue());
      }
      if (!property.values().isEmpty()) {
        ObjectNode hint = hints.addObject();
        hint.put("name", name);
        ArrayNode values = hint.putArray("values");
        property.values().forEach(value -> values.addObject().put("value", value));
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the metadata", e);
    }
  }
}
