package io.camlistore.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The examples' settings: {@code application.properties} from the classpath, overridden by JVM
 * system properties ({@code -Dingest.input=...}), overridden by explicit values (as tests give).
 *
 * <p>The same values are handed to Camel, so routes read them as {@code {{ingest.input}}}.
 * Immutable.
 */
public final class ExampleConfig {
  /** Where the defaults live, on the classpath. */
  static final String DEFAULTS = "application.properties";

  /** The key prefixes of the examples' own settings (the rest belongs to Camel). */
  private static final String[] PREFIXES = {"camlistore.", "ingest.", "export.", "notes."};

  private final Properties values;

  private ExampleConfig(Properties values) {
    this.values = values;
  }

  /**
   * Loads the settings.
   *
   * @param overrides values that win over the defaults and the system properties
   * @return the settings
   * @throws UncheckedIOException if the defaults cannot be read
   */
  public static ExampleConfig load(Map<String, String> overrides) {
    Properties values = new Properties();
    try (InputStream in = ExampleConfig.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in != null) {
        values.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
    System.getProperties()
        .forEach(
            (key, value) -> {
              if (isExampleKey(key.toString())) {
                values.setProperty(key.toString(), value.toString());
              }
            });
    values.putAll(overrides);
    return new ExampleConfig(values);
  }

  private static boolean isExampleKey(String key) {
    for (String prefix : PREFIXES) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@return the value of a setting, or null when it is missing or blank}
   *
   * @param key the setting's name
   */
  public @Nullable String find(String key) {
    String value = values.getProperty(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * {@return the value of a required setting}
   *
   * @param key the setting's name
   * @throws IllegalArgumentException if it is missing or blank
   */
  public String get(String key) {
    String value = find(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "the setting " + key + " is missing: give it as -D" + key + "=...");
    }
    return value;
  }

  /**
   * {@return a true/false setting}
   *
   * @param key the setting's name
   * @throws IllegalArgumentException if it is missing or neither true nor false
   */
  public boolean flag(String key) {
    String value = get(key).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "the setting " + key + " must be true or false, got '" + value + "'");
    };
  }

  /**
   * {@return a duration setting, written as {@code 5s}, {@code 1m} or ISO-8601 ({@code PT5S})}
   *
   * @param key the setting's name
   * @throws IllegalArgumentException if it is missing or not a duration
   */
  public Duration duration(String key) {
    String value = get(key);
    String iso =
        value.toUpperCase(Locale.ROOT).startsWith("P")
            ? value
            : "PT" + value.toUpperCase(Locale.ROOT);
    try {
      Duration duration = Duration.parse(iso);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(
            "the setting " + key + " must not be negative, got '" + value + "'");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the setting " + key + " must be a duration such as 5s or 1m, got '" + value + "'", e);
    }
  }

  /** {@return the examples' settings, for Camel's property placeholders} */
  public Properties toProperties() {
    Properties copy = new Properties();
    values.forEach(
        (key, value) -> {
          if (isExampleKey(key.toString())) {
            copy.put(key, value);
          }
        });
    return copy;
  }
}
