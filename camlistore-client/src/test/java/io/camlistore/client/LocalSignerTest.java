package io.camlistore.client;

import static io.camlistore.client.SigningFixtures.KEY_ID;
import static io.camlistore.client.SigningFixtures.PUBLIC_KEY_REF;
import static io.camlistore.client.SigningFixtures.formField;
import static io.camlistore.client.SigningFixtures.serverIdentity;
import static io.camlistore.client.SigningFixtures.text;
import static io.camlistore.client.SigningFixtures.unsignedJsonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A local signer given the fixture server's identity keyring reproduces, byte for byte, every
 * signed blob that server and pk-put produced (PROTOCOL §9), so the refs match as well.
 */
class LocalSignerTest {
  private static final LocalSigner SIGNER = serverIdentity();

  private static final String PERMANODE =
      "{\"camliVersion\": 1,\n"
          + "  \"camliSigner\": \""
          + PUBLIC_KEY_REF
          + "\",\n"
          + "  \"camliType\": \"permanode\",\n"
          + "  \"claimDate\": \"%s\",\n"
          + "  \"random\": \"local-signer-test\"\n"
          + "}";

  @TempDir Path tempDir;

  @Test
  void publicKeyBlobIsExactlyWhatTheServerServes() {
    Blob served = SigningFixtures.publicKeyBlob();

    assertThat(SIGNER.publicKeyBlob().data()).isEqualTo(served.data());
    assertThat(SIGNER.publicKeyBlobRef()).isEqualTo(PUBLIC_KEY_REF).isEqualTo(served.blobRef());
    assertThat(SIGNER.keyId()).isEqualTo(KEY_ID);
  }

  @Test
  void permanodeWithoutClaimDateIsSignedExactlyLikeTheServerSignHelper() {
    String unsigned = formField("raw/14-sighelper-sign-permanode.req.body", "json");
    String expected = text("raw/14-sighelper-sign-permanode.resp.body");

    String signed = SIGNER.sign(unsigned);

    assertThat(signed).isEqualTo(expected);
    assertThat(text("raw/15-sighelper-sign-permanode-again.resp.body")).isEqualTo(expected);
    assertThat(SIGNER.sign(formField("raw/15-sighelper-sign-permanode-again.req.body", "json")))
        .isEqualTo(expected);
    // Fixtures 32 and 72: the server stored and described this blob under this ref.
    assertThat(Blob.of(signed).blobRef())
        .hasToString("sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4");
  }

  @Test
  void claimIsSignedExactlyLikeTheServerSignHelperWithItsFixedTime() {
    String unsigned = formField("raw/16-sighelper-sign-claim.req.body", "json");

    String signed = SIGNER.withSignatureTime(LocalSigner.SERVER_SIGN_HELPER_TIME).sign(unsigned);

    assertThat(signed).isEqualTo(text("raw/16-sighelper-sign-claim.resp.body"));
    assertThat(Blob.of(signed).blobRef())
        .hasToString("sha224-accd2ba4eaf30d158c9bebbf2863af562cc40fc2b896f6773fb6a9b5");
    // The default policy would have used the claim's own date instead.
    assertThat(SIGNER.sign(unsigned)).isNotEqualTo(signed);
  }

  @Test
  void pkPutPermanodeIsSignedAtItsClaimDate() {
    assertReproduces(
        "raw/43f-get-permanode-random.resp.body",
        "sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265");
  }

  @Test
  void plannedPermanodeIsSignedAtTimeZero() {
    String signed =
        assertReproduces(
            "raw/43g-get-permanode-planned.resp.body",
            "sha224-505e9d4360bd6ea97eb1e895c68c88adde77c34b6a823075c6de0436");

    assertThat(creationTimeField(signed)).containsExactly(5, 2, 0, 0, 0, 0);
  }

  @Test
  void pkPutClaimIsSignedAtItsClaimDate() {
    assertReproduces(
        "raw/43h-get-claim.resp.body",
        "sha224-23371de2b979f51c8c051c8a9f66f171f0e990c6284be3009b2de760");
  }

  static List<SigningFixtures.UploadedBlob> pkPutUploads() {
    List<SigningFixtures.UploadedBlob> uploads =
        SigningFixtures.signedUploads(
            "pkput-permanode.txt",
            "pkput-attr-set.txt",
            "pkput-attr-add.txt",
            "pkput-file-tree-filenodes.txt",
            "pkput-file-tree-permanode.txt");
    assertThat(uploads).hasSize(16);
    return uploads;
  }

  @ParameterizedTest
  @MethodSource("pkPutUploads")
  void everyPermanodeAndClaimPkPutUploadedIsReproduced(SigningFixtures.UploadedBlob upload) {
    String signed = SIGNER.sign(unsignedJsonOf(upload.text()));

    assertThat(signed).isEqualTo(upload.text());
    assertThat(Blob.of(signed).blobRef()).isEqualTo(upload.declaredRef());
  }

  @Test
  void signatureTimeIsTheClaimDateTruncatedToSeconds() {
    String signed = SIGNER.sign(PERMANODE.formatted("2020-11-01T12:00:00.999999999Z"));

    assertThat(creationTimeField(signed)).containsExactly(5, 2, 0x5F, 0x9E, 0xA3, 0x40);
    assertThat(signed)
        .isEqualTo(
            SIGNER
                .withSignatureTime(Instant.parse("2020-11-01T12:00:00Z"))
                .sign(PERMANODE.formatted("2020-11-01T12:00:00.999999999Z")));
  }

  @Test
  void claimDateWithAnOffsetCountsInUtc() {
    String signed = SIGNER.sign(PERMANODE.formatted("2020-11-01T12:00:00-00:01"));

    assertThat(signed)
        .isEqualTo(
            SIGNER
                .withSignatureTime(Instant.parse("2020-11-01T12:01:00Z"))
                .sign(PERMANODE.formatted("2020-11-01T12:00:00-00:01")));
  }

  @Test
  void fixedSignatureTimeDropsFractionsAndIgnoresTheClaimDate() {
    LocalSigner fixed = SIGNER.withSignatureTime(Instant.parse("2021-01-01T00:00:00.75Z"));

    String signed = fixed.sign(PERMANODE.formatted("2020-11-01T12:00:00Z"));

    // 2021-01-01T00:00:00Z = 0x5FEE6600
    assertThat(creationTimeField(signed)).containsExactly(5, 2, 0x5F, 0xEE, 0x66, 0x00);
    assertThat(fixed)
        .hasToString(
            "LocalSigner{key="
                + KEY_ID
                + ", publicKey="
                + PUBLIC_KEY_REF
                + ", signatureTime=2021-01-01T00:00:00Z}");
  }

  @Test
  void fixedSignatureTimeOutsideTheOpenPgpRangeIsRejected() {
    assertThatThrownBy(() -> SIGNER.withSignatureTime(Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1969-12-31T23:59:59Z");
    assertThatThrownBy(() -> SIGNER.withSignatureTime(Instant.ofEpochSecond(1L << 32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2106");
  }

  @Test
  void trailingWhiteSpaceAfterTheObjectIsNotSigned() {
    String unsigned = formField("raw/14-sighelper-sign-permanode.req.body", "json");

    assertThat(SIGNER.sign(unsigned + "\n \t\r\n\u00A0\u3000"))
        .isEqualTo(text("raw/14-sighelper-sign-permanode.resp.body"));
  }

  @Test
  void signedBlobsVerifyWithThePublishedKey() {
    String signed = SIGNER.sign(PERMANODE.formatted("2026-11-25T09:30:13Z"));

    assertThat(SignatureVerifier.forPublicKey(SIGNER.publicKeyBlob()).verify(signed).valid())
        .isTrue();
  }

  @Test
  void jsonWithoutCamliSignerIsRejected() {
    assertThatThrownBy(() -> SIGNER.sign("{\"camliVersion\": 1, \"camliType\": \"permanode\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks \"camliSigner\"");
  }

  @Test
  void jsonWithoutCamliVersionIsRejected() {
    assertThatThrownBy(() -> SIGNER.sign("{\"camliSigner\": \"" + PUBLIC_KEY_REF + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks \"camliVersion\"");
  }

  @Test
  void jsonThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> SIGNER.sign("[\"camliSigner\"]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a JSON object, not array");
    assertThatThrownBy(() -> SIGNER.sign("{\"camliVersion\": 1,"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SIGNER.sign("{\"camliVersion\": 1} {}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SIGNER.sign("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void camliSignerThatIsNotABlobrefIsRejected() {
    assertThatThrownBy(() -> SIGNER.sign("{\"camliVersion\": 1, \"camliSigner\": \"me\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'me'")
        .hasMessageContaining("not a blobref");
    assertThatThrownBy(() -> SIGNER.sign("{\"camliVersion\": 1, \"camliSigner\": 7}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"camliSigner\" of type number");
  }

  @Test
  void camliSignerNamingAnotherKeyIsRejected() {
    String other = "sha224-" + "0".repeat(56);

    assertThatThrownBy(
            () -> SIGNER.sign("{\"camliVersion\": 1, \"camliSigner\": \"" + other + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(other)
        .hasMessageContaining(PUBLIC_KEY_REF.toString());
  }

  @Test
  void camliSignerMayNameThePublicKeyBlobUnderAnotherHash() {
    BlobRef sha1Ref = BlobRef.compute("sha1", SIGNER.publicKeyBlob().data());
    String unsigned = "{\"camliVersion\": 1, \"camliSigner\": \"" + sha1Ref + "\"}";

    String signed = SIGNER.sign(unsigned);

    assertThat(signed).startsWith("{\"camliVersion\": 1, \"camliSigner\": \"" + sha1Ref + "\",");
  }

  @Test
  void unparsableClaimDateIsRejected() {
    assertThatThrownBy(() -> SIGNER.sign(PERMANODE.formatted("yesterday")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'yesterday'")
        .hasMessageContaining("RFC 3339");
  }

  @Test
  void keyringFileIsLoadedByPath() throws IOException {
    Path secring = tempDir.resolve("identity-secring.gpg");
    Files.write(secring, SigningFixtures.bytes("test-identity-secring.gpg"));

    LocalSigner signer = LocalSigner.fromKeyring(secring, KEY_ID.toLowerCase(Locale.ROOT));

    assertThat(signer.publicKeyBlobRef()).isEqualTo(PUBLIC_KEY_REF);
  }

  @Test
  void missingKeyringFileIsReportedWithItsPath() {
    Path missing = tempDir.resolve("nope.gpg");

    assertThatThrownBy(() -> LocalSigner.fromKeyring(missing, KEY_ID))
        .isInstanceOf(CamlistoreException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void unreadableKeyringStreamIsReported() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk on fire");
          }
        };

    assertThatThrownBy(() -> LocalSigner.fromKeyring(failing, KEY_ID))
        .isInstanceOf(CamlistoreException.class)
        .hasMessageContaining("cannot read secret keyring")
        .hasRootCauseMessage("disk on fire");
  }

  @Test
  void keyIdNotInTheKeyringIsRejected() throws IOException {
    Path secring = tempDir.resolve("identity-secring.gpg");
    Files.write(secring, SigningFixtures.bytes("test-identity-secring.gpg"));

    assertThatThrownBy(() -> LocalSigner.fromKeyring(secring, "0123456789ABCDEF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0123456789ABCDEF")
        .hasMessageContaining(secring.toString());
  }

  @Test
  void malformedKeyIdIsRejected() {
    assertThatThrownBy(() -> keyringStreamSigner("FA90DC38"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'FA90DC38'")
        .hasMessageContaining("16 hex digits");
  }

  @Test
  void corruptKeyringIsRejected() throws IOException {
    byte[] keyring = SigningFixtures.bytes("test-identity-secring.gpg");
    Path truncated = tempDir.resolve("truncated.gpg");
    Files.write(truncated, Arrays.copyOf(keyring, 300));
    Path garbage = tempDir.resolve("garbage.gpg");
    Files.writeString(garbage, "this is not a keyring\n");

    assertThatThrownBy(() -> LocalSigner.fromKeyring(truncated, KEY_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an OpenPGP secret keyring: " + truncated);
    assertThatThrownBy(() -> LocalSigner.fromKeyring(garbage, KEY_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(garbage.toString());
  }

  @Test
  void publicKeyringIsNotASecretKeyring() {
    byte[] publicKey = SigningFixtures.dearmor(SigningFixtures.publicKeyBlob());

    assertThatThrownBy(() -> LocalSigner.fromKeyring(new ByteArrayInputStream(publicKey), KEY_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an OpenPGP secret keyring");
  }

  @Test
  void passphraseProtectedKeyIsRejected() {
    TestKeyrings.Keyring protectedRing = TestKeyrings.rsa("secret".toCharArray());

    assertThatThrownBy(
            () ->
                LocalSigner.fromKeyring(
                    new ByteArrayInputStream(protectedRing.bytes()), protectedRing.keyId()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(protectedRing.keyId())
        .hasMessageContaining("passphrase-protected");
  }

  @Test
  void nonRsaKeyIsRejected() {
    TestKeyrings.Keyring ed25519 = TestKeyrings.ed25519();

    assertThatThrownBy(
            () ->
                LocalSigner.fromKeyring(new ByteArrayInputStream(ed25519.bytes()), ed25519.keyId()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ed25519.keyId())
        .hasMessageContaining("only RSA keys");
  }

  @Test
  void anotherRsaKeySignsBlobsThatVerifyWithItsOwnPublicKeyBlob() {
    TestKeyrings.Keyring ring = TestKeyrings.rsa();
    LocalSigner other =
        LocalSigner.fromKeyring(new ByteArrayInputStream(ring.bytes()), ring.keyId());
    String unsigned =
        "{\"camliVersion\": 1,\n  \"camliSigner\": \"" + other.publicKeyBlobRef() + "\"\n}";

    String signed = other.sign(unsigned);

    VerificationResult result =
        SignatureVerifier.forPublicKey(other.publicKeyBlob()).verify(signed);
    assertThat(result.valid()).isTrue();
    assertThat(result.signerKeyId()).isEqualTo(ring.keyId());
    assertThat(other.keyId()).isEqualTo(ring.keyId());
  }

  @Test
  void toStringShowsTheKeyButNoKeyMaterial() {
    assertThat(SIGNER)
        .hasToString(
            "LocalSigner{key="
                + KEY_ID
                + ", publicKey="
                + PUBLIC_KEY_REF
                + ", signatureTime=claimDate}");
  }

  private static LocalSigner keyringStreamSigner(String keyId) {
    return LocalSigner.fromKeyring(
        new ByteArrayInputStream(SigningFixtures.bytes("test-identity-secring.gpg")), keyId);
  }

  private static String assertReproduces(String fixture, String ref) {
    String expected = text(fixture);

    String signed = SIGNER.sign(unsignedJsonOf(expected));

    assertThat(signed).isEqualTo(expected);
    assertThat(Blob.of(signed).blobRef()).hasToString(ref);
    return signed;
  }

  /** The six bytes of the creation-time subpacket of a signed blob's signature packet. */
  private static int[] creationTimeField(String signed) {
    String camliSig =
        signed.substring(signed.lastIndexOf(",\"camliSig\":\"") + 13, signed.length() - 3);
    byte[] packet = Base64.getDecoder().decode(camliSig.substring(0, camliSig.lastIndexOf('=')));
    // c2 c0 5c | 04 00 01 08 | 00 10 | 05 02 TT TT TT TT ...
    return java.util.stream.IntStream.range(9, 15).map(i -> packet[i] & 0xFF).toArray();
  }
}
