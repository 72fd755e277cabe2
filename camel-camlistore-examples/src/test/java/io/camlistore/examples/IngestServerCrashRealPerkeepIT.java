package io.camlistore.examples;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.Auth;
import io.camlistore.client.Blob;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepProcess;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion example against a real perkeepd of the test's own that is killed ({@code kill -9})
 * in the middle of the run and comes back 5 seconds later on the same data: Camel's redelivery of
 * the failed batches finishes the run with no failed file, and a rerun finds every blob of every
 * file on the server (chunk, file schema, permanode and claim), so nothing was left half-written.
 */
@RealPerkeep(tools = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IngestServerCrashRealPerkeepIT {
  private static final int FILES = 2000;
  private static final Duration OUTAGE = Duration.ofSeconds(5);

  @TempDir Path temp;

  @Test
  void aRunThatSeesTheServerCrashAndComeBackFinishesWithNoFailedFile(RealPerkeepServer shared)
      throws Exception {
    Path input = Files.createDirectories(temp.resolve("input"));
    List<BlobRef> contents = writeFiles(input);
    try (PerkeepProcess own =
        PerkeepProcess.create(requireNonNull(shared.home()), temp.resolve("perkeep"))) {
      own.start();
      Map<String, String> settings = settings(own.server(), input);
      CompletableFuture<IngestSummary> run = CompletableFuture.supplyAsync(() -> ingest(settings));
      try (Connection probe =
          Camlistore.connect(
              own.server().url(),
              ConnectOptions.builder().auth(Auth.parse(own.server().authSpec())).build())) {
        // A tenth of the files reached the server: the run is in the middle of its batches.
        BlobRef marker = contents.get(FILES / 10);
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> probe.blobs().blobExists(marker));
      }
      own.killHard();
      // The outage itself: the server is away this long, whatever the run does meanwhile.
      Thread.sleep(OUTAGE.toMillis());
      own.start();

      IngestSummary summary = run.get(4, TimeUnit.MINUTES);

      assertThat(summary.summary())
          .startsWith("Summary: " + FILES + " files, ")
          .contains(" 0 failed, in ");
      assertThat(summary.stored() + summary.alreadyPresent()).isEqualTo(FILES);

      IngestSummary rerun = ingest(settings);

      assertThat(rerun.summary()).contains(": 0 stored, " + FILES + " already present, 0 failed");
    }
  }

  private Map<String, String> settings(RealPerkeepServer server, Path input) throws IOException {
    Path keyring = temp.resolve("secring.gpg");
    if (!Files.exists(keyring)) {
      try (InputStream in = TestIdentity.keyring()) {
        Files.copy(in, keyring);
      }
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("camlistore.url", server.url());
    settings.put("camlistore.auth", "userpass:alice:secret");
    settings.put("camlistore.keyring", keyring.toString());
    settings.put("camlistore.key-id", TestIdentity.KEY_ID);
    settings.put("ingest.input", input.toString());
    // Several batches, so that the crash falls between some and within one.
    settings.put("ingest.batch-size", "200");
    return settings;
  }

  private static IngestSummary ingest(Map<String, String> settings) {
    try {
      return IngestExample.run(ExampleConfig.load(settings));
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** Writes the files; {@return the ref of each one's content, which is its only chunk} */
  private static List<BlobRef> writeFiles(Path input) throws IOException {
    Random random = new Random();
    List<BlobRef> contents = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      byte[] content = new byte[4096];
      random.nextBytes(content);
      Files.write(input.resolve(String.format("file-%05d.bin", i)), content);
      contents.add(Blob.of(content).blobRef());
    }
    return contents;
  }
}
