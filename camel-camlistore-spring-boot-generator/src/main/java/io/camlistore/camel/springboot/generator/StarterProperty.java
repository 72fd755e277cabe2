package io.camlistore.camel.springboot.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A component option as a Spring Boot property: the one place that decides the property's Java
 * type, default and description from the option's metadata. Every property is unset (null) unless
 * configured, so that the starter applies only what the application sets.
 *
 * <ul>
 *   <li>a {@code duration} option is a {@link java.time.Duration} ({@code 5s}, {@code 2m}), its
 *       default in milliseconds ({@code 10000ms});
 *   <li>an {@code object} option (a bean) is the bean's name, {@code #bean:name} or {@code name},
 *       which Camel resolves when it configures the component;
 *   <li>strings, enums, booleans and whole numbers keep their type, boxed.
 * </ul>
 *
 * @param name the option's (and the Java property's) name, such as {@code serverUrl}
 * @param javaType the property's Java type, fully qualified
 * @param description the property's description
 * @param defaultValue the default as Spring's configuration metadata states it, or null
 * @param values the values the property takes, for an enum option, else empty
 */
public record StarterProperty(
    String name,
    String javaType,
    String description,
    @Nullable JsonNode defaultValue,
    List<String> values) {

  /**
   * Maps an option.
   *
   * @param option the component option
   * @return the property
   * @throws IllegalArgumentException if the option's kind or type has no mapping here (add one
   *     rather than leave the option out)
   */
  public static StarterProperty of(ComponentMetadata.Option option) {
    JsonNode given = option.defaultValue();
    return switch (option.kind()) {
      case "duration" ->
          new StarterProperty(
              option.name(),
              "java.time.Duration",
              option.description(),
              given == null ? null : TextNode.valueOf(given.asText() + "ms"),
              List.of());
      case "object" ->
          new StarterProperty(
              option.name(),
              "java.lang.String",
              option.description()
                  + " Given as the name of a "
                  + option.javaType()
                  + " bean: #bean:name or name.",
              null,
              List.of());
      case "enum" ->
          new StarterProperty(
              option.name(), "java.lang.String", option.description(), given, option.enums());
      default ->
          new StarterProperty(
              option.name(),
              boxed(option),
              option.description(),
              given == null ? null : defaultOf(boxed(option), given),
              List.of());
    };
  }

  private static String boxed(ComponentMetadata.Option option) {
    return switch (option.javaType()) {
      case "java.lang.String" -> "java.lang.String";
      case "boolean", "java.lang.Boolean" -> "java.lang.Boolean";
      case "int", "java.lang.Integer" -> "java.lang.Integer";
      case "long", "java.lang.Long" -> "java.lang.Long";
      default ->
          throw new IllegalArgumentException(
              "option "
                  + option.name()
                  + " is a "
                  + option.kind()
                  + " of Java type "
                  + option.javaType()
                  + ", which the starter generator does not map to a Spring Boot property");
    };
  }

  private static JsonNode defaultOf(String javaType, JsonNode given) {
    return switch (javaType) {
      case "java.lang.Boolean" -> BooleanNode.valueOf(given.asBoolean());
      case "java.lang.Integer", "java.lang.Long" -> LongNode.valueOf(given.asLong());
      default -> TextNode.valueOf(given.asText());
    };
  }

  /** {@return the property's name in Spring's canonical form, such as {@code server-url}} */
  public String kebabName() {
    StringBuilder kebab = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        kebab.append('-').append(Character.toLowerCase(c));
      } else {
        kebab.append(c);
      }
    }
    return kebab.toString();
  }

  /** {@return the property's type as the Java source names it, such as {@code Integer}} */
  public String simpleType() {
    return javaType.substring(javaType.lastIndexOf('.') + 1);
  }
}
