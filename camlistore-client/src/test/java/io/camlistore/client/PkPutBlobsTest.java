package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.Json;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The permanode and claim builders, signed with the test identity, reproduce byte for byte every
 * signed blob {@code pk-put} uploaded in the recorded traces: random and planned permanodes and
 * set/add-attribute claims. Equal bytes mean equal blobrefs, so blobs made here deduplicate with
 * blobs made by Perkeep's own tools.
 */
class PkPutBlobsTest {
  static final List<SigningFixtures.UploadedBlob> UPLOADS =
      SigningFixtures.signedUploads(
          "pkput-permanode.txt",
          "pkput-attr-set.txt",
          "pkput-attr-add.txt",
          "pkput-file-tree-filenodes.txt",
          "pkput-file-tree-permanode.txt");

  /** Rebuilds a signed blob's unsigned object from its fields with the builders. */
  static String rebuild(JsonNode blob) {
    BlobRef signer = BlobRef.parse(blob.path("camliSigner").asText());
    Instant date = Instant.parse(blob.path("claimDate").asText());
    if (blob.path("camliType").asText().equals("permanode")) {
      return blob.has("key")
          ? PermanodeSchemas.plannedPermanode(signer, blob.path("key").asText(), date)
          : PermanodeSchemas.permanode(signer, blob.path("random").asText(), date);
    }
    return PermanodeSchemas.attributeClaim(
        signer,
        date,
        blob.path("claimType").asText(),
        BlobRef.parse(blob.path("permaNode").asText()),
        blob.path("attribute").asText(),
        blob.path("value").asText());
  }

  @Test
  void everySignedBlobPkPutUploadedIsReproducedExactly() {
    LocalSigner signer = SigningFixtures.serverIdentity();
    assertThat(UPLOADS).hasSizeGreaterThanOrEqualTo(8);
    assertThat(UPLOADS)
        .extracting(upload -> upload.text().contains("\"camliType\": \"claim\""))
        .contains(true, false);

    for (SigningFixtures.UploadedBlob upload : UPLOADS) {
      JsonNode blob =
          Json.parseObject(upload.text().getBytes(StandardCharsets.UTF_8), upload.toString(), 200);
      String unsigned = rebuild(blob);

      assertThat(unsigned)
          .as("unsigned %s", upload)
          .isEqualTo(SigningFixtures.unsignedJsonOf(upload.text()));
      String signed = signer.sign(unsigned);
      assertThat(signed).as("signed %s", upload).isEqualTo(upload.text());
      assertThat(Blob.of(signed).blobRef()).isEqualTo(upload.declaredRef());
    }
  }
}
