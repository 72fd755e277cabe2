package io.camlistore.camel;

import io.camlistore.testkit.EmbeddedCamlistoreServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * A route test against the testkit's embedded server, which starts each test empty (but for the key
 * of a signing server) and with no recorded requests.
 */
abstract class EmbeddedRouteTestSupport extends ServerRouteTestSupport {
  /** The server the routes talk to; what it received is in its request log. */
  final EmbeddedCamlistoreServer server;

  /** Takes the test class's server, injected by its {@code @CamlistoreServer}. */
  EmbeddedRouteTestSupport(EmbeddedCamlistoreServer server) {
    this.server = server;
  }

  @Override
  final String serverUrl() {
    return server.url();
  }

  @BeforeEach
  void freshServer() {
    server.reset();
  }
}
