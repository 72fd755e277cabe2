package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.BlobRef;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of a server on a storage directory covers the blobs an earlier server stored. */
class SearchStorageIT {
  @TempDir Path blobs;

  @Test
  void aNewServerOnTheSameDirectoryFindsTheOldPermanodes() {
    BlobRef made;
    try (EmbeddedCamlistoreServer first = server().start();
        Connection conn = Camlistore.connect(first.url())) {
      made = conn.permanodes().create(Map.of("title", "Persistent"));
    }

    try (EmbeddedCamlistoreServer second = server().start();
        Connection conn = Camlistore.connect(second.url())) {
      assertThat(conn.searcher().query("title:persistent"))
          .extracting(r -> r.blobRef())
          .containsExactly(made);
      assertThat(second.blobCount()).isEqualTo(3);
    }
  }

  private EmbeddedCamlistoreServer.Builder server() {
    return EmbeddedCamlistoreServer.builder().storageDirectory(blobs).signer(TestIdentity.signer());
  }
}
