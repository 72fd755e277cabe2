package io.camlistore.examples;

import org.apache.camel.main.Main;

/** What the examples' main classes share: a camel-main set up with their settings and server. */
final class Examples {
  /** The registry name of the server connection, which the component picks up by its type. */
  static final String CONNECTION_BEAN = "camlistoreConnection";

  private Examples() {}

  /**
   * {@return a camel-main that resolves {@code {{...}}} placeholders from the settings and has the
   * server's connection in its registry}
   *
   * @param config the settings
   * @param server the server to talk to
   */
  static Main camelMain(ExampleConfig config, ExampleServer server) {
    Main main = new Main();
    main.setOverrideProperties(config.toProperties());
    main.bind(CONNECTION_BEAN, server.connection());
    return main;
  }
}
