package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingestion example's route, as the benchmark runs it, on a few files. */
@CamlistoreServer(signing = true)
class IngestScenarioTest {
  @TempDir Path input;

  @BeforeEach
  void reset(EmbeddedCamlistoreServer server) {
    server.reset();
  }

  @Test
  void storesEveryFileOfTheFolder(EmbeddedCamlistoreServer server) throws Exception {
    List<BlobRef> contents = RandomFiles.blobRefs(RandomFiles.write(input, 5, 4096, new Random(3)));
    AtomicInteger started = new AtomicInteger();

    Duration elapsed;
    try (Connection conn = Camlistore.connect(server.url())) {
      elapsed = IngestScenario.run(conn, input, 5, started::incrementAndGet, Map.of());
    }

    assertThat(started).hasValue(1);
    assertThat(elapsed).isPositive();
    assertThat(contents).allMatch(server::contains);
  }

  @Test
  void aFileNotStoredFailsTheRun(EmbeddedCamlistoreServer server) throws Exception {
    RandomFiles.write(input, 2, 4096, new Random(4));

    try (Connection conn = Camlistore.connect(server.url())) {
      server.faults().failNextRequests(1_000, 500);

      assertThatThrownBy(
              () -> IngestScenario.run(conn, input, 2, () -> {}, Map.of("ingest.retries", "0")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("expected 2 files stored, got ");
    } finally {
      server.faults().clear();
    }
  }
}
