package io.camlistore.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application booted with no server configured: it starts and uses its embedded one. */
@SpringBootTest
class EmbeddedServerIT {
  @TempDir static Path storage;

  @Autowired ProducerTemplate template;
  @Autowired EmbeddedCamlistoreServer embedded;

  @DynamicPropertySource
  static void storageProperty(DynamicPropertyRegistry registry) {
    registry.add("camlistore.embedded.storage", () -> storage.toString());
  }

  @Test
  void storesInTheEmbeddedServersDirectory() {
    String ref = template.requestBody(BlobRoutes.STORE, "kept on disk", String.class);

    assertThat(embedded.blob(BlobRef.parse(ref)))
        .isEqualTo("kept on disk".getBytes(StandardCharsets.UTF_8));
    assertThat(storage.resolve("sha224")).isDirectory();
    assertThat(embedded.blobCount()).isEqualTo(2);
  }
}
