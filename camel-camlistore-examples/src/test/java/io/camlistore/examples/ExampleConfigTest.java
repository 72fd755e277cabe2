package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {
  @Test
  void defaultsComeFromApplicationProperties() {
    ExampleConfig config = ExampleConfig.load(Map.of());

    assertThat(config.get("ingest.dsl")).isEqualTo("yaml");
    assertThat(config.flag("ingest.watch")).isFalse();
    assertThat(config.find("camlistore.url")).isNull();
  }

  @Test
  void systemPropertiesOverrideTheDefaultsAndExplicitValuesOverrideBoth() {
    String key = "export.page-size";
    System.setProperty(key, "7");
    try {
      assertThat(ExampleConfig.load(Map.of()).get(key)).isEqualTo("7");
      assertThat(ExampleConfig.load(Map.of(key, "9")).get(key)).isEqualTo("9");
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void handsOnlyTheExamplesOwnSettingsToCamel() {
    ExampleConfig config = ExampleConfig.load(Map.of("ingest.input", "/in", "other.key", "x"));

    assertThat(config.toProperties())
        .containsEntry("ingest.input", "/in")
        .containsKey("camlistore.storage")
        .doesNotContainKey("other.key")
        .doesNotContainKey("camel.main.name");
  }

  @Test
  void aMissingRequiredSettingIsNamed() {
    ExampleConfig config = ExampleConfig.load(Map.of("ingest.input", "  "));

    assertThatThrownBy(() -> config.get("ingest.input"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the setting ingest.input is missing: give it as -Dingest.input=...");
  }

  @Test
  void flagsAreTrueOrFalseOnly() {
    ExampleConfig config = ExampleConfig.load(Map.of("ingest.watch", "TRUE", "ingest.noop", "yes"));

    assertThat(config.flag("ingest.watch")).isTrue();
    assertThatThrownBy(() -> config.flag("ingest.noop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the setting ingest.noop must be true or false, got 'yes'");
  }

  @Test
  void durationsAreShortOrIso() {
    ExampleConfig config =
        ExampleConfig.load(
            Map.of("ingest.a", "5s", "ingest.b", "2m", "ingest.c", "PT0.5S", "ingest.d", "soon"));

    assertThat(config.duration("ingest.a")).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.duration("ingest.b")).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.duration("ingest.c")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> config.duration("ingest.d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the setting ingest.d must be a duration such as 5s or 1m, got 'soon'");
  }

  @Test
  void negativeDurationsAreRejected() {
    ExampleConfig config = ExampleConfig.load(Map.of("ingest.progress-interval", "-5s"));

    assertThatThrownBy(() -> config.duration("ingest.progress-interval"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the setting ingest.progress-interval must not be negative, got '-5s'");
  }
}
