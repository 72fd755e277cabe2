package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of a server on a storage directory covers the blobs an earlier server stored. */
class SearchStorageIT {
  private static final BlobRef KEY = TestIdentity.publicKeyBlobRef();
  private static final Instant T0 = Instant.parse("2020-11-01T12:00:00Z");

  @TempDir Path blobs;

  @Test
  void aNewServerOnTheSameDirectoryFindsTheOldPermanodes() {
    BlobRef made;
    try (EmbeddedCamlistoreServer first = server().start()) {
      made = signed(first, PermanodeSchemas.permanode(KEY, "persistent", T0));
      signed(
          first,
          PermanodeSchemas.attributeClaim(
              KEY, T0.plusSeconds(1), "set-attribute", made, "title", "Persistent"));
    }

    try (EmbeddedCamlistoreServer second = server().start()) {
      String found =
          Http.text(
              Http.postJson(
                  second,
                  "/my-search/camli/search/query",
                  "{\"expression\": \"title:persistent\"}"));

      assertThat(found).contains("\"blob\": \"" + made + "\"");
      assertThat(second.blobCount()).isEqualTo(3);
    }
  }

  private static BlobRef signed(EmbeddedCamlistoreServer server, String unsigned) {
    return server.putBlob(Http.bytes(TestIdentity.signer().sign(unsigned)));
  }

  private EmbeddedCamlistoreServer.Builder server() {
    return EmbeddedCamlistoreServer.builder().storageDirectory(blobs).signer(TestIdentity.signer());
  }
}
