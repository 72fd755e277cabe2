package io.camlistore.client;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches of files through {@code putFiles} against the embedded server: the round trips a batch
 * costs, what its uploads carry and in which order, content-derived permanodes, deciding "already
 * stored" from the blobs, and each file's own outcome when a file cannot be read, signed or stored.
 */
class FileBatchIT {
  private static final Instant MTIME = Instant.parse("2024-05-06T07:08:09.123456789Z");

  private static EmbeddedCamlistoreServer server;

  /** The blobs the server stored, in the order it stored them. */
  private static final List<BlobRef> storedInOrder =
      Collections.synchronizedList(new ArrayList<>());

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    server =
        EmbeddedCamlistoreServer.builder()
            .basicAuth("alice", "secret")
            .signer(TestIdentity.signer())
            .start();
    server.addBlobListener((ref, content) -> storedInOrder.add(ref));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
    storedInOrder.clear();
  }

  @Test
  void aBatchOfSmallFilesTakesOneStatAndOneUploadCarryingEveryFilesBlobsInOrder()
      throws IOException {
    List<Path> paths = smallFiles("small", 20);
    server.clearRequests();
    storedInOrder.clear();

    List<FileResult> results;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      results = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
    }

    assertThat(results)
        .hasSize(20)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(FileResult.Status.STORED));
    assertThat(requests("POST", "stat")).isEqualTo(1);
    assertThat(requests("POST", "upload")).isEqualTo(1);
    assertThat(server.requests())
        .noneSatisfy(r -> assertThat(r.path()).contains("/camli/search/"))
        .noneSatisfy(r -> assertThat(r.path()).contains("/sighelper/"));
    for (int i = 0; i < paths.size(); i++) {
      FileUpload upload = results.get(i).uploadOrThrow();
      BlobRef chunk = Blob.of(Files.readAllBytes(paths.get(i))).blobRef();
      BlobRef permanode = requireNonNull(upload.permanodeRef());
      BlobRef claim = claimNaming(permanode);
      // In the one request: the content, its file schema, the permanode, then the claim.
      assertThat(storedInOrder.indexOf(chunk))
          .isNotNegative()
          .isLessThan(storedInOrder.indexOf(upload.contentRef()));
      assertThat(storedInOrder.indexOf(permanode)).isNotNegative();
      assertThat(storedInOrder.indexOf(claim))
          .isGreaterThan(storedInOrder.indexOf(upload.contentRef()))
          .isGreaterThan(storedInOrder.indexOf(permanode));
      assertThat(text(permanode))
          .contains("\"key\": \"" + chunk + "\"")
          .contains("\"claimDate\": \"1970-01-01T00:00:00Z\"");
      assertThat(text(claim))
          .contains("\"attribute\": \"camliContent\"")
          .contains("\"value\": \"" + upload.contentRef() + "\"")
          .contains("\"claimDate\": \"2024-05-06T07:08:09.123456789Z\"");
    }
  }

  @Test
  void storingTheFilesAgainFindsThemStoredFromOneStatAndUploadsNothing() throws IOException {
    List<Path> paths = smallFiles("again", 12);
    List<FileResult> first;
    List<FileResult> second;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      first = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
      int blobs = server.blobCount();
      server.clearRequests();

      second = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));

      assertThat(server.blobCount()).isEqualTo(blobs);
    }

    assertThat(requests("POST", "stat")).isEqualTo(1);
    assertThat(requests("POST", "upload")).isZero();
    for (int i = 0; i < paths.size(); i++) {
      assertThat(second.get(i).status()).isEqualTo(FileResult.Status.ALREADY_STORED);
      assertThat(second.get(i).uploadOrThrow()).isEqualTo(first.get(i).uploadOrThrow());
    }
  }

  @Test
  void theSameFilesFromTwoInstancesAtOnceMakeOnePermanodeEach() throws Exception {
    List<Path> paths = smallFiles("twice", 30);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    List<List<FileResult>> results = new ArrayList<>();
    try {
      List<Future<List<FileResult>>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Callable<List<FileResult>> instance =
            () -> {
              try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
                return conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
              }
            };
        running.add(instances.submit(instance));
      }
      for (Future<List<FileResult>> done : running) {
        results.add(done.get(60, TimeUnit.SECONDS));
      }
    } finally {
      instances.shutdownNow();
    }

    for (int i = 0; i < paths.size(); i++) {
      assertThat(results.get(0).get(i).uploadOrThrow())
          .isEqualTo(results.get(1).get(i).uploadOrThrow());
    }
    Set<BlobRef> permanodes =
        server.blobRefs().stream()
            .filter(ref -> text(ref).contains("\"camliType\": \"permanode\""))
            .collect(Collectors.toSet());
    assertThat(permanodes).hasSize(30);
  }

  @Test
  void theServerSignHelperMakesTheSamePermanodeForTheSameFileToo() throws IOException {
    List<Path> paths = smallFiles("helper", 3);
    List<FileResult> first;
    List<FileResult> second;
    try (Connection conn = connect(UnaryOperator.identity())) {
      first = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
      second = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
    }

    assertThat(first).allSatisfy(r -> assertThat(r.status()).isEqualTo(FileResult.Status.STORED));
    assertThat(second)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(FileResult.Status.ALREADY_STORED));
    for (int i = 0; i < paths.size(); i++) {
      assertThat(second.get(i).uploadOrThrow()).isEqualTo(first.get(i).uploadOrThrow());
    }
    // Two signatures per file: the permanode and its camliContent claim.
    assertThat(server.requests().stream().filter(r -> r.path().endsWith("/camli/sig/sign")))
        .hasSize(2 * 2 * 3);
  }

  @Test
  void aTitleAndTagsAreClaimsTooAndTheIndexSeesThem() throws IOException {
    Path file = smallFiles("titled", 1).get(0);
    FileOptions options =
        FileOptions.contentPermanode().withTitle("Holiday").withTags("beach", "2024");

    FileUpload upload;
    BlobDescription permanode;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      upload = conn.files().putFiles(List.of(FileSource.of(file, options))).get(0).uploadOrThrow();
      permanode = conn.searcher().describeBlob(requireNonNull(upload.permanodeRef()));
    }

    assertThat(permanode.attributes())
        .containsEntry("title", List.of("Holiday"))
        .containsEntry("camliContent", List.of(upload.contentRef().toString()));
    // The tag claims share the file's date, so no order among them is promised.
    assertThat(permanode.attributeValues("tag")).containsExactlyInAnyOrder("beach", "2024");
  }

  @Test
  void streamsAndLargeFilesGoInTheSameBatchAndTheKeyIsTheWholeContentsRef() throws IOException {
    byte[] large = new byte[3 << 20];
    new Random(3).nextBytes(large);
    byte[] small = "a small stream".getBytes(StandardCharsets.UTF_8);
    FileMetadata dated = FileMetadata.builder().modificationTime(MTIME).build();

    List<FileResult> results;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      results =
          conn.files()
              .putFiles(
                  List.of(
                      FileSource.of(
                          new ByteArrayInputStream(large),
                          "large.bin",
                          FileMetadata.empty(),
                          FileOptions.contentPermanode()),
                      FileSource.of(
                          new ByteArrayInputStream(small),
                          "small.txt",
                          dated,
                          FileOptions.contentPermanode())));
      try (FileContentStream in =
          conn.files().getFile(results.get(0).uploadOrThrow().contentRef())) {
        assertThat(in.readAllBytes()).isEqualTo(large);
      }
      BlobRef permanode = requireNonNull(results.get(0).uploadOrThrow().permanodeRef());
      assertThat(conn.searcher().describeBlob(permanode).attribute("camliContent"))
          .isEqualTo(results.get(0).uploadOrThrow().contentRef().toString());
    }

    BlobRef largePermanode = requireNonNull(results.get(0).uploadOrThrow().permanodeRef());
    assertThat(text(largePermanode))
        .contains("\"key\": \"" + BlobRef.compute("sha224", large) + "\"");
    // No modification time recorded: the claim is dated, and signed at, one second after the
    // epoch (a server ignores claims dated at the epoch itself), and the permanode has its content.
    assertThat(text(claimNaming(largePermanode)))
        .contains("\"claimDate\": \"1970-01-01T00:00:01Z\"");
    BlobRef smallPermanode = requireNonNull(results.get(1).uploadOrThrow().permanodeRef());
    assertThat(text(claimNaming(smallPermanode)))
        .contains("\"claimDate\": \"2024-05-06T07:08:09.123456789Z\"");
  }

  @Test
  void aFileThatCannotBeReadFailsAloneAndTheOthersAreStored() throws IOException {
    List<Path> paths = smallFiles("unreadable", 3);
    Path missing = temp.resolve("missing.txt");
    Path directory = Files.createDirectories(temp.resolve("a-directory"));
    List<FileSource> sources = new ArrayList<>(sources(paths, FileOptions.contentPermanode()));
    sources.add(1, FileSource.of(missing, FileOptions.contentPermanode()));
    sources.add(FileSource.of(directory, FileOptions.contentPermanode()));

    List<FileResult> results;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      results = conn.files().putFiles(sources);
    }

    assertThat(results.get(1).failed()).isTrue();
    assertThat(results.get(1).error())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read " + missing);
    assertThat(results.get(4).error())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a directory");
    for (int i : List.of(0, 2, 3)) {
      assertThat(results.get(i).status()).isEqualTo(FileResult.Status.STORED);
      assertThat(server.contains(requireNonNull(results.get(i).uploadOrThrow().permanodeRef())))
          .isTrue();
    }
  }

  @Test
  void aBlobTheServerRefusesFailsItsFileOnlyAndARerunStoresIt() throws IOException {
    List<Path> paths = smallFiles("refused", 10);
    BlobRef refusedChunk = Blob.of(Files.readAllBytes(paths.get(3))).blobRef();
    server.faults().refuseBlob(refusedChunk);

    List<FileResult> first;
    List<FileResult> rerun;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      first = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
      server.faults().clear();
      rerun = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
    }

    assertThat(first.get(3).error())
        .isInstanceOf(ServerException.class)
        .hasMessageContaining(refusedChunk.toString())
        .hasMessageContaining("corrupt blob");
    for (int i = 0; i < paths.size(); i++) {
      if (i != 3) {
        assertThat(first.get(i).status()).as("file %d", i).isEqualTo(FileResult.Status.STORED);
        assertThat(rerun.get(i).status()).isEqualTo(FileResult.Status.ALREADY_STORED);
      }
    }
    // Nothing of the refused file but what precedes its chunk; after the rerun, all of it.
    assertThat(rerun.get(3).status()).isEqualTo(FileResult.Status.STORED);
    FileUpload stored = rerun.get(3).uploadOrThrow();
    assertThat(server.contains(stored.contentRef())).isTrue();
    assertThat(server.contains(claimNaming(requireNonNull(stored.permanodeRef())))).isTrue();
  }

  @Test
  void aFailedUploadRequestFailsTheFilesInItAloneAndARerunCompletesThem() throws IOException {
    // 100 files with permanodes are 400 blobs: more than one request holds.
    List<Path> paths = smallFiles("failing", 100);
    server.faults().failNextRequests(1, 500, r -> r.isBlobAction("POST", "upload"));

    List<FileResult> first;
    List<FileResult> rerun;
    try (Connection conn = connect(o -> o.signer(TestkitSupport.identity()))) {
      first = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
      assertNoClaimWithoutItsFile();
      rerun = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
    }

    List<FileResult> failed = first.stream().filter(FileResult::failed).toList();
    assertThat(failed)
        .isNotEmpty()
        .hasSizeLessThan(100)
        .allSatisfy(
            r ->
                assertThat(r.error())
                    .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500)));
    for (int i = 0; i < paths.size(); i++) {
      assertThat(rerun.get(i).status())
          .isEqualTo(
              first.get(i).failed() ? FileResult.Status.STORED : FileResult.Status.ALREADY_STORED);
    }
    assertNoClaimWithoutItsFile();
  }

  @Test
  void aSignatureTheSignHelperRefusesFailsOnlyThatFile() throws IOException {
    List<Path> paths = smallFiles("unsigned", 5);
    server.faults().failNextRequests(1, 400, r -> r.path().endsWith("/camli/sig/sign"));

    List<FileResult> results;
    try (Connection conn = connect(UnaryOperator.identity())) {
      results = conn.files().putFiles(sources(paths, FileOptions.contentPermanode()));
    }

    assertThat(results.stream().filter(FileResult::failed))
        .singleElement()
        .satisfies(r -> assertThat(r.error()).isInstanceOf(SigningException.class));
    assertThat(results.stream().filter(r -> r.status() == FileResult.Status.STORED)).hasSize(4);
  }

  /** Every claim the server holds names a permanode and content the server holds. */
  private static void assertNoClaimWithoutItsFile() {
    for (BlobRef ref : server.blobRefs()) {
      String text = text(ref);
      if (text.contains("\"attribute\": \"camliContent\"")) {
        String content = field(text, "value");
        String permanode = field(text, "permaNode");
        assertThat(server.contains(BlobRef.parse(content))).as(ref + " names " + content).isTrue();
        assertThat(server.contains(BlobRef.parse(permanode))).isTrue();
      }
    }
  }

  private static String field(String json, String name) {
    try {
      return new ObjectMapper().readTree(json).path(name).asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one claim on the server that names the permanode. */
  private static BlobRef claimNaming(BlobRef permanode) {
    List<BlobRef> claims =
        server.blobRefs().stream()
            .filter(ref -> text(ref).contains("\"permaNode\": \"" + permanode + "\""))
            .toList();
    assertThat(claims).hasSize(1);
    return claims.get(0);
  }

  private static String text(BlobRef ref) {
    return new String(requireNonNull(server.blob(ref)), StandardCharsets.UTF_8);
  }

  private static long requests(String method, String action) {
    return server.requests().stream().filter(r -> r.isBlobAction(method, action)).count();
  }

  private List<Path> smallFiles(String prefix, int count) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(prefix));
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve(prefix + "-" + i + ".txt");
      Files.writeString(file, prefix + " file " + i + " " + "x".repeat(1000));
      Files.setLastModifiedTime(file, FileTime.from(MTIME));
      paths.add(file);
    }
    return paths;
  }

  private static List<FileSource> sources(List<Path> paths, FileOptions options) {
    return paths.stream().map(p -> FileSource.of(p, options)).toList();
  }

  private static Connection connect(UnaryOperator<ConnectOptions.Builder> options) {
    return Camlistore.connect(
        server.url(),
        options
            .apply(
                ConnectOptions.builder()
                    .auth(Auth.basic("alice", "secret"))
                    .retryBackoff(Duration.ofMillis(1)))
            .build());
  }
}
