package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.BlobRef;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ingestion example end to end, as {@code exec:java} runs it: camel-main with the YAML or the
 * Java route, against the embedded server (or a given one), stopping by itself once the folder is
 * stored.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IngestExampleIT {
  @TempDir Path temp;
  private Path input;
  private Path storage;

  @BeforeEach
  void copySamples() throws IOException {
    input = Files.createDirectories(temp.resolve("input"));
    storage = temp.resolve("blobs");
    Samples.copyTo(input);
  }

  private Map<String, String> settings(String... keyValues) {
    Map<String, String> settings = new HashMap<>();
    settings.put("ingest.input", input.toString());
    settings.put("camlistore.storage", storage.toString());
    settings.put("ingest.poll-delay", "100");
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return settings;
  }

  private IngestSummary ingest(String... keyValues) throws Exception {
    return IngestExample.run(ExampleConfig.load(settings(keyValues)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void storesEverySampleFileThenStopsAndSummarises(String dsl) throws Exception {
    IngestSummary summary = ingest("ingest.dsl", dsl);

    assertThat(summary.files()).isEqualTo(Samples.FILES);
    assertThat(summary.bytes()).isEqualTo(Samples.BYTES);
    assertThat(summary.blobsWritten()).isEqualTo(Samples.FILES - 1);
    assertThat(summary.alreadyPresent()).isEqualTo(1);
    assertThat(summary.failures()).isZero();
    assertThat(summary.summary())
        .startsWith(
            "Summary: 6 files, 597 bytes: 5 blobs written, 1 already present, 0 failed, in ");
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().storageDirectory(storage).start()) {
      assertThat(server.blobRefs()).containsExactlyInAnyOrderElementsOf(Samples.refs());
      for (Path file : Samples.files()) {
        byte[] content = Samples.read(file);
        assertThat(server.blob(BlobRef.compute("sha224", content))).hasValue(content);
      }
    }
    assertThat(input.resolve("hello.txt")).exists();
  }

  @Test
  void aSecondRunFindsEveryBlobAlreadyStored() throws Exception {
    ingest();

    IngestSummary second = ingest("ingest.dsl", "java");

    assertThat(second.files()).isEqualTo(Samples.FILES);
    assertThat(second.blobsWritten()).isZero();
    assertThat(second.alreadyPresent()).isEqualTo(Samples.FILES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void movesEachStoredFileToDoneWhenNoopIsOff(String dsl) throws Exception {
    IngestSummary summary = ingest("ingest.dsl", dsl, "ingest.noop", "false");

    assertThat(summary.files()).isEqualTo(Samples.FILES);
    assertThat(input.resolve("hello.txt")).doesNotExist();
    assertThat(input.resolve(".done/hello.txt")).hasContent("Hello, Camlistore!");
    assertThat(input.resolve(".done/data/cities.csv")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void storesAFileOverOneBlobInChunks(String dsl) throws Exception {
    byte[] big = new byte[16 * 1024 * 1024 + 1];
    new Random(42).nextBytes(big);
    Files.write(input.resolve("big.bin"), big);

    IngestSummary summary = ingest("ingest.dsl", dsl);

    assertThat(summary.files()).isEqualTo(Samples.FILES + 1);
    assertThat(summary.bytes()).isEqualTo(Samples.BYTES + big.length);
    assertThat(summary.chunkedFiles()).isEqualTo(1);
    assertThat(summary.blobsWritten()).isEqualTo(Samples.FILES - 1);
    assertThat(summary.failures()).isZero();
    assertThat(summary.summary()).contains("1 already present, 1 stored in chunks, 0 failed");
    try (EmbeddedCamlistoreServer server =
            EmbeddedCamlistoreServer.builder().storageDirectory(storage).start();
        Connection connection = Camlistore.connect(server.url())) {
      BlobRef file =
          server.blobRefs().stream()
              .filter(ref -> !Samples.refs().contains(ref))
              .filter(ref -> server.blob(ref).orElseThrow().length < 10_000)
              .filter(
                  ref ->
                      new String(server.blob(ref).orElseThrow(), StandardCharsets.UTF_8)
                          .contains("\"camliType\": \"file\""))
              .findFirst()
              .orElseThrow();
      try (InputStream content = connection.files().getFile(file)) {
        assertThat(content.readAllBytes()).isEqualTo(big);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void countsAFileTheServerRefusesAsFailedAndStoresTheOthers(String dsl) throws Exception {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      server.faults().failNextRequests(1, 400, request -> request.isBlobAction("POST", "upload"));

      IngestSummary summary = ingest("ingest.dsl", dsl, "camlistore.url", server.url());

      assertThat(summary.failures()).isEqualTo(1);
      assertThat(summary.files()).isEqualTo(Samples.FILES - 1);
      assertThat(summary.summary()).contains("1 failed");
      assertThat(server.blobRefs()).containsExactlyInAnyOrderElementsOf(Samples.refs());
    }
  }

  @Test
  void storesIntoTheServerGivenByUrlWithItsCredentials() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start()) {
      IngestSummary summary =
          ingest("camlistore.url", server.url(), "camlistore.auth", "userpass:alice:secret");

      assertThat(summary.blobsWritten()).isEqualTo(Samples.FILES - 1);
      assertThat(server.blobRefs()).containsExactlyInAnyOrderElementsOf(Samples.refs());
      assertThat(server.requests())
          .filteredOn(request -> request.isBlobAction("POST", "upload"))
          .isNotEmpty()
          .allSatisfy(request -> assertThat(request.header("Authorization")).startsWith("Basic "));
    }
    assertThat(storage).doesNotExist();
  }

  @Test
  void watchingKeepsStoringNewFilesUntilStopped() throws Exception {
    AtomicReference<Runnable> stop = new AtomicReference<>();
    CompletableFuture<IngestSummary> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return IngestExample.run(
                    ExampleConfig.load(settings("ingest.watch", "true")), stop::set);
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    BlobRef late = BlobRef.compute("sha224", "arrived later".getBytes(StandardCharsets.UTF_8));
    await().atMost(Duration.ofSeconds(30)).until(() -> stop.get() != null);
    Thread.sleep(1_000); // several idle polls: a watching run does not stop by itself
    assertThat(run).isNotDone();

    Files.writeString(input.resolve("late.txt"), "arrived later");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(storageFileOf(late)));
    Objects.requireNonNull(stop.get(), "stop").run();

    IngestSummary summary = run.get(30, TimeUnit.SECONDS);
    assertThat(summary.files()).isEqualTo(Samples.FILES + 1);
    assertThat(summary.blobsWritten()).isEqualTo(Samples.FILES);
  }

  private Path storageFileOf(BlobRef ref) {
    String digest = ref.digest();
    return storage
        .resolve("sha224")
        .resolve(digest.substring(0, 2))
        .resolve(digest.substring(2, 4))
        .resolve(ref + ".dat");
  }

  @Test
  void anEmptyFolderStopsAtOnceWithAnEmptySummary() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    IngestSummary summary = ingest("ingest.input", empty.toString());

    assertThat(summary.files()).isZero();
    assertThat(summary.summary())
        .isEqualTo(
            "Summary: 0 files, 0 bytes: 0 blobs written, 0 already present, 0 failed, in 0.0 s");
  }

  @Test
  void rejectsAnUnknownRouteLanguage() {
    assertThatThrownBy(() -> ingest("ingest.dsl", "xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ingest.dsl must be yaml or java, got 'xml'");
  }
}
