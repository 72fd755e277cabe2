package io.camlistore.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

/**
 * The starter's properties mirror the component options by hand: this test fails when the two drift
 * apart, either way.
 */
class CamlistoreComponentConfigurationTest {
  @Test
  void hasAPropertyForEveryComponentOptionAndNoOtherInTheComponentsMetadata() throws Exception {
    JsonNode options;
    try (InputStream json =
        getClass().getResourceAsStream("/META-INF/io/camlistore/camel/camlistore.json")) {
      assertThat(json).as("the component's generated metadata").isNotNull();
      options = new ObjectMapper().readTree(json).path("componentProperties");
    }
    List<String> componentOptions = new ArrayList<>();
    options.fieldNames().forEachRemaining(componentOptions::add);

    List<String> properties = writableProperties(CamlistoreComponentConfiguration.class);
    List<String> ownProperties = new ArrayList<>(properties);
    // enabled and customizer are every Camel starter's switches, not component options.
    ownProperties.removeAll(writableProperties(ComponentConfigurationPropertiesCommon.class));

    assertThat(componentOptions).hasSizeGreaterThan(10);
    assertThat(properties).containsAll(componentOptions);
    assertThat(properties).containsOnlyOnceElementsOf(componentOptions);
    // An option that moved to the endpoints (such as the consumers' state options) leaves here too.
    assertThat(componentOptions).containsAll(ownProperties);
  }

  private static List<String> writableProperties(Class<?> type) {
    return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
        .filter(property -> property.getWriteMethod() != null)
        .map(PropertyDescriptor::getName)
        .toList();
  }
}
