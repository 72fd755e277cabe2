package io.camlistore.camel.springboot.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a component's metadata, the generator writes a properties class with one unset property per
 * option and Spring metadata with the option's description and default, and refuses an option it
 * cannot map.
 */
class StarterGeneratorTest {
  private static final String CLASS = "org/example/camel/springboot/SampleComponentConfiguration";

  @TempDir Path dir;

  private static ComponentMetadata sample() throws IOException {
    try (InputStream json = StarterGeneratorTest.class.getResourceAsStream("/sample.json")) {
      return ComponentMetadata.read(Objects.requireNonNull(json));
    }
  }

  @Test
  void writesAPropertiesClassWithAnUnsetFieldAndAccessorsPerOption() throws Exception {
    StarterGenerator.main(
        new String[] {
          "sample.json", dir.resolve("java").toString(), dir.resolve("res").toString()
        });

    String source = Files.readString(dir.resolve("java").resolve(CLASS + ".java"));
    assertThat(source)
        .startsWith("package org.example.camel.springboot;\n")
        .contains("@ConfigurationProperties(prefix = SampleComponentConfiguration.PREFIX)")
        .contains(
            "public class SampleComponentConfiguration extends"
                + " ComponentConfigurationPropertiesCommon {")
        .contains("public static final String PREFIX = \"camel.component.sample\";")
        .contains("private @Nullable String configuration;")
        .contains("private @Nullable String serverUrl;")
        .contains("private @Nullable String hashFunction;")
        .contains("private @Nullable Integer limit;")
        .contains("private @Nullable Integer proxyPort;")
        .contains("private @Nullable Boolean lazyStartProducer;")
        .contains("private @Nullable Long maxBytes;")
        .contains("private @Nullable Duration readTimeout;")
        .contains("public @Nullable Duration getReadTimeout() {")
        .contains("public void setReadTimeout(@Nullable Duration readTimeout) {")
        .contains("@Generated(\"" + StarterGenerator.class.getName() + "\")");
    assertThat(source.replaceAll("\n\\s*\\* ", " "))
        .as("the description, safe in Javadoc")
        .contains(
            "The server's URL, such as http://h/ &lt;b&gt;&amp;amp; more&lt;/b&gt; &#64;see"
                + " &#92;u0041 *&#47;")
        .doesNotContain("\\u0041");
    assertThat(source.lines().filter(line -> line.length() > 100)).isEmpty();
  }

  @Test
  void writesSpringMetadataWithEachOptionsTypeDescriptionDefaultAndValues() throws Exception {
    List<Path> files = StarterGenerator.generate(sample(), dir.resolve("java"), dir.resolve("res"));

    assertThat(files.get(1))
        .isEqualTo(dir.resolve("res/META-INF/additional-spring-configuration-metadata.json"));
    JsonNode metadata = new ObjectMapper().readTree(files.get(1).toFile());
    List<String> names = new ArrayList<>();
    metadata.get("properties").forEach(item -> names.add(item.get("name").asText()));
    assertThat(names)
        .containsExactly(
            "camel.component.sample.configuration",
            "camel.component.sample.server-url",
            "camel.component.sample.hash-function",
            "camel.component.sample.limit",
            "camel.component.sample.proxy-port",
            "camel.component.sample.lazy-start-producer",
            "camel.component.sample.max-bytes",
            "camel.component.sample.read-timeout");
    JsonNode configuration = metadata.at("/properties/0");
    assertThat(configuration.get("type").asText()).isEqualTo("java.lang.String");
    assertThat(configuration.get("description").asText())
        .isEqualTo(
            "The shared options. Given as the name of a org.example.camel.SampleConfiguration"
                + " bean: #bean:name or name.");
    assertThat(configuration.get("sourceType").asText()).isEqualTo(CLASS.replace('/', '.'));
    assertThat(configuration.has("defaultValue")).isFalse();
    assertThat(metadata.at("/properties/1/description").asText()).startsWith("The server's URL");
    assertThat(metadata.at("/properties/2/defaultValue").asText()).isEqualTo("sha224");
    assertThat(metadata.at("/properties/3/defaultValue").isNumber()).isTrue();
    assertThat(metadata.at("/properties/3/defaultValue").asInt()).isEqualTo(100);
    assertThat(metadata.at("/properties/4").has("defaultValue")).isFalse();
    assertThat(metadata.at("/properties/5/defaultValue").isBoolean()).isTrue();
    assertThat(metadata.at("/properties/6/type").asText()).isEqualTo("java.lang.Long");
    assertThat(metadata.at("/properties/7/type").asText()).isEqualTo("java.time.Duration");
    assertThat(metadata.at("/properties/7/defaultValue").asText()).isEqualTo("60000ms");
    assertThat(metadata.get("hints")).hasSize(1);
    assertThat(metadata.at("/hints/0/name").asText())
        .isEqualTo("camel.component.sample.hash-function");
    assertThat(metadata.at("/hints/0/values/1/value").asText()).isEqualTo("sha1");
  }

  @Test
  void anOptionOfATypeWithoutAMappingFailsTheBuildNamingIt() {
    ComponentMetadata.Option option =
        new ComponentMetadata.Option(
            "headers", "object-map", "java.util.Map", "Extra headers.", null, List.of());

    assertThatThrownBy(() -> StarterProperty.of(option))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option headers is a object-map of Java type java.util.Map");
  }

  @Test
  void badArgumentsOrMetadataAreReportedClearly() {
    assertThatThrownBy(() -> StarterGenerator.main(new String[] {"sample.json"}))
        .hasMessageStartingWith("usage: StarterGenerator");
    assertThatThrownBy(
            () ->
                StarterGenerator.main(
                    new String[] {"missing.json", dir.toString(), dir.resolve("res").toString()}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing.json is not on the classpath");
    assertThatThrownBy(
            () -> ComponentMetadata.read(bytes("{\"component\": {}, \"componentProperties\": {}}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("lacks scheme");
    assertThatThrownBy(() -> ComponentMetadata.read(bytes("{\"kind\": \"model\"}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a Camel component's metadata");
  }

  private static InputStream bytes(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
