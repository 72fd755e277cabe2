package io.camlistore.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The application booted with no server configured: it starts and uses its embedded one. */
@QuarkusTest
@TestProfile(EmbeddedServerTest.NoServer.class)
class EmbeddedServerTest {
  @Inject ProducerTemplate template;
  @Inject CamlistoreSetup setup;

  @Test
  void storesInTheEmbeddedServer() {
    String ref = template.requestBody(BlobRoutes.STORE, "kept on disk", String.class);

    EmbeddedCamlistoreServer embedded = setup.embeddedServer().orElseThrow();
    assertThat(embedded.blob(BlobRef.parse(ref)))
        .isEqualTo("kept on disk".getBytes(StandardCharsets.UTF_8));
  }

  /** No server URL; the embedded server's blobs go under target/. */
  public static class NoServer implements QuarkusTestProfile {
    /** Creates the profile (Quarkus does). */
    public NoServer() {}

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("camlistore.embedded.storage", "target/test-blobs");
    }
  }
}
