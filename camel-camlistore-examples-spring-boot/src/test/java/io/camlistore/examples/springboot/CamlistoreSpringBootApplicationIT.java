package io.camlistore.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application booted against a server given by properties (here the testkit's, with Basic
 * auth): the greeting is stored at start-up, and the routes store and fetch.
 *
 * <p>A plain {@code @SpringBootTest}: {@code @CamelSpringBootTest} would hold Camel back until the
 * test instance is ready, after the application's runners, which need it started.
 */
@SpringBootTest
class CamlistoreSpringBootApplicationIT {
  @CamlistoreServer(user = "alice", password = "secret")
  static EmbeddedCamlistoreServer server;

  @Autowired ProducerTemplate template;
  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void camlistoreProperties(DynamicPropertyRegistry registry) {
    registry.add("camel.component.camlistore.server-url", () -> server.url());
    registry.add("camel.component.camlistore.username", () -> "alice");
    registry.add("camel.component.camlistore.password", () -> "secret");
  }

  @Test
  void storesTheGreetingAtStartUp() {
    BlobRef greeting =
        BlobRef.compute("sha224", GreetingRunner.GREETING.getBytes(StandardCharsets.UTF_8));

    assertThat(server.contains(greeting)).isTrue();
  }

  @Test
  void storesAndFetchesThroughTheConfiguredServer() {
    String ref = template.requestBody(BlobRoutes.STORE, "a blob from a test", String.class);
    byte[] fetched = template.requestBody(BlobRoutes.FETCH, ref, byte[].class);

    assertThat(new String(fetched, StandardCharsets.UTF_8)).isEqualTo("a blob from a test");
    assertThat(server.blob(BlobRef.parse(ref)))
        .isEqualTo("a blob from a test".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void startsNoEmbeddedServerWhenAServerIsConfigured() {
    assertThat(context.getBeansOfType(EmbeddedCamlistoreServer.class)).isEmpty();
  }
}
