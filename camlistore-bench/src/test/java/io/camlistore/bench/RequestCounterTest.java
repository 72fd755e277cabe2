package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import org.junit.jupiter.api.Test;

@CamlistoreServer
class RequestCounterTest {
  @Test
  void countsEveryRequestTheServerReceivesAndStartsAgainWhenTaken(EmbeddedCamlistoreServer server) {
    RequestCounter counter = new RequestCounter();
    try (Connection conn =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().httpClientCustomizer(counter::addTo).build())) {
      // Connecting made the discovery request: start both counts after it.
      server.clearRequests();
      counter.takeCount();

      conn.blobs().putMulti(Blob.of("one"), Blob.of("two"));

      long sent = server.requestCount();
      assertThat(sent).isPositive();
      assertThat(counter.takeCount()).isEqualTo(sent);
      assertThat(counter.takeCount()).isZero();
      conn.blobs().get(Blob.of("one").blobRef());
      assertThat(counter.takeCount()).isEqualTo(1);
    }
  }
}
