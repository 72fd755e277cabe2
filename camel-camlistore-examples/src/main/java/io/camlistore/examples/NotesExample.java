package io.camlistore.examples;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;

/**
 * Runs {@code routes/notes.camel.yaml} on camel-main alone, until stopped (Ctrl-C): files dropped
 * in {@code notes.inbox} are stored through the {@code camlistore-sink} kamelet, and the {@code
 * camlistore-source} kamelet reports each permanode whose title contains {@code notes.title} when
 * it appears and when it changes.
 *
 * <p>Nothing is bound in Java: the routes get the server's URL and the folders as properties. This
 * class only starts the embedded server when no {@code camlistore.url} is given (with {@code
 * -Dcamlistore.url=...}, add {@code -Dcamlistore.username} and {@code -Dcamlistore.password} for a
 * server that asks for them).
 */
public final class NotesExample {
  /** The routes, in the YAML DSL. */
  static final String ROUTES = "classpath:routes/notes.camel.yaml";

  private NotesExample() {}

  /**
   * Runs the example with the settings from {@code application.properties} and {@code -D}.
   *
   * @param args ignored
   * @throws Exception if Camel fails to start or run
   */
  public static void main(String[] args) throws Exception {
    ExampleConfig config = ExampleConfig.load(Map.of());
    String url = config.find("camlistore.url");
    if (url != null) {
      camelMain(config, url).run();
      return;
    }
    try (ExampleServer server = ExampleServer.open(config)) {
      camelMain(config, server.connection().discovery().serverUrl().toString()).run();
    }
  }

  /**
   * {@return a camel-main that runs the notes routes against a server, configured by properties
   * only}
   *
   * @param config the settings, handed to Camel as properties
   * @param serverUrl the server's URL, as the {@code camlistore.url} property
   */
  static Main camelMain(ExampleConfig config, String serverUrl) {
    Properties properties = config.toProperties();
    properties.setProperty("camlistore.url", serverUrl);
    Main main = new Main();
    main.setOverrideProperties(properties);
    main.configure().withRoutesIncludePattern(ROUTES);
    return main;
  }
}
