package io.camlistore.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.camel.CamlistoreConstants;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application whose only Camlistore configuration is the properties: routes store and
 * fetch through the server they name, with its credentials.
 */
@CamelSpringBootTest
@SpringBootTest(classes = CamlistoreStarterIT.App.class)
class CamlistoreStarterIT {
  @CamlistoreServer(user = "alice", password = "secret")
  static EmbeddedCamlistoreServer server;

  @Autowired ProducerTemplate template;

  @DynamicPropertySource
  static void camlistoreProperties(DynamicPropertyRegistry registry) {
    registry.add("camel.component.camlistore.server-url", () -> server.url());
    registry.add("camel.component.camlistore.username", () -> "alice");
    registry.add("camel.component.camlistore.password", () -> "secret");
  }

  @Test
  void storesAndFetchesThroughTheServerNamedByTheProperties() {
    Exchange put = template.request("camlistore:put", e -> e.getMessage().setBody("from Spring"));
    assertThat(put.getException()).isNull();
    BlobRef ref = put.getMessage().getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class);

    String fetched =
        template.requestBodyAndHeader(
            "camlistore:get", null, CamlistoreConstants.BLOB_REF, ref, String.class);

    assertThat(fetched).isEqualTo("from Spring");
    assertThat(server.blob(ref)).isEqualTo("from Spring".getBytes(StandardCharsets.UTF_8));
    assertThat(server.requests())
        .filteredOn(request -> request.isBlobAction("POST", "upload"))
        .singleElement()
        .satisfies(request -> assertThat(request.header("Authorization")).startsWith("Basic "));
  }

  /** An application with no Camlistore bean of its own. */
  @SpringBootApplication
  static class App {}
}
