package io.camlistore.client;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepTools;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches of files on a real Perkeep server, checked with its own Go tools: {@code pk-get} reads
 * what {@code putFiles} stored, and {@code putFiles} finds everything {@code pk-put file
 * -filenodes} stored already there, byte for byte (chunks, file schemas, permanodes and claims).
 * Every test stores its own, uniquely made files.
 */
@RealPerkeep(tools = true)
class RealPerkeepFileBatchIT {
  /** A modification time with nanoseconds: claims are dated with it, to the nanosecond. */
  private static final Instant MTIME = Instant.parse("2021-03-04T05:06:07.123456789Z");

  @TempDir Path temp;

  @Test
  void aBatchOfFilesWithPermanodesReadsBackWithPkGet(RealPerkeepServer server, PerkeepTools tools)
      throws IOException {
    List<Path> paths = files("batch", 40, 4096);
    paths.add(file("batch", "large.bin", randomBytes(700_000)));

    List<FileResult> results;
    try (Connection conn = connect(server)) {
      results = conn.files().putFiles(sources(paths));
      assertThat(results)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(FileResult.Status.STORED));
      List<BlobRef> permanodes =
          results.stream().map(r -> requireNonNull(r.uploadOrThrow().permanodeRef())).toList();
      assertThat(conn.blobs().getSizeMulti(permanodes).values())
          .allSatisfy(size -> assertThat(size).isNotNull());
    }

    List<String> fileRefs =
        results.stream().map(r -> r.uploadOrThrow().contentRef().toString()).toList();
    assertThat(PkGetContents.read(tools, fileRefs)).isEqualTo(PkGetContents.concatenation(paths));
  }

  @Test
  void whatPkPutFilenodesStoredIsFoundAlreadyStoredBlobForBlob(
      RealPerkeepServer server, PerkeepTools tools) throws IOException {
    List<Path> paths = files("filenodes", 10, 3000);
    paths.add(file("filenodes", "large.bin", randomBytes(600_000)));
    tools.pkPut("file", "-filenodes", temp.resolve("filenodes").toString());

    List<FileResult> results;
    try (Connection conn = connect(server)) {
      results = conn.files().putFiles(sources(paths));
    }

    // Signed with the same key, every blob putFiles makes (chunks, file schema, permanode keyed by
    // the content, camliContent claim dated at the modification time) is one pk-put made.
    assertThat(results)
        .allSatisfy(
            r ->
                assertThat(r.status())
                    .as(r.toString())
                    .isEqualTo(FileResult.Status.ALREADY_STORED));
  }

  @Test
  void theSameFileStoredAgainKeepsItsPermanodeWithTheServerSignHelperToo(
      RealPerkeepServer server, PerkeepTools tools) throws IOException {
    List<Path> paths = files("again", 3, 2000);

    List<FileResult> first;
    List<FileResult> second;
    try (Connection conn = TestkitSupport.connect(server)) {
      first = conn.files().putFiles(sources(paths));
      second = conn.files().putFiles(sources(paths));
    }

    assertThat(first).allSatisfy(r -> assertThat(r.status()).isEqualTo(FileResult.Status.STORED));
    for (int i = 0; i < paths.size(); i++) {
      assertThat(second.get(i).status()).isEqualTo(FileResult.Status.ALREADY_STORED);
      assertThat(second.get(i).uploadOrThrow()).isEqualTo(first.get(i).uploadOrThrow());
    }
    FileUpload upload = first.get(0).uploadOrThrow();
    assertThat(tools.pkGet("-contents", upload.contentRef().toString()))
        .isEqualTo(Files.readAllBytes(paths.get(0)));
  }

  private static Connection connect(RealPerkeepServer server) {
    return io.camlistore.client.Camlistore.connect(
        server.url(), TestkitSupport.options(server).signer(TestkitSupport.identity()).build());
  }

  private List<Path> files(String prefix, int count, int size) throws IOException {
    String run = UUID.randomUUID().toString();
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] content = new byte[size];
      byte[] text = (run + " " + prefix + " " + i + "\n").getBytes(StandardCharsets.UTF_8);
      System.arraycopy(text, 0, content, 0, text.length);
      paths.add(file(prefix, prefix + "-" + i + ".txt", content));
    }
    return paths;
  }

  private Path file(String folder, String name, byte[] content) throws IOException {
    Path file = Files.createDirectories(temp.resolve(folder)).resolve(name);
    Files.write(file, content);
    Files.setLastModifiedTime(file, FileTime.from(MTIME));
    return file;
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(UUID.randomUUID().getLeastSignificantBits()).nextBytes(bytes);
    return bytes;
  }

  private static List<FileSource> sources(List<Path> paths) {
    return paths.stream().map(p -> FileSource.of(p, FileOptions.contentPermanode())).toList();
  }
}
