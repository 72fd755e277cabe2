package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.bytes;
import static io.camlistore.client.internal.PerkeepTestData.open;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camlistore.client.internal.PerkeepTestData;
import io.camlistore.client.internal.chunk.ChunkSink;
import io.camlistore.client.internal.chunk.FileChunker;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files against WireMock: fixed stubs from the captured exchanges where the refs are known in
 * advance (hello.txt), and an in-memory blob store answering in the server's shapes where they
 * depend on chunked content. Every test also checks that no pooled connection leaked.
 */
class FileClientTest {
  private static final String ROOT = FileTestConnection.ROOT;
  private static final String P = ROOT + "camli/";
  private static final BlobRef HELLO =
      BlobRef.parse("sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3");
  private static final BlobRef HELLO_FILE =
      BlobRef.parse("sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6");
  private static final BlobRef RANDOM_3M_FILE =
      BlobRef.parse("sha224-12bbfefb58ff4b48aa952f276c323412c02cec1e767c21b9d2b033e2");
  private static final BlobRef RANDOM_3M_TOP_BYTES =
      BlobRef.parse("sha224-44b044d56eaf5be8f48e39034ae4f1d9777ef3dae81c571c3bc57ee1");
  private static final BlobRef RANDOM_3M_SECOND_PART =
      BlobRef.parse("sha224-58ebab0868ec0fc7c213575fd1bdf3146269bae03a55ffaa1c87ebb9");
  private static final BlobRef RANDOM_3M_LAST_PART =
      BlobRef.parse("sha224-6bed6cd6296fb0df1eb55bbac91b91ff178fadfbd68238b8ac4fea43");
  private static final int RANDOM_3M_SIZE = 3_158_073;

  private static final BlobStoreStub store = new BlobStoreStub();

  @RegisterExtension static final WireMockExtension server = WireMockFixtures.server(store);

  private FileTestConnection fixture;
  private Connection conn;
  private FileClient files;

  /** Files recorded with the attributes pk-put recorded for the test data. */
  private FileClient pinned;

  @BeforeEach
  void connect() {
    fixture = new FileTestConnection(server, store, (path, follow) -> FILE_METADATA);
    conn = fixture.connection();
    files = conn.files();
    pinned = fixture.pinned();
  }

  @AfterEach
  void noConnectionLeaks() {
    fixture.close();
  }

  @Test
  void putFileOfHelloSendsTheChunkThenTheSchemaPkPutMadeInOneStatAndOneUpload() {
    store.stubOn(server, ROOT);

    BlobRef ref = files.putFile(open("testdata/hello.txt"), "hello.txt", FILE_METADATA);

    assertThat(ref).isEqualTo(HELLO_FILE);
    assertThat(store.uploads()).containsExactly(List.of(HELLO, HELLO_FILE));
    assertThat(store.statCount()).isEqualTo(1);
    assertThat(server.getAllServeEvents())
        .filteredOn(e -> e.getRequest().getUrl().contains("/camli/"))
        .hasSize(2);
    server.verify(
        postRequestedFor(urlEqualTo(P + "stat"))
            .withRequestBody(equalTo("camliversion=1&blob1=" + HELLO + "&blob2=" + HELLO_FILE)));
    assertThat(uploadRequests().get(0).getParts())
        .as("the schema part comes after the chunk it names")
        .extracting(Request.Part::getName)
        .containsExactly(HELLO.toString(), HELLO_FILE.toString());
    server.verify(
        postRequestedFor(urlEqualTo(P + "upload"))
            .withHeader("Content-Type", containing("multipart/form-data"))
            .withRequestBodyPart(
                aMultipart()
                    .withName(HELLO.toString())
                    .withHeader("Content-Disposition", containing("filename=\"" + HELLO + "\""))
                    .withHeader("Content-Type", containing("application/octet-stream"))
                    .withBody(binaryEqualTo("Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8)))
                    .build()));
    server.verify(
        postRequestedFor(urlEqualTo(P + "upload"))
            .withRequestBodyPart(
                aMultipart()
                    .withName(HELLO_FILE.toString())
                    .withBody(binaryEqualTo(bytes("testdata/schemas/hello.txt.json")))
                    .build()));
  }

  @Test
  void putFileSendsNoChunkTheServerAlreadyHasButStillSendsTheSchema() {
    store.stubOn(server, ROOT);
    store.put(HELLO, "Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8));

    BlobRef ref = files.putFile(open("testdata/hello.txt"), "hello.txt", FILE_METADATA);

    assertThat(ref).isEqualTo(HELLO_FILE);
    assertThat(store.statCount()).isEqualTo(1);
    assertThat(store.uploads()).containsExactly(List.of(HELLO_FILE));
    assertThat(uploadRequests().get(0).getParts())
        .extracting(Request.Part::getName)
        .containsExactly(HELLO_FILE.toString());
    assertThat(store.orderViolations()).isEmpty();
  }

  @Test
  void putFileOfTheThreeMegabyteFileStoresExactlyPkPutsBlobsSchemasAfterTheirParts() {
    store.stubOn(server, ROOT);

    BlobRef ref = pinned.putFile(open("testdata/random-3m.bin"), "random-3m.bin", FILE_METADATA);

    assertThat(ref).isEqualTo(RANDOM_3M_FILE);
    assertThat(new String(store.blobs().get(ref), StandardCharsets.UTF_8))
        .isEqualTo(PerkeepTestData.text("testdata/schemas/random-3m.bin.json"));
    assertThat(store.blobs()).hasSize(41 + 8 + 1);
    assertThat(store.uploadedBlobCount()).isEqualTo(50);
    assertThat(store.orderViolations()).isEmpty();
    List<List<BlobRef>> uploads = store.uploads();
    assertThat(uploads.get(uploads.size() - 1)).endsWith(RANDOM_3M_FILE);
    assertThat(store.statCount()).isEqualTo(uploads.size());
  }

  @Test
  void putFileOfRepeatedContentSendsEachDistinctChunkOnce() {
    store.stubOn(server, ROOT);
    byte[] zeros = new byte[5 << 20];

    files.putFile(new ByteArrayInputStream(zeros), "zeros", FileMetadata.empty());

    // 256 KiB first chunk, then 1 MiB chunks of zeros (all the same) and a 768 KiB rest.
    Set<BlobRef> distinct = new HashSet<>();
    store.uploads().forEach(distinct::addAll);
    assertThat(store.uploadedBlobCount()).isEqualTo(distinct.size());
    assertThat(store.blobs().keySet())
        .contains(Blob.of(new byte[1 << 20]).blobRef(), Blob.of(new byte[256 << 10]).blobRef());
    assertThat(store.orderViolations()).isEmpty();
  }

  @Test
  void putFileOfAnEmptyStreamStoresAFileSchemaWithNoParts() {
    store.stubOn(server, ROOT);

    BlobRef ref = files.putFile(InputStream.nullInputStream(), "empty.txt", FileMetadata.empty());

    assertThat(store.uploads()).containsExactly(List.of(ref));
    assertThat(new String(store.blobs().get(ref), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {"camliVersion": 1,
              "camliType": "file",
              "fileName": "empty.txt",
              "parts": []
            }""");
    try (FileContentStream in = files.getFile(ref)) {
      assertThat(in.readAllBytes()).isEmpty();
      assertThat(in.fileSize()).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void putFileOfAPathRecordsNameTimesOwnerAndPermissions(@TempDir Path dir) throws IOException {
    store.stubOn(server, ROOT);
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "some notes\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2021-03-04T05:06:07.5Z")));
    int uid = (Integer) Files.getAttribute(file, "unix:uid");
    String owner = Files.getOwner(file).getName();

    BlobRef ref = files.putFile(file);

    Map<String, Object> schema =
        PerkeepTestData.parseObject(new String(store.blobs().get(ref), StandardCharsets.UTF_8));
    assertThat(schema)
        .containsEntry("camliType", "file")
        .containsEntry("fileName", "notes.txt")
        .containsEntry("unixMtime", "2021-03-04T05:06:07.5Z")
        .containsEntry("unixPermission", "0640")
        .containsEntry("unixOwnerId", uid)
        .containsEntry("unixOwner", owner)
        .containsKey("unixGroupId")
        .containsKey("unixCtime");
    try (FileContentStream in = files.getFile(ref)) {
      assertThat(in.readAllBytes()).isEqualTo("some notes\n".getBytes(StandardCharsets.UTF_8));
      assertThat(in.fileName()).isEqualTo("notes.txt");
      assertThat(in.metadata().permissions()).isEqualTo(0640);
      assertThat(in.metadata().modificationTime())
          .isEqualTo(Instant.parse("2021-03-04T05:06:07.5Z"));
    }
  }

  @Test
  void putFileRefusesDirectoriesRootsAndBadNamesBeforeSendingAnything(@TempDir Path dir) {
    assertThatThrownBy(() -> files.putFile(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a directory");
    assertThatThrownBy(() -> files.putFile(Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no name");
    assertThatThrownBy(
            () -> files.putFile(InputStream.nullInputStream(), "a/b", FileMetadata.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> files.putFile(dir.resolve("missing")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing");
    assertThat(server.getAllServeEvents())
        .allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain("/camli/"));
  }

  @Test
  void putFileFailsNamingTheChunkTheServerDidNotStore() {
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    server.stubFor(
        post(P + "upload").willReturn(Fixture.named("33-upload-digest-mismatch").response()));

    assertThatThrownBy(() -> files.putFile(open("testdata/hello.txt"), "hello.txt", FILE_METADATA))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> assertThat(e.serverError()).contains("digest doesn't match"))
        .hasMessageContaining(HELLO.toString())
        .as("the schema after the refused chunk is not stored either")
        .hasMessageContaining("did not store 2 of 2 blobs")
        .hasMessageContaining(HELLO_FILE.toString());
    List<LoggedRequest> uploads = uploadRequests();
    assertThat(uploads).as("no second request").hasSize(1);
    assertThat(uploads.get(0).getParts())
        .extracting(Request.Part::getName)
        .containsExactly(HELLO.toString(), HELLO_FILE.toString());
  }

  @Test
  void putFileOfAFailingStreamThrowsUncheckedIoAndSendsNoFileSchema() {
    store.stubOn(server, ROOT);
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(new byte[3_000_000]),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("disk gone");
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
              }
            });

    assertThatThrownBy(() -> files.putFile(failing, "broken.bin", FileMetadata.empty()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("broken.bin")
        .hasMessageContaining("disk gone");
    assertThat(store.blobs().values())
        .noneSatisfy(
            data ->
                assertThat(new String(data, StandardCharsets.UTF_8))
                    .contains("\"camliType\": \"file\""));
  }

  @Test
  void aTwentyMegabyteFileGoesUpInParallelBatchesAndComesBackIntact() throws IOException {
    store.stubOn(server, ROOT);
    byte[] content = new byte[20 << 20];
    new Random(42).nextBytes(content);

    BlobRef ref = files.putFile(new ByteArrayInputStream(content), "big.bin", FileMetadata.empty());

    List<List<BlobRef>> uploads = store.uploads();
    assertThat(uploads).hasSizeGreaterThan(5);
    // One stat per request's worth of blobs (4 MiB); schemas whose parts went out in a request
    // running beside theirs wait for its acknowledgement and go in a later, small request.
    assertThat(store.statCount()).isBetween(5, uploads.size());
    assertThat(uploads.get(uploads.size() - 1)).endsWith(ref);
    assertThat(
            server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/upload")))
        .allSatisfy(e -> assertThat(e.getRequest().getBody().length).isLessThan(5 << 20));
    assertThat(store.orderViolations()).isEmpty();
    try (FileContentStream in = files.getFile(ref)) {
      assertThat(in.fileSize()).isEqualTo((long) content.length);
      assertThat(Arrays.equals(in.readAllBytes(), content)).isTrue();
    }
  }

  @Test
  void givenExecutorsRunTheTransfersAndOutliveTheConnection() throws IOException {
    storeRandom3m();
    ThreadPoolExecutor uploads = namedPool("given-upload");
    ThreadPoolExecutor downloads = namedPool("given-fetch");
    byte[] content = new byte[3 << 20];
    new Random(7).nextBytes(content);
    try {
      try (Connection given =
          fixture.connect(options -> options.uploadExecutor(uploads).downloadExecutor(downloads))) {
        BlobRef stored =
            given
                .files()
                .putFile(new ByteArrayInputStream(content), "given.bin", FileMetadata.empty());
        try (FileContentStream in = given.files().getFile(RANDOM_3M_FILE)) {
          assertThat(Arrays.equals(in.readAllBytes(), bytes("testdata/random-3m.bin"))).isTrue();
        }
        assertThat(store.blobs()).containsKey(stored);
      }

      assertThat(uploads.getCompletedTaskCount()).as("upload requests run").isPositive();
      assertThat(downloads.getCompletedTaskCount()).as("read-ahead fetches run").isPositive();
      assertThat(uploads.isShutdown()).as("the caller's upload executor").isFalse();
      assertThat(downloads.isShutdown()).as("the caller's download executor").isFalse();
    } finally {
      uploads.shutdown();
      downloads.shutdown();
    }
  }

  private static ThreadPoolExecutor namedPool(String name) {
    return new ThreadPoolExecutor(
        4,
        4,
        0,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  @Test
  void aPermanodeAndItsClaimsFollowTheFileInItsRequest() {
    store.stubOn(server, ROOT);
    try (Connection signed = fixture.connectSigning()) {
      FileUpload upload =
          signed
              .files()
              .putFile(
                  open("testdata/hello.txt"), "hello.txt", FILE_METADATA, FileOptions.permanode());

      assertThat(upload.contentRef()).isEqualTo(HELLO_FILE);
      BlobRef permanode = requireNonNull(upload.permanodeRef());
      assertThat(text(permanode)).contains("\"camliType\": \"permanode\"");
      List<List<BlobRef>> uploads = store.uploads();
      // A small file with its permanode: one stat and one upload, the file before its claims.
      assertThat(store.statCount()).isEqualTo(1);
      assertThat(uploads).hasSize(1);
      List<BlobRef> request = uploads.get(0);
      assertThat(request.indexOf(permanode)).isGreaterThan(request.indexOf(HELLO_FILE));
      List<String> claims =
          request.stream()
              .map(FileClientTest::text)
              .filter(t -> t.contains("\"claimType\": \"set-attribute\""))
              .toList();
      assertThat(claims).hasSize(2);
      assertThat(
              request.indexOf(
                  BlobRef.compute("sha224", claims.get(0).getBytes(StandardCharsets.UTF_8))))
          .isGreaterThan(request.indexOf(permanode));
      assertThat(claims.get(0))
          .contains("\"attribute\": \"camliContent\"")
          .contains("\"value\": \"" + HELLO_FILE + "\"")
          .contains("\"permaNode\": \"" + permanode + "\"");
      assertThat(claims.get(1))
          .contains("\"attribute\": \"title\"")
          .contains("\"value\": \"hello.txt\"");
      assertThat(signed.leasedHttpConnections()).isZero();
    }
  }

  @Test
  void aPermanodeCanCarryAnotherTitleAndNoneIsMadeByDefault() {
    store.stubOn(server, ROOT);
    try (Connection signed = fixture.connectSigning()) {
      FileUpload titled =
          signed
              .files()
              .putFile(
                  open("testdata/hello.txt"),
                  "hello.txt",
                  FILE_METADATA,
                  FileOptions.permanode("Greeting"));
      int before = store.uploads().size();
      FileUpload plain =
          signed
              .files()
              .putFile(
                  open("testdata/hello.txt"), "hello.txt", FILE_METADATA, FileOptions.defaults());

      assertThat(
              store.blobs().values().stream()
                  .map(data -> new String(data, StandardCharsets.UTF_8))
                  .filter(t -> t.contains("\"attribute\": \"title\"")))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("\"value\": \"Greeting\"");
      assertThat(titled.permanodeRef()).isNotNull();
      assertThat(plain).isEqualTo(new FileUpload(HELLO_FILE, null));
      assertThat(plain.permanodeRef()).isNull();
      assertThat(store.uploads()).as("nothing new to send").hasSize(before);
    }
  }

  @Test
  void getFileOfHelloReadsTheCapturedSchemaAndChunk() throws IOException {
    server.stubFor(get(P + HELLO_FILE).willReturn(Fixture.named("43-get-schema-blob").response()));
    server.stubFor(get(P + HELLO).willReturn(Fixture.named("42-get-text-blob").response()));

    try (FileContentStream in = files.getFile(HELLO_FILE)) {
      assertThat(in.fileRef()).isEqualTo(HELLO_FILE);
      assertThat(in.fileName()).isEqualTo("hello.txt");
      assertThat(in.fileSize()).isEqualTo(16);
      assertThat(in.length()).isEqualTo(16);
      assertThat(in.metadata()).isEqualTo(FILE_METADATA);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Hello, Perkeep!\n");
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void getFileOfTheNestedFixtureReassemblesTheContent() throws IOException {
    storeRandom3m();

    try (FileContentStream in = files.getFile(RANDOM_3M_FILE)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes("testdata/random-3m.bin"));
    }
    assertThat(store.getCount(RANDOM_3M_TOP_BYTES)).isEqualTo(1);
    assertThat(store.totalGets()).isEqualTo(1 + 8 + 41);
  }

  @Test
  void getFileReadsByteByByteAsWellAsInBlocks() throws IOException {
    server.stubFor(get(P + HELLO_FILE).willReturn(Fixture.named("43-get-schema-blob").response()));
    server.stubFor(get(P + HELLO).willReturn(Fixture.named("42-get-text-blob").response()));

    StringBuilder text = new StringBuilder();
    try (FileContentStream in = files.getFile(HELLO_FILE)) {
      int b;
      while ((b = in.read()) >= 0) {
        text.append((char) b);
      }
    }
    assertThat(text).hasToString("Hello, Perkeep!\n");
  }

  @Test
  void getFileOfACorruptChunkThrowsHashMismatchWithoutReturningItsBytes() throws IOException {
    storeRandom3m();
    store.put(RANDOM_3M_SECOND_PART, new byte[66481]);

    try (FileContentStream in = files.getFile(RANDOM_3M_FILE)) {
      assertThat(in.readNBytes(2_908_055))
          .isEqualTo(Arrays.copyOf(bytes("testdata/random-3m.bin"), 2_908_055));
      byte[] buffer = new byte[10];
      assertThatThrownBy(() -> in.read(buffer))
          .isInstanceOfSatisfying(
              HashMismatchException.class,
              e -> assertThat(e.expected()).isEqualTo(RANDOM_3M_SECOND_PART));
      assertThat(buffer).containsOnly(0);
    }
  }

  @Test
  void getFileOfAMissingChunkThrowsNotFoundNamingIt() throws IOException {
    store.stubOn(server, ROOT);
    store.put(HELLO_FILE, Fixture.named("43-get-schema-blob").body());

    try (FileContentStream in = files.getFile(HELLO_FILE)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining(HELLO.toString());
    }
  }

  @Test
  void skipPassesOverWholePartsWithoutFetchingThem() throws IOException {
    storeRandom3m();

    try (FileContentStream in = files.getFile(RANDOM_3M_FILE)) {
      assertThat(in.skip(RANDOM_3M_SIZE - 10)).isEqualTo(RANDOM_3M_SIZE - 10);
      assertThat(in.readAllBytes())
          .isEqualTo(
              Arrays.copyOfRange(
                  bytes("testdata/random-3m.bin"), RANDOM_3M_SIZE - 10, RANDOM_3M_SIZE));
      assertThat(in.skip(5)).isZero();
    }
    assertThat(store.totalGets()).as("file schema and last chunk").isEqualTo(2);
    assertThat(store.getCount(RANDOM_3M_LAST_PART)).isEqualTo(1);
  }

  @Test
  void rangeReadFetchesOnlyTheChunksTheRangeCovers() throws IOException {
    storeRandom3m();
    long start = 2_908_055 + 10;

    try (FileContentStream in = files.getFile(RANDOM_3M_FILE, start, 1000)) {
      assertThat(in.length()).isEqualTo(1000);
      assertThat(in.fileSize()).isEqualTo(RANDOM_3M_SIZE);
      assertThat(in.readAllBytes())
          .isEqualTo(
              Arrays.copyOfRange(bytes("testdata/random-3m.bin"), (int) start, (int) start + 1000));
    }
    assertThat(store.totalGets()).isEqualTo(2);
    assertThat(store.getCount(RANDOM_3M_SECOND_PART)).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 10",
    "0, 3158073",
    "1, 262144",
    "262143, 2",
    "262144, 100000",
    "1000000, 1500000",
    "3158072, 1",
    "3158000, 1000",
    "3158073, 5",
    "5000000, 5"
  })
  void rangeReadReturnsExactlyTheRequestedBytes(long offset, long length) throws IOException {
    storeRandom3m();
    byte[] content = bytes("testdata/random-3m.bin");
    int from = (int) Math.min(offset, content.length);
    int to = (int) Math.min(content.length, offset + length);

    try (FileContentStream in = files.getFile(RANDOM_3M_FILE, offset, length)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, from, to));
    }
  }

  @Test
  void skipAcrossReadAheadChunksKeepsTheContentInOrder() throws IOException {
    storeRandom3m();
    byte[] content = bytes("testdata/random-3m.bin");
    Random random = new Random(3);

    try (FileContentStream in = files.getFile(RANDOM_3M_FILE)) {
      int position = 0;
      while (position < content.length) {
        int read = 1 + random.nextInt(100_000);
        byte[] got = in.readNBytes(read);
        assertThat(got)
            .isEqualTo(
                Arrays.copyOfRange(content, position, Math.min(content.length, position + read)));
        position += got.length;
        long skipped = in.skip(random.nextInt(300_000));
        position += (int) skipped;
      }
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void closingEarlyStopsTheReadAheadAndReleasesEveryConnection() throws IOException {
    storeRandom3m();

    FileContentStream in = files.getFile(RANDOM_3M_FILE);
    assertThat(in.read()).isNotNegative();
    in.close();

    assertThat(conn.leasedHttpConnections()).isZero();
    assertThat(store.totalGets()).isLessThan(1 + 8 + 41);
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void closingEarlyLeavesEveryChunkPastTheReadAheadBoundUnfetched() throws IOException {
    storeRandom3m();
    List<BlobRef> chunks = new ArrayList<>();
    try (InputStream content = open("testdata/random-3m.bin")) {
      new FileChunker()
          .chunk(
              content,
              (blob, kind) -> {
                if (kind == ChunkSink.Kind.CHUNK) {
                  chunks.add(blob.blobRef());
                }
              });
    }

    try (Connection threeAhead = fixture.connect(options -> options.downloadParallelism(3))) {
      FileContentStream in = threeAhead.files().getFile(RANDOM_3M_FILE);
      assertThat(in.read()).isNotNegative();
      in.close();

      assertThat(threeAhead.leasedHttpConnections()).isZero();
    }
    // The chunk read, and at most three behind it fetched ahead; none further.
    assertThat(store.getCount(chunks.get(0))).isEqualTo(1);
    assertThat(chunks.subList(4, chunks.size()))
        .allSatisfy(c -> assertThat(store.getCount(c)).isZero());
  }

  @Test
  void getFileOfADirectorySchemaThrowsInvalidSchemaNamingTheType() {
    BlobRef dir = storeText(PerkeepTestData.text("testdata/schemas/tree-dir.json"));
    store.stubOn(server, ROOT);

    assertThatThrownBy(() -> files.getFile(dir))
        .isInstanceOfSatisfying(
            InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(dir))
        .hasMessageContaining("camliType 'directory', not 'file'");
  }

  @Test
  void getFileOfABlobThatIsNotJsonThrowsInvalidSchema() {
    store.stubOn(server, ROOT);

    assertThatThrownBy(() -> files.getFile(HELLO)).isInstanceOf(NotFoundException.class);
    store.put(Blob.of("Hello, Perkeep!\n"));
    assertThatThrownBy(() -> files.getFile(HELLO))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining(HELLO + " is not JSON");
  }

  @Test
  void aBytesSchemaWhoseSizeDisagreesWithItsPartIsInvalid() throws IOException {
    store.stubOn(server, ROOT);
    Blob chunk = Blob.of("0123456789");
    store.put(chunk);
    BlobRef bytesRef = storeSchema(FileSchema.bytes(List.of(Part.blob(chunk.blobRef(), 10))));
    BlobRef fileRef =
        storeSchema(FileSchema.file("f", List.of(Part.bytes(bytesRef, 12)), FileMetadata.empty()));

    try (FileContentStream in = files.getFile(fileRef)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(
              InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(bytesRef))
          .hasMessageContaining("describes 10 bytes");
    }
  }

  @Test
  void aChunkShorterThanItsPartIsInvalidAndBlamesTheSchemaListingIt() throws IOException {
    store.stubOn(server, ROOT);
    Blob chunk = Blob.of("short");
    store.put(chunk);
    BlobRef fileRef =
        storeSchema(
            FileSchema.file("f", List.of(Part.blob(chunk.blobRef(), 9)), FileMetadata.empty()));

    try (FileContentStream in = files.getFile(fileRef)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(
              InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(fileRef))
          .hasMessageContaining("which has only 5 bytes");
    }
  }

  @Test
  void partsWithOffsetsReadTheSlicesTheyName() throws IOException {
    store.stubOn(server, ROOT);
    Blob letters = Blob.of("abcdefghij");
    store.put(letters);
    BlobRef bytesRef =
        storeSchema(
            FileSchema.bytes(
                List.of(
                    new Part(letters.blobRef(), 3, false, 2),
                    new Part(letters.blobRef(), 4, false, 6))));
    BlobRef fileRef =
        storeSchema(
            FileSchema.file(
                "f",
                List.of(
                    new Part(letters.blobRef(), 2, false, 8),
                    new Part(bytesRef, 4, true, 1),
                    Part.blob(letters.blobRef(), 10)),
                FileMetadata.empty()));

    try (FileContentStream in = files.getFile(fileRef)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("ij" + "deg" + "h" + "abcdefghij");
    }
    try (FileContentStream in = files.getFile(fileRef, 3, 3)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("egh");
    }
  }

  @Test
  void getFileRefusesNegativeRanges() {
    assertThatThrownBy(() -> files.getFile(HELLO_FILE, -1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset -1");
    assertThatThrownBy(() -> files.getFile(HELLO_FILE, 0, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length -5");
  }

  /** Stores the 3 MiB test file as pk-put stored it: its captured schemas plus its chunks. */
  private List<LoggedRequest> uploadRequests() {
    return server.findAll(postRequestedFor(urlEqualTo(P + "upload")));
  }

  private static void storeRandom3m() {
    store.stubOn(server, ROOT);
    store.put(RANDOM_3M_FILE, bytes("testdata/schemas/random-3m.bin.json"));
    store.put(RANDOM_3M_TOP_BYTES, bytes("fixtures/raw/43b-get-bytes-schema.resp.body"));
    try (InputStream in = open("testdata/random-3m.bin")) {
      new FileChunker().chunk(in, (blob, kind) -> store.put(blob));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(store.blobs()).hasSize(50);
  }

  private static String text(BlobRef ref) {
    return new String(store.blobs().get(ref), StandardCharsets.UTF_8);
  }

  private static BlobRef storeSchema(Map<String, Object> schema) {
    Blob blob = SchemaBlobs.of(schema, "sha224");
    store.put(blob);
    return blob.blobRef();
  }

  private static BlobRef storeText(String text) {
    Blob blob = Blob.of(text);
    store.put(blob);
    return blob.blobRef();
  }
}
