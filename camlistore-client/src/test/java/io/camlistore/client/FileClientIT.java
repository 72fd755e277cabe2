package io.camlistore.client;

import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.internal.PerkeepTestData;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and directory trees through the client against the embedded server, which stores and serves
 * blobs as a real server does: round trips of the Perkeep test data and of a 20 MiB random file,
 * what is sent again (nothing), transient upload failures, and corruption on the way back.
 */
class FileClientIT {
  private static final BlobRef HELLO_FILE =
      BlobRef.parse("sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6");

  private static EmbeddedCamlistoreServer server;
  private static byte[] random20m;

  @TempDir Path temp;

  private Connection conn;
  private FileClient files;

  @BeforeAll
  static void start() {
    server = EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start();
    random20m = new byte[20 << 20];
    new Random(20).nextBytes(random20m);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void connect() {
    server.reset();
    conn =
        Camlistore.connect(
            server.url(),
            ConnectOptions.builder()
                .auth(Auth.basic("alice", "secret"))
                .retryBackoff(Duration.ofMillis(1))
                .build());
    files = conn.files();
  }

  @AfterEach
  void close() {
    assertThat(conn.leasedHttpConnections()).as("leased HTTP connections").isZero();
    conn.close();
  }

  @Test
  void helloRoundTripsAndIsStoredAsPkPutStoredIt() throws IOException {
    BlobRef ref =
        files.putFile(PerkeepTestData.open("testdata/hello.txt"), "hello.txt", FILE_METADATA);

    assertThat(ref).isEqualTo(HELLO_FILE);
    assertThat(server.blob(ref))
        .isEqualTo(PerkeepTestData.bytes("testdata/schemas/hello.txt.json"));
    try (FileContentStream in = files.getFile(ref)) {
      assertThat(in.readAllBytes()).isEqualTo(PerkeepTestData.bytes("testdata/hello.txt"));
      assertThat(in.metadata()).isEqualTo(FILE_METADATA);
    }
  }

  @Test
  void aTwentyMegabyteFileRoundTripsWholeAndByRange() throws IOException {
    BlobRef ref =
        files.putFile(new ByteArrayInputStream(random20m), "random.bin", FileMetadata.empty());

    try (FileContentStream in = files.getFile(ref)) {
      assertThat(in.fileSize()).isEqualTo(random20m.length);
      assertThat(Arrays.equals(in.readAllBytes(), random20m)).isTrue();
    }
    int offset = 13_000_001;
    server.clearRequests();
    try (FileContentStream in = files.getFile(ref, offset, 5000)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(random20m, offset, offset + 5000));
    }
    long blobGets = server.requests().stream().filter(r -> r.method().equals("GET")).count();
    assertThat(blobGets).as("schema, a few bytes blobs, one or two chunks").isLessThan(10);
  }

  @Test
  void storingTheSameFileAgainSendsOnlyStatRequests() {
    files.putFile(new ByteArrayInputStream(random20m, 0, 3 << 20), "a.bin", FileMetadata.empty());
    int blobs = server.blobCount();
    server.clearRequests();

    files.putFile(new ByteArrayInputStream(random20m, 0, 3 << 20), "a.bin", FileMetadata.empty());

    assertThat(server.blobCount()).isEqualTo(blobs);
    assertThat(server.requests())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.isBlobAction("POST", "stat")).as(r.toString()).isTrue());
  }

  @Test
  void aTransientUploadFailureIsRetriedAndTheFileIsComplete() throws IOException {
    server.faults().failNextRequests(2, 503, r -> r.isBlobAction("POST", "upload"));

    BlobRef ref =
        files.putFile(
            new ByteArrayInputStream(random20m, 0, 5 << 20), "b.bin", FileMetadata.empty());

    assertThat(server.faults().pendingRequestFaults()).isZero();
    try (FileContentStream in = files.getFile(ref)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOf(random20m, 5 << 20));
    }
  }

  @Test
  void aChunkCorruptedOnTheWayBackIsNeverReturned() throws IOException {
    byte[] content = Arrays.copyOf(random20m, 300_000);
    BlobRef ref = files.putFile(new ByteArrayInputStream(content), "c.bin", FileMetadata.empty());
    BlobRef firstChunk = Blob.of(Arrays.copyOf(content, 262_144)).blobRef();
    server.faults().corruptBlob(firstChunk);

    try (FileContentStream in = files.getFile(ref)) {
      assertThatThrownBy(() -> in.read(new byte[10]))
          .isInstanceOfSatisfying(
              HashMismatchException.class, e -> assertThat(e.expected()).isEqualTo(firstChunk));
    }
  }

  @Test
  void theTestTreeRoundTripsWithContentTimesAndPermissions() throws IOException {
    Path source = temp.resolve("tree");
    copyTree(source);
    Files.setPosixFilePermissions(
        source.resolve("sub/c.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(
        source.resolve("a.txt"), FileTime.from(Instant.parse("2020-11-01T12:00:00Z")));

    BlobRef ref = files.putDirectory(source);
    Path target = temp.resolve("restored");
    files.getDirectory(ref, target);

    assertThat(describe(target)).isEqualTo(describe(source));
    assertThat(target.resolve("sub/c.txt")).hasSameTextualContentAs(source.resolve("sub/c.txt"));
  }

  private void copyTree(Path target) throws IOException {
    Files.createDirectories(target.resolve("sub"));
    for (String name : List.of("a.txt", "b.txt", "sub/c.txt")) {
      Files.write(target.resolve(name), PerkeepTestData.bytes("testdata/tree/" + name));
    }
  }

  private static List<String> describe(Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.sorted().toList()) {
        lines.add(
            root.relativize(path)
                + " "
                + (Files.isDirectory(path) ? "dir" : Files.size(path))
                + " "
                + Files.getLastModifiedTime(path).toInstant()
                + " "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
      }
    }
    return lines;
  }
}
