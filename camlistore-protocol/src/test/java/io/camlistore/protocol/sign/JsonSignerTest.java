package io.camlistore.protocol.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.TestResources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fixture server's identity signs exactly as that server's sign helper did (PROTOCOL §9). */
class JsonSignerTest {
  static final String KEY_ID = "7559C29EFA90DC38";
  static final BlobRef PUBLIC_KEY_REF =
      BlobRef.parse("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");

  static JsonSigner serverIdentity() {
    return JsonSigner.fromKeyring(
        TestResources.bytes("test-identity-secring.gpg"), KEY_ID, "test-identity-secring.gpg");
  }

  private final JsonSigner signer = serverIdentity();

  @Test
  void signsAPermanodeExactlyLikeTheServerSignHelper() {
    String signed = signer.sign(TestResources.signRequestJson("14-sighelper-sign-permanode"));

    assertThat(signed)
        .isEqualTo(TestResources.text("fixtures/raw/14-sighelper-sign-permanode.resp.body"));
    assertThat(BlobRef.compute("sha224", signed.getBytes(StandardCharsets.UTF_8)))
        .hasToString("sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4");
  }

  @Test
  void aFixedSignatureTimeOverridesTheClaimDate() {
    String unsigned =
        "{\"camliVersion\": 1,\n  \"camliSigner\": \""
            + PUBLIC_KEY_REF
            + "\",\n  \"claimDate\": \"2020-11-01T12:00:00.75Z\"\n}";

    String byClaimDate = signer.sign(unsigned);
    String fixed =
        signer.withSignatureTime(Instant.parse("2020-11-01T12:00:00.25Z")).sign(unsigned);
    String helperTime = signer.withSignatureTime(JsonSigner.SERVER_SIGN_HELPER_TIME).sign(unsigned);

    assertThat(fixed).isEqualTo(byClaimDate);
    assertThat(helperTime).isNotEqualTo(byClaimDate);
  }

  @Test
  void publishesItsPublicKeyBlobAndKeyId() {
    assertThat(signer.keyId()).isEqualTo(KEY_ID);
    assertThat(signer.publicKeyBlobRef()).isEqualTo(PUBLIC_KEY_REF);
    assertThat(BlobRef.compute("sha224", signer.publicKeyBlob())).isEqualTo(PUBLIC_KEY_REF);
    assertThat(new String(signer.publicKeyBlob(), StandardCharsets.UTF_8))
        .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n");
  }

  @Test
  void refusesJsonNamingAnotherSigner() {
    String unsigned =
        "{\"camliVersion\": 1, \"camliSigner\": \""
            + BlobRef.compute("sha224", new byte[] {1})
            + "\"}";

    assertThatThrownBy(() -> signer.sign(unsigned))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this signer's public key blob is " + PUBLIC_KEY_REF)
        .hasMessageContaining(KEY_ID);
  }

  @Test
  void refusesSignatureTimesOpenPgpCannotStore() {
    assertThatThrownBy(() -> signer.withSignatureTime(Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OpenPGP range");
    assertThatThrownBy(() -> signer.withSignatureTime(Instant.parse("2106-02-08T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OpenPGP range");
  }

  @Test
  void refusesAKeyringThatIsNotOneNamingItsSource() {
    byte[] truncated = Arrays.copyOf(TestResources.bytes("test-identity-secring.gpg"), 300);

    assertThatThrownBy(() -> JsonSigner.fromKeyring(truncated, KEY_ID, "truncated.gpg"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an OpenPGP secret keyring: truncated.gpg");
    assertThatThrownBy(
            () ->
                JsonSigner.fromKeyring(
                    TestResources.bytes("test-identity-secring.gpg"), "0123456789ABCDEF", "ring"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no secret key 0123456789ABCDEF in keyring ring");
  }

  @Test
  void toStringShowsTheKeyButNoKeyMaterial() {
    assertThat(signer)
        .hasToString(
            "JsonSigner{key="
                + KEY_ID
                + ", publicKey="
                + PUBLIC_KEY_REF
                + ", signatureTime=claimDate}");
  }
}
