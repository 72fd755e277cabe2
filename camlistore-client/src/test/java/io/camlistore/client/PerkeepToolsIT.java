package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepTools;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Go tools and this client agree on the blobs they store, on a real server. */
@RealPerkeep(tools = true)
class PerkeepToolsIT {
  @Test
  void goReadsABlobJavaStored(RealPerkeepServer server, PerkeepTools tools) {
    byte[] content = ("java wrote " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    try (Connection conn = TestkitSupport.connect(server)) {
      BlobRef ref = conn.blobs().put(Blob.of(content));

      assertThat(tools.pkGet(ref.toString())).isEqualTo(content);
    }
  }

  @Test
  void aFailingToolRunNamesTheToolAndItsError(PerkeepTools tools) {
    assertThatThrownBy(() -> tools.pkGet("not-a-blobref"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pk-get not-a-blobref exited with");
  }
}
