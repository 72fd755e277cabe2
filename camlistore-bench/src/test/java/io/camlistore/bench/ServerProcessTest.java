package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server in a child JVM, as the benchmark runs it without a real server. */
class ServerProcessTest {
  @Test
  void servesFromItsStorageFolderUntilClosed(@TempDir Path storage) throws Exception {
    Blob blob = Blob.of("kept in the child's storage");
    try (ServerProcess server = ServerProcess.start(storage)) {
      try (Connection conn = Camlistore.connect(server.url())) {
        conn.blobs().put(blob);

        assertThat(conn.blobs().get(blob.blobRef())).isEqualTo(blob);
      }
    }

    try (var stored = Files.walk(storage)) {
      assertThat(stored.filter(Files::isRegularFile)).isNotEmpty();
    }
  }
}
