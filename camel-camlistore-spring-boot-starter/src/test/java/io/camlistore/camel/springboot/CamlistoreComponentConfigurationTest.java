package io.camlistore.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.convert.DurationStyle;

/**
 * The starter's properties, generated at build time from the component's {@code camlistore.json},
 * match the component's options in name, type, default and description: in the properties class (by
 * reflection) and in the Spring configuration metadata the build writes, which IDEs read.
 */
class CamlistoreComponentConfigurationTest {
  private static final String PREFIX = CamlistoreComponentConfiguration.PREFIX + ".";

  private static JsonNode options;
  private static Map<String, JsonNode> metadata;

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream json =
        CamlistoreComponentConfigurationTest.class.getResourceAsStream(
            "/META-INF/io/camlistore/camel/camlistore.json")) {
      assertThat(json).as("the component's generated metadata").isNotNull();
      options = mapper.readTree(json).path("componentProperties");
    }
    metadata = new LinkedHashMap<>();
    for (URL file :
        Collections.list(
            CamlistoreComponentConfigurationTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      for (JsonNode item : mapper.readTree(file).path("properties")) {
        if (CamlistoreComponentConfiguration.class
            .getName()
            .equals(item.path("sourceType").asText())) {
          metadata.put(item.get("name").asText(), item);
        }
      }
    }
  }

  private static List<String> componentOptions() {
    List<String> names = new ArrayList<>();
    options.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** {@return enabled and customizer: every Camel starter's switches, not component options} */
  private static List<String> switches() {
    return Arrays.stream(
            BeanUtils.getPropertyDescriptors(ComponentConfigurationPropertiesCommon.class))
        .map(PropertyDescriptor::getName)
        .toList();
  }

  private static Map<String, Class<?>> ownProperties() {
    Map<String, Class<?>> own = new LinkedHashMap<>();
    for (PropertyDescriptor property :
        BeanUtils.getPropertyDescriptors(CamlistoreComponentConfiguration.class)) {
      if (property.getWriteMethod() != null && !switches().contains(property.getName())) {
        own.put(property.getName(), property.getPropertyType());
      }
    }
    return own;
  }

  /** {@return the Java type a starter property of this option has} */
  private static Class<?> expectedType(JsonNode option) {
    return switch (option.get("type").asText()) {
      case "duration" -> Duration.class; // 5s, 2m...
      case "object" -> String.class; // a bean's name
      default ->
          switch (option.get("javaType").asText()) {
            case "boolean" -> Boolean.class;
            case "int", "java.lang.Integer" -> Integer.class;
            case "long" -> Long.class;
            default -> String.class;
          };
    };
  }

  private static String kebab(String name) {
    return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  @Test
  void hasAPropertyOfTheRightTypeForEveryComponentOptionAndNoOther() {
    Map<String, Class<?>> properties = ownProperties();

    assertThat(componentOptions()).hasSizeGreaterThan(10);
    assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(componentOptions());
    options
        .properties()
        .forEach(
            option ->
                assertThat(properties.get(option.getKey()))
                    .as(option.getKey())
                    .isEqualTo(expectedType(option.getValue())));
  }

  @Test
  void theSpringMetadataDescribesEveryOptionWithItsTypeDescriptionAndDefault() {
    switches().forEach(name -> metadata.remove(PREFIX + kebab(name)));
    assertThat(metadata.keySet())
        .containsExactlyInAnyOrderElementsOf(
            componentOptions().stream().map(name -> PREFIX + kebab(name)).toList());
    options
        .properties()
        .forEach(
            entry -> {
              JsonNode option = entry.getValue();
              JsonNode item = Objects.requireNonNull(metadata.get(PREFIX + kebab(entry.getKey())));
              String description = option.get("description").asText();
              assertThat(item.get("type").asText())
                  .as(entry.getKey())
                  .isEqualTo(expectedType(option).getName());
              if (option.get("type").asText().equals("object")) {
                assertThat(item.get("description").asText())
                    .as(entry.getKey())
                    .startsWith(description)
                    .endsWith(option.get("javaType").asText() + " bean: #bean:name or name.");
              } else {
                assertThat(item.get("description").asText())
                    .as(entry.getKey())
                    .isEqualTo(description);
              }
              JsonNode defaultValue = option.get("defaultValue");
              if (defaultValue == null) {
                assertThat(item.has("defaultValue")).as(entry.getKey()).isFalse();
              } else if (option.get("type").asText().equals("duration")) {
                // The component's default is in milliseconds; Spring's names its unit.
                assertThat(
                        DurationStyle.detectAndParse(item.get("defaultValue").asText()).toMillis())
                    .as(entry.getKey())
                    .isEqualTo(defaultValue.asLong());
              } else {
                assertThat(item.get("defaultValue").asText())
                    .as(entry.getKey())
                    .isEqualTo(defaultValue.asText());
              }
            });
  }
}
