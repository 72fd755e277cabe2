package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whose claims the index counts: with an identity only the server owner's (as a real server), and
 * without one every claim whose signature verifies with the public key blob it names.
 */
class IdentityIT {
  @Test
  void withAnIdentityClaimsSignedByOtherKeysAreStoredButIgnored() {
    try (EmbeddedCamlistoreServer server =
            EmbeddedCamlistoreServer.builder().signer(TestIdentity.signer()).start();
        Connection stranger = connect(server, OtherKeys.newSigner());
        Connection owner = Camlistore.connect(server.url())) {
      BlobRef node = stranger.permanodes().create(Map.of("title", "Not yours"));

      assertThat(owner.searcher().describeBlob(node).attributes()).isEmpty();
      assertThat(owner.searcher().getClaimsForPermanode(node)).isEmpty();
      assertThat(owner.searcher().query("title:yours")).isEmpty();
      assertThat(server.blobCount()).isEqualTo(4);
    }
  }

  @Test
  void withoutAnIdentityEveryValidSignatureCounts() {
    LocalSigner someone = OtherKeys.newSigner();
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start();
        Connection first = connect(server, TestkitSupport.identity());
        Connection second = connect(server, someone)) {
      BlobRef mine = first.permanodes().create(Map.of("title", "Mine"));
      BlobRef theirs = second.permanodes().create(Map.of("title", "Theirs"));

      assertThat(first.searcher().describeBlob(mine).attribute("title")).isEqualTo("Mine");
      assertThat(first.searcher().describeBlob(theirs).attribute("title")).isEqualTo("Theirs");
      assertThat(first.searcher().getClaimsForPermanode(theirs).get(0).signerBlobRef())
          .isEqualTo(someone.publicKeyBlobRef());
    }
  }

  @Test
  void aClaimCountsOnceItsSignersKeyArrives() {
    LocalSigner someone = OtherKeys.newSigner();
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start();
        Connection conn = Camlistore.connect(server.url())) {
      Blob permanode =
          Blob.of(
              someone.sign(
                  PermanodeSchemas.permanode(
                      someone.publicKeyBlobRef(), "r", Instant.parse("2024-01-01T00:00:00Z"))));
      Blob claim =
          Blob.of(
              someone.sign(
                  PermanodeSchemas.attributeClaim(
                      someone.publicKeyBlobRef(),
                      Instant.parse("2024-01-01T00:00:01Z"),
                      "set-attribute",
                      permanode.blobRef(),
                      "title",
                      "Late key")));
      conn.blobs().putMulti(permanode, claim);
      assertThat(conn.searcher().describeBlob(permanode.blobRef()).attributes()).isEmpty();

      conn.blobs().put(someone.publicKeyBlob());

      assertThat(conn.searcher().describeBlob(permanode.blobRef()).attribute("title"))
          .isEqualTo("Late key");
    }
  }

  @Test
  void theSignHelperSignsForTheServerAndVerifiesOnlyItsOwnKey() {
    LocalSigner someone = OtherKeys.newSigner();
    try (EmbeddedCamlistoreServer server =
            EmbeddedCamlistoreServer.builder().signer(TestIdentity.signer()).start();
        Connection conn = Camlistore.connect(server.url())) {
      ServerSigner helper = conn.serverSigner();
      String unsigned = PermanodeSchemas.permanode(helper.publicKeyBlobRef(), "r", Instant.EPOCH);
      String byStranger =
          someone.sign(PermanodeSchemas.permanode(someone.publicKeyBlobRef(), "r", Instant.EPOCH));

      String signed = helper.sign(unsigned);
      VerificationResult own = helper.verify(signed);
      VerificationResult other = helper.verify(byStranger);

      assertThat(signed)
          .isEqualTo(
              TestIdentity.signer()
                  .withSignatureTime(LocalSigner.SERVER_SIGN_HELPER_TIME)
                  .sign(unsigned));
      assertThat(helper.publicKeyBlobRef()).isEqualTo(TestIdentity.publicKeyBlobRef());
      assertThat(helper.publicKeyBlob().data()).isEqualTo(TestIdentity.signer().publicKeyBlob());
      assertThat(own.signerKeyId()).isEqualTo(TestIdentity.KEY_ID);
      assertThat(other.valid()).isFalse();
      assertThat(other.reason())
          .isEqualTo("failed to find public key " + someone.publicKeyBlobRef());
      assertThat(server.signer()).isNotNull();
    }
  }

  private static Connection connect(EmbeddedCamlistoreServer server, LocalSigner signer) {
    return Camlistore.connect(server.url(), ConnectOptions.builder().signer(signer).build());
  }
}
