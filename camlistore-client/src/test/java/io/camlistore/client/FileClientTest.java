package io.camlistore.client;

import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.bytes;
import static io.camlistore.client.internal.PerkeepTestData.open;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.internal.PerkeepTestData;
import io.camlistore.client.internal.chunk.ChunkSink;
import io.camlistore.client.internal.chunk.FileChunker;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServerExtension;
import io.camlistore.testkit.RecordedRequest;
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
 * Files against the testkit's embedded server: what each upload request carried and in which order
 * (read from its request log), what the store holds, and how many times each blob was fetched.
 * Every test also checks that no pooled connection leaked.
 */
class FileClientTest {
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

  @RegisterExtension
  static final EmbeddedCamlistoreServerExtension CAMLISTORE =
      EmbeddedCamlistoreServerExtension.create(EmbeddedFileConnection.serverBuilder());

  private EmbeddedCamlistoreServer server;
  private EmbeddedFileConnection fixture;
  private Connection conn;
  private FileClient files;

  /** Files recorded with the attributes pk-put recorded for the test data. */
  private FileClient pinned;

  @BeforeEach
  void connect() {
    server = CAMLISTORE.server();
    fixture = new EmbeddedFileConnection(server, (path, follow) -> FILE_METADATA);
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
    BlobRef ref = files.putFile(open("testdata/hello.txt"), "hello.txt", FILE_METADATA);

    assertThat(ref).isEqualTo(HELLO_FILE);
    assertThat(UploadLog.uploads(server)).containsExactly(List.of(HELLO, HELLO_FILE));
    assertThat(UploadLog.stats(server)).isEqualTo(1);
    assertThat(server.requests()).filteredOn(r -> r.path().contains("/camli/")).hasSize(2);
    assertThat(server.requests("POST", "stat"))
        .singleElement()
        .extracting(RecordedRequest::bodyText)
        .isEqualTo("camliversion=1&blob1=" + HELLO + "&blob2=" + HELLO_FILE);
    RecordedRequest upload = server.requests("POST", "upload").get(0);
    assertThat(upload.header("Content-Type")).contains("multipart/form-data");
    List<UploadLog.Part> parts = UploadLog.parts(upload);
    assertThat(parts)
        .as("the schema part comes after the chunk it names")
        .extracting(UploadLog.Part::name)
        .containsExactly(HELLO.toString(), HELLO_FILE.toString());
    assertThat(parts.get(0).headers())
        .contains("filename=\"" + HELLO + "\"")
        .contains("Content-Type: application/octet-stream");
    assertThat(parts.get(0).content())
        .isEqualTo("Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8));
    assertThat(parts.get(1).content()).isEqualTo(bytes("testdata/schemas/hello.txt.json"));
  }

  @Test
  void putFileSendsNoChunkTheServerAlreadyHasButStillSendsTheSchema() {
    store(HELLO, "Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8));

    BlobRef ref = files.putFile(open("testdata/hello.txt"), "hello.txt", FILE_METADATA);

    assertThat(ref).isEqualTo(HELLO_FILE);
    assertThat(UploadLog.stats(server)).isEqualTo(1);
    assertThat(UploadLog.uploads(server)).containsExactly(List.of(HELLO_FILE));
    assertThat(UploadLog.parts(server.requests("POST", "upload").get(0)))
        .extracting(UploadLog.Part::name)
        .containsExactly(HELLO_FILE.toString());
    assertThat(fixture.orderViolations()).isEmpty();
  }

  @Test
  void putFileOfTheThreeMegabyteFileStoresExactlyPkPutsBlobsSchemasAfterTheirParts() {
    BlobRef ref = pinned.putFile(open("testdata/random-3m.bin"), "random-3m.bin", FILE_METADATA);

    assertThat(ref).isEqualTo(RANDOM_3M_FILE);
    assertThat(new String(requireNonNull(server.blob(ref)), StandardCharsets.UTF_8))
        .isEqualTo(PerkeepTestData.text("testdata/schemas/random-3m.bin.json"));
    assertThat(server.blobCount()).isEqualTo(41 + 8 + 1);
    assertThat(UploadLog.uploadedBlobCount(server)).isEqualTo(50);
    assertThat(fixture.orderViolations()).isEmpty();
    List<List<BlobRef>> uploads = UploadLog.uploads(server);
    assertThat(uploads.get(uploads.size() - 1)).endsWith(RANDOM_3M_FILE);
    assertThat(UploadLog.stats(server)).isEqualTo(uploads.size());
  }

  @Test
  void putFileOfRepeatedContentSendsEachDistinctChunkOnce() {
    byte[] zeros = new byte[5 << 20];

    files.putFile(new ByteArrayInputStream(zeros), "zeros", FileMetadata.empty());

    // 256 KiB first chunk, then 1 MiB chunks of zeros (all the same) and a 768 KiB rest.
    Set<BlobRef> distinct = new HashSet<>();
    UploadLog.uploads(server).forEach(distinct::addAll);
    assertThat(UploadLog.uploadedBlobCount(server)).isEqualTo(distinct.size());
    assertThat(server.blobRefs())
        .contains(Blob.of(new byte[1 << 20]).blobRef(), Blob.of(new byte[256 << 10]).blobRef());
    assertThat(fixture.orderViolations()).isEmpty();
  }

  @Test
  void putFileOfAnEmptyStreamStoresAFileSchemaWithNoParts() {
    BlobRef ref = files.putFile(InputStream.nullInputStream(), "empty.txt", FileMetadata.empty());

    assertThat(UploadLog.uploads(server)).containsExactly(List.of(ref));
    assertThat(new String(requireNonNull(server.blob(ref)), StandardCharsets.UTF_8))
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
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "some notes\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2021-03-04T05:06:07.5Z")));
    int uid = (Integer) Files.getAttribute(file, "unix:uid");
    String owner = Files.getOwner(file).getName();

    BlobRef ref = files.putFile(file);

    Map<String, Object> schema =
        PerkeepTestData.parseObject(
            new String(requireNonNull(server.blob(ref)), StandardCharsets.UTF_8));
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
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.path()).doesNotContain("/camli/"));
  }

  @Test
  void putFileFailsNamingTheChunkTheServerDidNotStore() {
    server.faults().refuseBlob(HELLO);

    assertThatThrownBy(() -> files.putFile(open("testdata/hello.txt"), "hello.txt", FILE_METADATA))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> assertThat(e.serverError()).contains("digest doesn't match"))
        .hasMessageContaining(HELLO.toString())
        .as("the schema after the refused chunk is not stored either")
        .hasMessageContaining("did not store 2 of 2 blobs")
        .hasMessageContaining(HELLO_FILE.toString());
    List<RecordedRequest> uploads = server.requests("POST", "upload");
    assertThat(uploads).as("no second request").hasSize(1);
    assertThat(UploadLog.parts(uploads.get(0)))
        .extracting(UploadLog.Part::name)
        .containsExactly(HELLO.toString(), HELLO_FILE.toString());
  }

  @Test
  void putFileOfAFailingStreamThrowsUncheckedIoAndSendsNoFileSchema() {
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
    assertThat(server.blobRefs())
        .noneSatisfy(ref -> assertThat(text(ref)).contains("\"camliType\": \"file\""));
  }

  @Test
  void aTwentyMegabyteFileGoesUpInParallelBatchesAndComesBackIntact() throws IOException {
    byte[] content = new byte[20 << 20];
    new Random(42).nextBytes(content);

    BlobRef ref = files.putFile(new ByteArrayInputStream(content), "big.bin", FileMetadata.empty());

    List<List<BlobRef>> uploads = UploadLog.uploads(server);
    assertThat(uploads).hasSizeGreaterThan(5);
    // One stat per request's worth of blobs (4 MiB); schemas whose parts went out in a request
    // running beside theirs wait for its acknowledgement and go in a later, small request.
    assertThat(UploadLog.stats(server)).isBetween(5, uploads.size());
    assertThat(uploads.get(uploads.size() - 1)).endsWith(ref);
    assertThat(server.requests("POST", "upload"))
        .allSatisfy(r -> assertThat(r.body().length).isLessThan(5 << 20));
    assertThat(fixture.orderViolations()).isEmpty();
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
        assertThat(server.contains(stored)).isTrue();
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
    try (Connection signed = fixture.connectSigning()) {
      FileUpload upload =
          signed
              .files()
              .putFile(
                  open("testdata/hello.txt"), "hello.txt", FILE_METADATA, FileOptions.permanode());

      assertThat(upload.contentRef()).isEqualTo(HELLO_FILE);
      BlobRef permanode = requireNonNull(upload.permanodeRef());
      assertThat(text(permanode)).contains("\"camliType\": \"permanode\"");
      List<List<BlobRef>> uploads = UploadLog.uploads(server);
      // A small file with its permanode: one stat and one upload, the file before its claims.
      assertThat(UploadLog.stats(server)).isEqualTo(1);
      assertThat(uploads).hasSize(1);
      List<BlobRef> request = uploads.get(0);
      assertThat(request.indexOf(permanode)).isGreaterThan(request.indexOf(HELLO_FILE));
      List<String> claims =
          request.stream()
              .map(this::text)
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
    try (Connection signed = fixture.connectSigning()) {
      FileUpload titled =
          signed
              .files()
              .putFile(
                  open("testdata/hello.txt"),
                  "hello.txt",
                  FILE_METADATA,
                  FileOptions.permanode("Greeting"));
      int before = UploadLog.uploads(server).size();
      FileUpload plain =
          signed
              .files()
              .putFile(
                  open("testdata/hello.txt"), "hello.txt", FILE_METADATA, FileOptions.defaults());

      assertThat(
              server.blobRefs().stream()
                  .map(this::text)
                  .filter(t -> t.contains("\"attribute\": \"title\"")))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("\"value\": \"Greeting\"");
      assertThat(titled.permanodeRef()).isNotNull();
      assertThat(plain).isEqualTo(new FileUpload(HELLO_FILE, null));
      assertThat(plain.permanodeRef()).isNull();
      assertThat(UploadLog.uploads(server)).as("nothing new to send").hasSize(before);
    }
  }

  @Test
  void getFileOfHelloReadsTheCapturedSchemaAndChunk() throws IOException {
    store(HELLO_FILE, Fixture.named("43-get-schema-blob").body());
    store(HELLO, Fixture.named("42-get-text-blob").body());

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
    assertThat(UploadLog.gets(server, RANDOM_3M_TOP_BYTES)).isEqualTo(1);
    assertThat(UploadLog.totalGets(server)).isEqualTo(1 + 8 + 41);
  }

  @Test
  void getFileReadsByteByByteAsWellAsInBlocks() throws IOException {
    store(HELLO_FILE, Fixture.named("43-get-schema-blob").body());
    store(HELLO, Fixture.named("42-get-text-blob").body());

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
    server.faults().corruptBlob(RANDOM_3M_SECOND_PART);

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
    store(HELLO_FILE, Fixture.named("43-get-schema-blob").body());

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
    assertThat(UploadLog.totalGets(server)).as("file schema and last chunk").isEqualTo(2);
    assertThat(UploadLog.gets(server, RANDOM_3M_LAST_PART)).isEqualTo(1);
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
    assertThat(UploadLog.totalGets(server)).isEqualTo(2);
    assertThat(UploadLog.gets(server, RANDOM_3M_SECOND_PART)).isEqualTo(1);
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
    assertThat(UploadLog.totalGets(server)).isLessThan(1 + 8 + 41);
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
    assertThat(UploadLog.gets(server, chunks.get(0))).isEqualTo(1);
    assertThat(chunks.subList(4, chunks.size()))
        .allSatisfy(c -> assertThat(UploadLog.gets(server, c)).isZero());
  }

  @Test
  void getFileOfADirectorySchemaThrowsInvalidSchemaNamingTheType() {
    BlobRef dir = storeText(PerkeepTestData.text("testdata/schemas/tree-dir.json"));

    assertThatThrownBy(() -> files.getFile(dir))
        .isInstanceOfSatisfying(
            InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(dir))
        .hasMessageContaining("camliType 'directory', not 'file'");
  }

  @Test
  void getFileOfABlobThatIsNotJsonThrowsInvalidSchema() {
    assertThatThrownBy(() -> files.getFile(HELLO)).isInstanceOf(NotFoundException.class);
    store(Blob.of("Hello, Perkeep!\n"));
    assertThatThrownBy(() -> files.getFile(HELLO))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining(HELLO + " is not JSON");
  }

  @Test
  void aBytesSchemaWhoseSizeDisagreesWithItsPartIsInvalid() throws IOException {
    Blob chunk = Blob.of("0123456789");
    store(chunk);
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
    Blob chunk = Blob.of("short");
    store(chunk);
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
    Blob letters = Blob.of("abcdefghij");
    store(letters);
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

  /**
   * Stores the 3 MiB test file as pk-put stored it: its captured file schema, then the chunks and
   * bytes schemas the chunker makes of its content (the same refs pk-put's schema names).
   */
  private void storeRandom3m() {
    store(RANDOM_3M_FILE, bytes("testdata/schemas/random-3m.bin.json"));
    try (InputStream in = open("testdata/random-3m.bin")) {
      new FileChunker().chunk(in, (blob, kind) -> store(blob));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(server.blobCount()).isEqualTo(50);
  }

  /** Seeds a blob whose ref the test knows, checking the ref. */
  private void store(BlobRef ref, byte[] data) {
    assertThat(server.putBlob(data)).isEqualTo(ref);
  }

  private void store(Blob blob) {
    store(blob.blobRef(), blob.data());
  }

  private String text(BlobRef ref) {
    return new String(requireNonNull(server.blob(ref)), StandardCharsets.UTF_8);
  }

  private BlobRef storeSchema(Map<String, Object> schema) {
    Blob blob = SchemaBlobs.of(schema, "sha224");
    store(blob);
    return blob.blobRef();
  }

  private BlobRef storeText(String text) {
    Blob blob = Blob.of(text);
    store(blob);
    return blob.blobRef();
  }
}
