package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The file tests' readers of the embedded server: {@link UploadLog} reads every part of an upload
 * and refuses a body the server recorded only in part; {@link ChildrenFirstCheck} reports a schema
 * stored before a blob it names, and only then.
 */
class UploadLogTest {
  private static final Blob CHUNK = Blob.of("0123456789");
  private static final Blob SCHEMA =
      SchemaBlobs.of(
          FileSchema.file("f", List.of(Part.blob(CHUNK.blobRef(), 10)), FileMetadata.empty()),
          "sha224");

  @Test
  void readsThePartsOfAnUploadInOrderWithTheirHeadersAndBytes() {
    try (EmbeddedCamlistoreServer server = EmbeddedFileConnection.serverBuilder().start();
        Connection conn = Camlistore.connect(server.url())) {
      conn.blobs().putMulti(List.of(CHUNK, SCHEMA));

      assertThat(UploadLog.uploads(server))
          .containsExactly(List.of(CHUNK.blobRef(), SCHEMA.blobRef()));
      assertThat(UploadLog.uploadedBlobCount(server)).isEqualTo(2);
      List<UploadLog.Part> parts = UploadLog.parts(server.requests("POST", "upload").get(0));
      assertThat(parts.get(0).headers()).contains("name=\"" + CHUNK.blobRef() + "\"");
      assertThat(parts.get(0).content()).isEqualTo(CHUNK.data());
      assertThat(parts.get(1).content()).isEqualTo(SCHEMA.data());
    }
  }

  @Test
  void refusesAnUploadRecordedOnlyInPart() {
    try (EmbeddedCamlistoreServer server =
            EmbeddedCamlistoreServer.builder().search(false).recordedBodyLimit(100).start();
        Connection conn = Camlistore.connect(server.url())) {
      conn.blobs().putMulti(List.of(CHUNK, SCHEMA));

      assertThatThrownBy(() -> UploadLog.uploads(server))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("recorded incompletely");
    }
  }

  @Test
  void countsFetchesPerBlob() {
    try (EmbeddedCamlistoreServer server = EmbeddedFileConnection.serverBuilder().start();
        Connection conn = Camlistore.connect(server.url())) {
      BlobRef ref = server.putBlob(CHUNK.data());
      conn.blobs().get(ref);
      conn.blobs().get(ref);

      assertThat(UploadLog.gets(server, ref)).isEqualTo(2);
      assertThat(UploadLog.gets(server, SCHEMA.blobRef())).isZero();
      assertThat(UploadLog.totalGets(server)).isEqualTo(2);
    }
  }

  @Test
  void reportsASchemaStoredBeforeTheBlobItNames() {
    try (EmbeddedCamlistoreServer server = EmbeddedFileConnection.serverBuilder().start()) {
      ChildrenFirstCheck check = new ChildrenFirstCheck(server);
      server.addBlobListener(check);

      server.putBlob(CHUNK.data());
      server.putBlob(SCHEMA.data());
      assertThat(check.violations()).isEmpty();

      server.clearBlobs();
      server.putBlob(SCHEMA.data());
      assertThat(check.violations())
          .containsExactly(SCHEMA.blobRef() + " arrived before its child " + CHUNK.blobRef());
    }
  }
}
