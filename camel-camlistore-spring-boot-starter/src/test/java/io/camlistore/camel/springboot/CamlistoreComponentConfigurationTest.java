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

class CamlistoreComponentConfigurationTest {
  @Test
  void hasAPropertyForEveryComponentOptionInTheComponentsMetadata() throws Exception {
    JsonNode options;
    try (InputStream json =
        getClass().getResourceAsStream("/META-INF/io/camlistore/camel/camlistore.json")) {
      assertThat(json).as("the component's generated metadata").isNotNull();
      options = new ObjectMapper().readTree(json).path("componentProperties");
    }
    List<String> componentOptions = new ArrayList<>();
    options.fieldNames().forEachRemaining(componentOptions::add);

    List<String> properties =
        Arrays.stream(BeanUtils.getPropertyDescriptors(CamlistoreComponentConfiguration.class))
            .filter(property -> property.getWriteMethod() != null)
            .map(PropertyDescriptor::getName)
            .toList();

    List<String> common =
        Arrays.stream(
                BeanUtils.getPropertyDescriptors(ComponentConfigurationPropertiesCommon.class))
            .map(PropertyDescriptor::getName)
            .toList();

    assertThat(componentOptions).hasSizeGreaterThan(10);
    assertThat(properties)
        .as("the component's options, and only them, besides Camel's common ones")
        .filteredOn(property -> !common.contains(property))
        .containsExactlyInAnyOrderElementsOf(componentOptions);
  }
}
