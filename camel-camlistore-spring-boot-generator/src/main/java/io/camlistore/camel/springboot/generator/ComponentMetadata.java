package io.camlistore.camel.springboot.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a component's generated {@code <scheme>.json} says about the component and its
 * component-level options ({@code componentProperties}), in the order the file lists them.
 *
 * @param scheme the component's scheme, such as {@code camlistore}
 * @param componentClass the component's class, such as {@code
 *     io.camlistore.camel.CamlistoreComponent}
 * @param title the component's title
 * @param options the component-level options
 */
public record ComponentMetadata(
    String scheme, String componentClass, String title, List<Option> options) {

  /**
   * One component option, as the metadata describes it.
   *
   * @param name the option's name, such as {@code serverUrl}
   * @param kind Camel's kind of value: string, integer, boolean, duration, enum, object...
   * @param javaType the Java type of the option's field
   * @param description the option's description
   * @param defaultValue the default, as the metadata states it, or null when it states none
   * @param enums the values an option of kind enum takes, else empty
   */
  public record Option(
      String name,
      String kind,
      String javaType,
      String description,
      @Nullable JsonNode defaultValue,
      List<String> enums) {}

  /**
   * Reads the metadata.
   *
   * @param json the {@code <scheme>.json} file's content
   * @return what it says
   * @throws IOException if the content cannot be read or is not such a file
   */
  public static ComponentMetadata read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode component = root.path("component");
    JsonNode properties = root.path("componentProperties");
    if (!component.isObject() || !properties.isObject()) {
      throw new IOException(
          "not a Camel component's metadata: no component or componentProperties");
    }
    List<Option> options = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      JsonNode option = property.getValue();
      List<String> enums = new ArrayList<>();
      option.path("enum").forEach(value -> enums.add(value.asText()));
      options.add(
          new Option(
              property.getKey(),
              text(option, "type"),
              text(option, "javaType"),
              text(option, "description"),
              option.get("defaultValue"),
              List.copyOf(enums)));
    }
    return new ComponentMetadata(
        text(component, "scheme"),
        text(component, "javaType"),
        text(component, "title"),
        List.copyOf(options));
  }

  private static String text(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode()) {
      throw new IOException("the component metadata lacks " + field + " in " + node);
    }
    return value.asText();
  }
}
