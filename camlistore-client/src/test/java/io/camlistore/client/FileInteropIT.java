package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepTools;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files and directory trees stored by this client read back byte for byte with Perkeep's {@code
 * pk-get}, and those stored by {@code pk-put} through this client, on a real server; and both tools
 * store the same content under the same schema refs, since the client chunks and describes a file
 * exactly as {@code pk-put} does (same {@code lstat} attributes: mtime to the nanosecond, ctime
 * when it differs, owner, group and permission bits).
 *
 * <p>The content is random and new at every run, so nothing is found already stored from an earlier
 * run.
 */
@RealPerkeep(tools = true)
class FileInteropIT {
  private static final long SEED = new SecureRandom().nextLong();
  private static final Random RANDOM = new Random(SEED);

  @TempDir Path temp;

  /** Empty, one byte, one chunk over the 256 KiB of pk-put's first chunk, and several chunks. */
  static IntStream sizes() {
    return IntStream.of(0, 1, 300 * 1024, 5 * 1024 * 1024);
  }

  private static byte[] randomBytes(int size) {
    byte[] content = new byte[size];
    synchronized (RANDOM) {
      RANDOM.nextBytes(content);
    }
    return content;
  }

  private static Path randomFile(Path folder, String name, int size) throws IOException {
    Files.createDirectories(folder);
    return Files.write(folder.resolve(name), randomBytes(size));
  }

  private static String uniqueName(String suffix) {
    return "e2e-" + UUID.randomUUID() + suffix;
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("sizes")
  void pkGetReadsAFileTheClientStoredAndPkPutNamesTheSameSchema(
      int size, RealPerkeepServer server, PerkeepTools tools) throws IOException {
    Path file = randomFile(temp, uniqueName(".bin"), size);
    byte[] content = Files.readAllBytes(file);

    BlobRef ref;
    try (Connection conn = TestkitSupport.connect(server)) {
      ref = conn.files().putFile(file);
    }

    assertThat(tools.pkGet("-contents", ref.toString())).as("seed %d", SEED).isEqualTo(content);
    assertThat(tools.pkPut("file", file.toString()).strip()).isEqualTo(ref.toString());
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("sizes")
  void theClientReadsAFilePkPutStoredAndStoresItUnderTheSameSchema(
      int size, RealPerkeepServer server, PerkeepTools tools) throws IOException {
    Path file = randomFile(temp, uniqueName(".bin"), size);
    byte[] content = Files.readAllBytes(file);

    BlobRef ref = BlobRef.parse(tools.pkPut("file", file.toString()).strip());

    try (Connection conn = TestkitSupport.connect(server)) {
      try (FileContentStream in = conn.files().getFile(ref)) {
        assertThat(in.readAllBytes()).as("seed %d", SEED).isEqualTo(content);
        assertThat(in.fileName()).isEqualTo(file.getFileName().toString());
        assertThat(in.fileSize()).isEqualTo(size);
        assertThat(in.metadata().modificationTime())
            .isEqualTo(Files.getLastModifiedTime(file).toInstant());
      }
      assertThat(conn.files().putFile(file)).isEqualTo(ref);
    }
  }

  /** Names whose JSON spelling differs between encoders: non-ASCII, HTML-special, separators. */
  static Stream<String> awkwardNames() {
    return Stream.of(
        "naïve café ☕ 日本.txt",
        "<b>bold<\\b> & \"quoted\" 'single'.txt",
        "back\\slash\ttab.txt",
        "line\u2028separator\u2029paragraph.txt",
        "control\u0001\u001fchars\u007f.txt",
        "emoji 👍🏽 and combining é.txt");
  }

  @ParameterizedTest
  @MethodSource("awkwardNames")
  void pkPutAndTheClientSpellAnAwkwardFileNameAlike(
      String name, RealPerkeepServer server, PerkeepTools tools) throws IOException {
    Path file = randomFile(temp.resolve(UUID.randomUUID().toString()), name, 10);

    BlobRef ref;
    try (Connection conn = TestkitSupport.connect(server)) {
      ref = conn.files().putFile(file);
      try (FileContentStream in = conn.files().getFile(ref)) {
        assertThat(in.fileName()).isEqualTo(name);
      }
    }

    assertThat(tools.pkPut("file", file.toString()).strip()).isEqualTo(ref.toString());
  }

  /**
   * A small tree of every kind pk-put stores: nested and empty directories, empty, tiny and
   * multi-chunk files, a symlink, a file with its own permission bits, and one with an old mtime
   * (so its ctime differs and is recorded too).
   */
  private Path randomTree() throws IOException {
    Path root = temp.resolve(uniqueName("-tree"));
    randomFile(root, "notes.txt", 100);
    randomFile(root, "empty.bin", 0);
    randomFile(root.resolve("sub"), "medium.bin", 300 * 1024);
    Path old = randomFile(root.resolve("sub/deeper"), "one.bin", 1);
    Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2001-02-03T04:05:06.123456789Z")));
    Path secret = randomFile(root.resolve("sub"), "secret.txt", 10);
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.createDirectories(root.resolve("empty-dir"));
    Files.createSymbolicLink(root.resolve("link"), Path.of("sub/medium.bin"));
    return root;
  }

  @Test
  void pkGetRestoresATreeTheClientStoredAndPkPutNamesTheSameDirectory(
      RealPerkeepServer server, PerkeepTools tools) throws IOException {
    Path tree = randomTree();

    BlobRef ref;
    try (Connection conn = TestkitSupport.connect(server)) {
      ref = conn.files().putDirectory(tree);
    }
    Path restored = temp.resolve("restored-by-pk-get");
    tools.pkGet("-o", restored.toString(), ref.toString());

    // pk-get creates the directory under its stored name inside -o.
    assertThat(FileTree.of(restored.resolve(tree.getFileName().toString())))
        .as("seed %d", SEED)
        .isEqualTo(FileTree.of(tree));
    assertThat(tools.pkPut("file", tree.toString()).strip()).isEqualTo(ref.toString());
  }

  @Test
  void theClientRestoresATreePkPutStoredAndStoresItUnderTheSameDirectory(
      RealPerkeepServer server, PerkeepTools tools) throws IOException {
    Path tree = randomTree();

    BlobRef ref = BlobRef.parse(tools.pkPut("file", tree.toString()).strip());

    try (Connection conn = TestkitSupport.connect(server)) {
      Path restored = temp.resolve("restored-by-the-client");
      conn.files().getDirectory(ref, restored);

      assertThat(FileTree.of(restored)).as("seed %d", SEED).isEqualTo(FileTree.of(tree));
      assertThat(Files.getLastModifiedTime(restored.resolve("sub")))
          .isEqualTo(Files.getLastModifiedTime(tree.resolve("sub")));
      assertThat(conn.files().putDirectory(tree)).isEqualTo(ref);
    }
  }
}
