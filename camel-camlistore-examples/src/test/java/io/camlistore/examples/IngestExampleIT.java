package io.camlistore.examples;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.Blob;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.client.ConnectionException;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
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
 * stored; then what the server holds, looked up through the client as Perkeep's UI would.
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
    // A failed batch is tried again at once (the failures here do not go away by waiting).
    settings.put("ingest.retry-delay", "1");
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return settings;
  }

  private IngestSummary ingest(String... keyValues) throws Exception {
    return IngestExample.run(ExampleConfig.load(settings(keyValues)));
  }

  /** Opens the example's store again, with the identity its permanodes are signed with. */
  private EmbeddedCamlistoreServer reopenStore() {
    return EmbeddedCamlistoreServer.builder()
        .storageDirectory(storage)
        .signer(TestIdentity.signer())
        .start();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void storesEachSampleAsOneFileWithAPermanodeThenStopsAndSummarises(String dsl) throws Exception {
    IngestSummary summary = ingest("ingest.dsl", dsl);

    assertThat(summary.files()).isEqualTo(Samples.FILES);
    assertThat(summary.bytes()).isEqualTo(Samples.BYTES);
    assertThat(summary.stored()).isEqualTo(Samples.FILES);
    assertThat(summary.alreadyPresent()).isZero();
    assertThat(summary.failures()).isZero();
    assertThat(summary.summary())
        .startsWith("Summary: 6 files, 597 bytes: 6 stored, 0 already present, 0 failed, in ");
    try (EmbeddedCamlistoreServer server = reopenStore();
        Connection connection = Camlistore.connect(server.url())) {
      for (Path sample : Samples.files()) {
        String name = sample.getFileName().toString();
        byte[] content = Samples.read(sample);
        StoredFile stored = StoredFile.find(connection, name, content);
        assertThat(stored.file().type()).isEqualTo("file");
        assertThat(stored.file().fileName()).isEqualTo(name);
        assertThat(stored.file().fileSize()).isEqualTo((long) content.length);
        try (InputStream in = connection.files().getFile(stored.file().blobRef())) {
          assertThat(in.readAllBytes()).isEqualTo(content);
        }
      }
    }
    assertThat(input.resolve("hello.txt")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void aSecondRunFindsEveryFileAlreadyPresentAndAddsNoPermanode(String dsl) throws Exception {
    ingest();
    long blobs;
    try (EmbeddedCamlistoreServer server = reopenStore()) {
      blobs = server.blobCount();
    }

    IngestSummary second = ingest("ingest.dsl", dsl);

    assertThat(second.files()).isEqualTo(Samples.FILES);
    assertThat(second.bytes()).isEqualTo(Samples.BYTES);
    assertThat(second.stored()).isZero();
    assertThat(second.alreadyPresent()).isEqualTo(Samples.FILES);
    assertThat(second.summary())
        .startsWith("Summary: 6 files, 597 bytes: 0 stored, 6 already present, 0 failed, in ");
    try (EmbeddedCamlistoreServer server = reopenStore();
        Connection connection = Camlistore.connect(server.url())) {
      assertThat(server.blobCount()).isEqualTo(blobs);
      assertThat(StoredFile.find(connection, input.resolve("hello.txt")).file().fileName())
          .isEqualTo("hello.txt");
    }
  }

  @Test
  void theSamplesAreCopiedOnceSoThatASecondRunFindsEveryFilePresent() throws Exception {
    Path fresh = temp.resolve("fresh-input");
    String[] settings = {
      "ingest.input", fresh.toString(), "ingest.samples", Samples.DIRECTORY.toString()
    };

    IngestSummary first = ingest(settings);
    IngestSummary second = ingest(settings);

    assertThat(first.summary()).contains(": 6 stored, 0 already present, 0 failed");
    assertThat(second.summary()).contains(": 0 stored, 6 already present, 0 failed");
    // The copy keeps the samples' modification times (to the microsecond Java copies).
    assertThat(Files.getLastModifiedTime(fresh.resolve("hello.txt")).toMillis())
        .isEqualTo(Files.getLastModifiedTime(Samples.DIRECTORY.resolve("hello.txt")).toMillis());
  }

  @Test
  void storesAFileAgainWhenItsContentChanged() throws Exception {
    ingest();
    byte[] before = Files.readAllBytes(input.resolve("hello.txt"));
    Files.writeString(input.resolve("hello.txt"), "Hello again, changed");

    IngestSummary second = ingest("ingest.dsl", "java");

    assertThat(second.stored()).isEqualTo(1);
    assertThat(second.alreadyPresent()).isEqualTo(Samples.FILES - 1);
    try (EmbeddedCamlistoreServer server = reopenStore();
        Connection connection = Camlistore.connect(server.url())) {
      // A permanode per content: the new one, and the first run's, unchanged.
      StoredFile changed = StoredFile.find(connection, input.resolve("hello.txt"));
      StoredFile first = StoredFile.find(connection, "hello.txt", before);
      assertThat(changed.permanode().blobRef()).isNotEqualTo(first.permanode().blobRef());
    }
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
  void storesAFileOverOneBlobAsOneChunkedFile(String dsl) throws Exception {
    byte[] big = new byte[16 * 1024 * 1024 + 1];
    new Random(42).nextBytes(big);
    Files.write(input.resolve("big.bin"), big);

    IngestSummary summary = ingest("ingest.dsl", dsl);

    assertThat(summary.files()).isEqualTo(Samples.FILES + 1);
    assertThat(summary.bytes()).isEqualTo(Samples.BYTES + big.length);
    assertThat(summary.stored()).isEqualTo(Samples.FILES + 1);
    assertThat(summary.failures()).isZero();
    try (EmbeddedCamlistoreServer server = reopenStore();
        Connection connection = Camlistore.connect(server.url())) {
      StoredFile stored = StoredFile.find(connection, "big.bin", big);
      BlobRef file = stored.file().blobRef();
      assertThat(stored.file().fileSize()).isEqualTo((long) big.length);
      assertThat(connection.searcher().filesWithContent(BlobRef.compute("sha224", big)))
          .containsExactly(file);
      // The schema names the chunks; it does not hold the content.
      assertThat(requireNonNull(server.blob(file)).length).isLessThan(64 * 1024);
      try (InputStream content = connection.files().getFile(file)) {
        assertThat(content.readAllBytes()).isEqualTo(big);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void countsAFileTheServerRefusesAsFailedAndStoresTheOthers(String dsl) throws Exception {
    Path refused = input.resolve("data/cities.csv");
    try (EmbeddedCamlistoreServer server =
            EmbeddedCamlistoreServer.builder().signer(TestIdentity.signer()).start();
        Connection connection = Camlistore.connect(server.url())) {
      server.faults().refuseBlob(Blob.of(Files.readAllBytes(refused)).blobRef());

      String log =
          StandardErr.capture(
              () -> {
                IngestSummary summary = ingest("ingest.dsl", dsl, "camlistore.url", server.url());

                // Every redelivery of the batch found the others stored: they count as stored.
                assertThat(summary.summary())
                    .contains("Summary: 6 files, ")
                    .contains(": 5 stored, 0 already present, 1 failed, in ");
              });

      assertThat(log).contains("could not store data/cities.csv: ");
      for (Path sample : Samples.files()) {
        if (!sample.endsWith("data/cities.csv")) {
          assertThat(
                  StoredFile.find(
                      connection, input.resolve(Samples.DIRECTORY.relativize(sample).toString())))
              .isNotNull();
        }
      }
    }
  }

  @Test
  void aBatchTheServerFailsForAMomentIsRedeliveredAndEveryFileStored() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().signer(TestIdentity.signer()).start()) {
      // More failures than the client's own attempts (3): the batch fails and Camel redelivers it.
      server.faults().failNextRequests(3, 503, request -> request.isBlobAction("POST", "upload"));

      String log =
          StandardErr.capture(
              () -> {
                IngestSummary summary = ingest("camlistore.url", server.url());

                assertThat(summary.summary())
                    .contains(": 6 stored, 0 already present, 0 failed, in ");
              });

      assertThat(log).contains("On delivery attempt: 0 caught: ");
      assertThat(server.blobRefs()).containsAll(Samples.refs());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "java"})
  void countsAndLogsEveryFileAsFailedWithoutRetryingWhenTheServerRejectsTheCredentialsMidRun(
      String dsl) throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .basicAuth("alice", "secret")
            .signer(TestIdentity.signer())
            .start()) {
      // Discovery succeeds; every request after it is refused, as when a password is revoked.
      server.faults().failNextRequests(1_000, 401, request -> !request.path().equals("/"));

      String log =
          StandardErr.capture(
              () -> {
                IngestSummary summary =
                    ingest(
                        "ingest.dsl",
                        dsl,
                        "camlistore.url",
                        server.url(),
                        "camlistore.auth",
                        "userpass:alice:secret");

                assertThat(summary.failures()).isEqualTo(Samples.FILES);
                assertThat(summary.summary())
                    .contains("Summary: 6 files, 0 bytes: 0 stored, 0 already present, 6 failed");
              });

      assertThat(log).contains("could not store hello.txt: ").contains("401");
      // Refused credentials are not redelivered: waiting would not mend them.
      assertThat(log).doesNotContain("On delivery attempt");
      assertThat(server.blobCount()).isEqualTo(1); // its own public key only
    }
  }

  @Test
  void countsAndLogsEveryFileAsFailedWhenTheServerGoesDownMidRun() throws Exception {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      server.faults().dropNextConnections(1_000, request -> !request.path().equals("/"));

      String log =
          StandardErr.capture(
              () -> {
                IngestSummary summary = ingest("camlistore.url", server.url());

                assertThat(summary.failures()).isEqualTo(Samples.FILES);
                assertThat(summary.stored()).isZero();
              });

      assertThat(log).contains("could not store data/cities.csv: ");
      assertThat(server.blobCount()).isZero();
    }
  }

  @Test
  void doesNotStartWhenTheServerCannotBeReached() {
    EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start();
    String url = server.url();
    server.close();

    assertThatThrownBy(() -> ingest("camlistore.url", url)).isInstanceOf(ConnectionException.class);
  }

  @Test
  void storesIntoTheServerGivenByUrlWithItsCredentials() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .basicAuth("alice", "secret")
            .signer(TestIdentity.signer())
            .start()) {
      IngestSummary summary =
          ingest("camlistore.url", server.url(), "camlistore.auth", "userpass:alice:secret");

      assertThat(summary.stored()).isEqualTo(Samples.FILES);
      assertThat(server.blobRefs()).containsAll(Samples.refs());
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
    try (StandardErr.Capture log = StandardErr.start()) {
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

      try {
        // A poll found nothing new with every sample done: where a one-shot run stops.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> log.text().contains("Caught up: 6 files"));
        Files.writeString(input.resolve("late.txt"), "arrived later");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> log.text().contains("Caught up: 7 files"));
        assertThat(run).isNotDone();
      } finally {
        Objects.requireNonNull(stop.get(), "stop").run();
      }

      IngestSummary summary = run.get(30, TimeUnit.SECONDS);
      assertThat(summary.files()).isEqualTo(Samples.FILES + 1);
      assertThat(summary.stored()).isEqualTo(Samples.FILES + 1);
      assertThat(log.text())
          .contains("late.txt → file ")
          .contains("Caught up: 7 files, 610 bytes: 7 stored, 0 already present, 0 failed;");
    }
    try (EmbeddedCamlistoreServer server = reopenStore();
        Connection connection = Camlistore.connect(server.url())) {
      assertThat(StoredFile.find(connection, input.resolve("late.txt")).file().fileSize())
          .isEqualTo(13L);
    }
  }

  @Test
  void anEmptyFolderStopsAtOnceWithAnEmptySummary() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    IngestSummary summary = ingest("ingest.input", empty.toString());

    assertThat(summary.files()).isZero();
    assertThat(summary.summary())
        .isEqualTo("Summary: 0 files, 0 bytes: 0 stored, 0 already present, 0 failed, in 0.0 s");
  }

  @Test
  void rejectsAnUnknownRouteLanguage() {
    assertThatThrownBy(() -> ingest("ingest.dsl", "xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ingest.dsl must be yaml or java, got 'xml'");
  }
}
