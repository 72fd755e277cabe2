package io.camlistore.client;

import static io.camlistore.client.internal.PerkeepTestData.DIRECTORY_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.bytes;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.internal.PerkeepTestData;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory trees against the testkit's embedded server: the schemas pk-put makes for the test
 * tree, restore of names, content, times, permissions and symlinks, big directories split into
 * merge sets, and refusal of unsafe or overwriting restores. Every test also checks that no pooled
 * connection leaked.
 */
class FileClientDirectoryTest {
  private static final BlobRef TREE =
      BlobRef.parse("sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f");
  private static final BlobRef TREE_SUB =
      BlobRef.parse("sha224-520a57215b14a47915c40794ed5c0a9822073405b1917fa9af76c35c");
  private static final BlobRef TREE_ENTRIES =
      BlobRef.parse("sha224-6a00fb68d7f9af364a8802f284b32078e11149f66f22b13e94e5b159");
  private static final Instant PK_PUT_MTIME = Instant.parse("2020-11-01T12:00:00Z");

  @RegisterExtension
  static final EmbeddedCamlistoreServerExtension CAMLISTORE =
      EmbeddedCamlistoreServerExtension.create(EmbeddedFileConnection.serverBuilder());

  @TempDir Path temp;

  private EmbeddedCamlistoreServer server;
  private EmbeddedFileConnection fixture;
  private Connection conn;
  private FileClient files;

  /** Files recorded with the attributes pk-put recorded for the test data. */
  private FileClient pinned;

  @BeforeEach
  void connect() {
    server = CAMLISTORE.server();
    fixture =
        new EmbeddedFileConnection(
            server, (path, follow) -> Files.isDirectory(path) ? DIRECTORY_METADATA : FILE_METADATA);
    conn = fixture.connection();
    files = conn.files();
    pinned = fixture.pinned();
  }

  @AfterEach
  void noConnectionLeaks() {
    fixture.close();
  }

  @Test
  void putDirectoryOfTheTestTreeMakesPkPutsSchemasChildrenFirst() throws URISyntaxException {
    BlobRef ref = pinned.putDirectory(testTree());

    assertThat(ref).isEqualTo(TREE);
    assertThat(requireNonNull(server.blob(TREE)))
        .isEqualTo(bytes("testdata/schemas/tree-dir.json"));
    assertThat(requireNonNull(server.blob(TREE_SUB)))
        .isEqualTo(bytes("testdata/schemas/tree-sub-dir.json"));
    assertThat(requireNonNull(server.blob(TREE_ENTRIES)))
        .isEqualTo(bytes("fixtures/raw/43e-get-static-set.resp.body"));
    assertThat(fixture.orderViolations()).isEmpty();
    // 3 chunks, 3 files, 2 static-sets, 2 directories: one request, each after its children.
    assertThat(server.blobCount()).isEqualTo(10);
    assertThat(UploadLog.uploads(server))
        .singleElement()
        .satisfies(u -> assertThat(u).hasSize(10).endsWith(TREE));
    assertThat(UploadLog.stats(server)).isEqualTo(1);
  }

  @Test
  void getDirectoryRestoresTheTestTreeWithItsTimesAndPermissions()
      throws IOException, URISyntaxException {
    pinned.putDirectory(testTree());
    Path target = temp.resolve("restored");

    files.getDirectory(TREE, target);

    assertThat(Files.readString(target.resolve("a.txt")))
        .isEqualTo(Files.readString(testTree().resolve("a.txt")));
    assertThat(Files.readString(target.resolve("b.txt")))
        .isEqualTo(Files.readString(testTree().resolve("b.txt")));
    assertThat(Files.readString(target.resolve("sub/c.txt")))
        .isEqualTo(Files.readString(testTree().resolve("sub/c.txt")));
    try (Stream<Path> all = Files.walk(target)) {
      assertThat(all.count()).isEqualTo(5);
    }
    for (String path : List.of("", "sub", "a.txt", "b.txt", "sub/c.txt")) {
      Path restored = target.resolve(path);
      assertThat(Files.getLastModifiedTime(restored).toInstant()).as(path).isEqualTo(PK_PUT_MTIME);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored)))
          .as(path)
          .isEqualTo(Files.isDirectory(restored) ? "rwxr-xr-x" : "rw-r--r--");
    }
  }

  @Test
  void aRoundTripKeepsNamesContentTimesPermissionsAndSymlinks() throws IOException {
    Path source = temp.resolve("source");
    Files.createDirectories(source.resolve("docs/empty-dir"));
    write(source.resolve("docs/report.txt"), "quarterly\n", "rw-------", "2019-05-06T07:08:09Z");
    write(source.resolve("empty.txt"), "", "rw-r--r--", "2018-01-01T00:00:00.123456789Z");
    write(source.resolve("a<b>&é \"q\".txt"), "tricky", "rw-r--r--", "2017-01-01T00:00:00Z");
    byte[] big = new byte[700_000];
    new java.util.Random(9).nextBytes(big);
    Files.write(source.resolve("big.bin"), big);
    Files.createSymbolicLink(source.resolve("link-to-report"), Path.of("docs/report.txt"));
    Files.createSymbolicLink(source.resolve("dangling"), Path.of("/nowhere/at/all"));
    Files.setPosixFilePermissions(
        source.resolve("docs"), PosixFilePermissions.fromString("rwx------"));
    Files.setLastModifiedTime(source.resolve("docs/empty-dir"), time("2016-02-03T04:05:06Z"));
    Files.setLastModifiedTime(source.resolve("docs"), time("2015-02-03T04:05:06Z"));

    BlobRef ref = files.putDirectory(source);
    Path target = temp.resolve("target");
    files.getDirectory(ref, target);

    assertThat(describe(target)).isEqualTo(describe(source));
    assertThat(Files.readSymbolicLink(target.resolve("dangling")))
        .isEqualTo(Path.of("/nowhere/at/all"));
    assertThat(Files.readString(target.resolve("link-to-report"))).isEqualTo("quarterly\n");
    assertThat(fixture.orderViolations()).isEmpty();
  }

  @Test
  void getDirectoryNeverOverwrites() throws IOException, URISyntaxException {
    pinned.putDirectory(testTree());
    Path occupied = temp.resolve("occupied");
    Files.createDirectory(occupied);
    Files.writeString(occupied.resolve("mine.txt"), "keep me");
    Path aFile = temp.resolve("file.txt");
    Files.writeString(aFile, "keep me too");

    assertThatThrownBy(() -> files.getDirectory(TREE, occupied))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an empty directory");
    assertThatThrownBy(() -> files.getDirectory(TREE, aFile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(aFile.toString());
    assertThat(Files.readString(occupied.resolve("mine.txt"))).isEqualTo("keep me");
    assertThat(Files.readString(aFile)).isEqualTo("keep me too");

    Path empty = temp.resolve("empty");
    Files.createDirectory(empty);
    files.getDirectory(TREE, empty);
    assertThat(empty.resolve("sub/c.txt")).exists();
  }

  @Test
  void twoEntriesWithTheSameNameFailTheRestoreWithoutOverwritingTheFirst() {
    Blob first = Blob.of("first");
    Blob second = Blob.of("second");
    store(first);
    store(second);
    BlobRef firstFile = storeFile("same.txt", first);
    BlobRef secondFile = storeFile("same.txt", second);
    BlobRef set = storeSchema(staticSet(firstFile, secondFile));
    BlobRef dir = storeSchema(FileSchema.directory("d", set, FileMetadata.empty()));
    Path target = temp.resolve("dup");

    assertThatThrownBy(() -> files.getDirectory(dir, target))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("same.txt");
    assertThat(target.resolve("same.txt")).hasContent("first");
  }

  @Test
  void anEntryNamedToEscapeTheTargetIsRefusedBeforeWritingIt() {
    Blob content = Blob.of("evil");
    store(content);
    List<String> names = List.of("..", "../escape.txt", ".", "a\\b");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("camliType", "file");
      file.put("fileName", name);
      file.put("parts", List.of(Map.of("blobRef", content.blobRef(), "size", 4)));
      BlobRef fileRef = storeSchema(file);
      BlobRef dir =
          storeSchema(
              FileSchema.directory("d", storeSchema(staticSet(fileRef)), FileMetadata.empty()));
      Path target = temp.resolve("t" + i);

      assertThatThrownBy(() -> files.getDirectory(dir, target))
          .as(name)
          .isInstanceOfSatisfying(
              InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(fileRef))
          .hasMessageContaining("unsafe fileName");
    }
    assertThat(temp.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void getDirectoryOfAFileSchemaOrOfASetThatIsNotAStaticSetIsInvalid() {
    Blob content = Blob.of("x");
    store(content);
    BlobRef fileRef = storeFile("x", content);
    BlobRef wrongEntries = storeSchema(FileSchema.directory("d", fileRef, FileMetadata.empty()));

    assertThatThrownBy(() -> files.getDirectory(fileRef, temp.resolve("a")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("camliType 'file', not 'directory'");
    assertThatThrownBy(() -> files.getDirectory(wrongEntries, temp.resolve("b")))
        .isInstanceOfSatisfying(
            InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(fileRef))
        .hasMessageContaining("not 'static-set'");
  }

  @Test
  void aDirectoryPermanodeNamesTheDirectorySchemaOnceTheTreeIsStored() throws URISyntaxException {
    try (Connection signed = fixture.connectSigning()) {
      FileUpload upload = signed.files().putDirectory(testTree(), FileOptions.permanode());

      BlobRef permanode = requireNonNull(upload.permanodeRef());
      List<List<BlobRef>> uploads = UploadLog.uploads(server);
      // A small tree and its permanode: one stat, one request, the permanode after the directory.
      assertThat(UploadLog.stats(server)).isEqualTo(1);
      assertThat(uploads).hasSize(1);
      List<BlobRef> request = uploads.get(0);
      assertThat(request.indexOf(permanode)).isGreaterThan(request.indexOf(upload.contentRef()));
      assertThat(
              server.blobRefs().stream()
                  .map(this::text)
                  .filter(t -> t.contains("\"attribute\": \"camliContent\"")))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("\"value\": \"" + upload.contentRef() + "\"");
      assertThat(
              server.blobRefs().stream()
                  .map(this::text)
                  .filter(t -> t.contains("\"attribute\": \"title\"")))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("\"value\": \"tree\"");
    }
  }

  @Test
  void putDirectoryRefusesAFile() throws IOException {
    Path file = temp.resolve("plain.txt");
    Files.writeString(file, "x");

    assertThatThrownBy(() -> files.putDirectory(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a directory");
    assertThat(UploadLog.stats(server)).isZero();
  }

  private static Path testTree() throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(PerkeepTestData.class.getResource("/perkeep/testdata/tree"))
            .toURI());
  }

  private static void write(Path file, String content, String permissions, String mtime)
      throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    Files.setLastModifiedTime(file, time(mtime));
  }

  private static FileTime time(String instant) {
    return FileTime.from(Instant.parse(instant));
  }

  /** Every node under a root: relative path, kind, size or target, mtime and permissions. */
  private static List<String> describe(Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.sorted().toList()) {
        String name = root.relativize(path).toString();
        if (Files.isSymbolicLink(path)) {
          lines.add(name + " -> " + Files.readSymbolicLink(path));
          continue;
        }
        String kind = Files.isDirectory(path) ? "dir" : Files.size(path) + " bytes";
        lines.add(
            name
                + " "
                + kind
                + " "
                + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant()
                + " "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
      }
    }
    return lines;
  }

  private BlobRef storeFile(String name, Blob content) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("camliType", "file");
    file.put("fileName", name);
    file.put("parts", List.of(Map.of("blobRef", content.blobRef(), "size", (long) content.size())));
    return storeSchema(file);
  }

  private static Map<String, Object> staticSet(BlobRef... members) {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("camliType", "static-set");
    set.put("members", List.of(members));
    return set;
  }

  private BlobRef storeSchema(Map<String, Object> schema) {
    Blob blob = SchemaBlobs.of(schema, "sha224");
    store(blob);
    return blob.blobRef();
  }

  /** Seeds a blob, checking that the server stored it under the blob's ref. */
  private void store(Blob blob) {
    assertThat(server.putBlob(blob.data())).isEqualTo(blob.blobRef());
  }

  private String text(BlobRef ref) {
    return new String(requireNonNull(server.blob(ref)), StandardCharsets.UTF_8);
  }
}
