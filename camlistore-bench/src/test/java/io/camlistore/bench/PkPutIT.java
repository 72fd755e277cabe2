package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Auth;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.FileContentStream;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepTools;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real pk-put prints what PkPut expects, and stores what the benchmark checks for. */
@RealPerkeep(tools = true)
class PkPutIT {
  private final Random random = new Random(System.nanoTime());

  @TempDir Path dir;

  @Test
  void blobsPrintsTheRefOfEachFile(RealPerkeepServer server, PerkeepTools tools)
      throws IOException {
    List<Path> files = RandomFiles.write(dir, 3, 4096, random);

    List<BlobRef> refs = new PkPut(tools).blobs(files);

    assertThat(refs).containsExactlyInAnyOrderElementsOf(RandomFiles.blobRefs(files));
    assertStored(server, refs);
  }

  @Test
  void filePrintsTheFileSchemaOfItsContent(RealPerkeepServer server, PerkeepTools tools)
      throws IOException {
    Path file = RandomFiles.writeLarge(dir.resolve("f.bin"), 300_000, random.nextLong());

    BlobRef ref = new PkPut(tools).file(file);

    try (Connection conn =
            Camlistore.connect(
                server.url(),
                ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build());
        FileContentStream content = conn.files().getFile(ref)) {
      assertThat(RandomFiles.wholeRef(content)).isEqualTo(RandomFiles.wholeRef(file));
    }
  }

  @Test
  void fileNodesPrintsAPermanodeAndClaimPerFileAndTheDirectory(
      RealPerkeepServer server, PerkeepTools tools) throws IOException {
    List<Path> files = RandomFiles.write(dir.resolve("folder"), 3, 4096, random);

    List<BlobRef> refs = new PkPut(tools).fileNodes(dir.resolve("folder"), 3);

    assertThat(refs).hasSize(7);
    assertStored(server, refs);
    assertStored(server, RandomFiles.blobRefs(files));
    try (Connection conn =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build())) {
      assertThat(conn.blobs().get(refs.get(6)).text()).contains("\"camliType\": \"directory\"");
    }
  }

  private static void assertStored(RealPerkeepServer server, List<BlobRef> refs) {
    try (Connection conn =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build())) {
      assertThat(conn.blobs().getSizeMulti(refs).values()).doesNotContainNull();
    }
  }
}
