package io.camlistore.examples.quarkus;

import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Starts a testkit server with Basic auth for a {@code @QuarkusTest} and hands its URL and
 * credentials to the application as {@code camel.component.camlistore.*} properties.
 */
public class CamlistoreServerResource implements QuarkusTestResourceLifecycleManager {
  /** The running server, for the tests' assertions. */
  static @Nullable EmbeddedCamlistoreServer server;

  /** Creates the resource (Quarkus does). */
  public CamlistoreServerResource() {}

  @Override
  public Map<String, String> start() {
    EmbeddedCamlistoreServer started =
        EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start();
    server = started;
    return Map.of(
        "camel.component.camlistore.server-url", started.url(),
        "camel.component.camlistore.username", "alice",
        "camel.component.camlistore.password", "secret");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
