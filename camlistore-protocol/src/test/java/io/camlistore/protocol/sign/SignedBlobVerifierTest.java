package io.camlistore.protocol.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.TestResources;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signed blobs are checked as a Perkeep server checks them (PROTOCOL §9). */
class SignedBlobVerifierTest {
  private final JsonSigner signer = JsonSignerTest.serverIdentity();
  private final SignedBlobVerifier verifier =
      SignedBlobVerifier.forPublicKeyBlob(signer.publicKeyBlob());
  private final byte[] signedByServer =
      TestResources.bytes("perkeep/fixtures/raw/14-sighelper-sign-permanode.resp.body");

  @Test
  void acceptsABlobTheServerSignedNamingTheKey() {
    assertThat(verifier.check(signedByServer)).isEqualTo(JsonSignerTest.KEY_ID);
    assertThat(verifier.keyId()).isEqualTo(JsonSignerTest.KEY_ID);
    assertThat(verifier.publicKeyBlobRef()).isEqualTo(JsonSignerTest.PUBLIC_KEY_REF);
  }

  @Test
  void rejectsAPayloadChangedAfterSigning() {
    byte[] forged =
        new String(signedByServer, StandardCharsets.UTF_8)
            .replace("fixture-random-0001", "fixture-random-0002")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.check(forged))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage("signature verification failed");
  }

  @Test
  void rejectsABlobThatIsNotSigned() {
    byte[] unsigned =
        TestResources.signRequestJson("14-sighelper-sign-permanode")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.check(unsigned))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("not signed");
  }

  @Test
  void rejectsABlobNamingAnotherSigner() {
    BlobRef otherKey = BlobRef.compute("sha224", new byte[] {1});
    byte[] signedForOther =
        new String(signedByServer, StandardCharsets.UTF_8)
            .replace(JsonSignerTest.PUBLIC_KEY_REF.toString(), otherKey.toString())
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.check(signedForOther))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("names camliSigner " + otherKey)
        .hasMessageContaining("this verifier holds public key " + JsonSignerTest.PUBLIC_KEY_REF);
  }

  @Test
  void refusesBytesThatAreNoPublicKeyBlob() {
    byte[] notAKey = "hello".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SignedBlobVerifier.forPublicKeyBlob(notAKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an armored OpenPGP public key");
  }

  @Test
  void toStringNamesTheKey() {
    assertThat(verifier)
        .hasToString(
            "SignedBlobVerifier{key="
                + JsonSignerTest.KEY_ID
                + ", publicKey="
                + JsonSignerTest.PUBLIC_KEY_REF
                + "}");
  }
}
