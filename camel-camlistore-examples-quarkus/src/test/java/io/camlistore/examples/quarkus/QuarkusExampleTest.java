package io.camlistore.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The application booted against a server given by {@code camel.component.camlistore.*} properties
 * (the testkit's, with Basic auth): the greeting is stored, and the routes store and fetch.
 */
@QuarkusTest
@QuarkusTestResource(value = CamlistoreServerResource.class, restrictToAnnotatedClass = true)
class QuarkusExampleTest {
  @Inject ProducerTemplate template;
  @Inject CamlistoreSetup setup;

  private static EmbeddedCamlistoreServer server() {
    return Objects.requireNonNull(CamlistoreServerResource.server, "server");
  }

  @Test
  void storesTheGreetingAtStartUp() {
    BlobRef greeting =
        BlobRef.compute("sha224", BlobRoutes.GREETING.getBytes(StandardCharsets.UTF_8));

    await().atMost(Duration.ofSeconds(20)).until(() -> server().contains(greeting));
  }

  @Test
  void storesAndFetchesThroughTheConfiguredServerWithItsCredentials() {
    String ref = template.requestBody(BlobRoutes.STORE, "a blob from Quarkus", String.class);
    byte[] fetched = template.requestBody(BlobRoutes.FETCH, ref, byte[].class);

    assertThat(new String(fetched, StandardCharsets.UTF_8)).isEqualTo("a blob from Quarkus");
    assertThat(server().blob(BlobRef.parse(ref)))
        .isEqualTo("a blob from Quarkus".getBytes(StandardCharsets.UTF_8));
    assertThat(server().requests())
        .filteredOn(request -> request.isBlobAction("POST", "upload"))
        .isNotEmpty()
        .allSatisfy(request -> assertThat(request.header("Authorization")).startsWith("Basic "));
    assertThat(setup.embeddedServer()).isEmpty();
  }
}
