package io.camlistore.client;

import static io.camlistore.client.SigningFixtures.KEY_ID;
import static io.camlistore.client.SigningFixtures.PUBLIC_KEY_REF;
import static io.camlistore.client.SigningFixtures.formField;
import static io.camlistore.client.SigningFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.internal.sign.Armor;
import io.camlistore.protocol.internal.sign.SignaturePacketWriter;
import io.camlistore.protocol.internal.sign.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A verifier for the fixture server's public key blob accepts every blob that server and pk-put
 * signed, and rejects, with a reason, anything else: tampered payloads, other keys, other signature
 * kinds and malformed blobs.
 */
class SignatureVerifierTest {
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.forPublicKey(SigningFixtures.publicKeyBlob());

  private static final String CLAIM = text("raw/16-sighelper-sign-claim.resp.body");
  private static final String PAYLOAD = CLAIM.substring(0, CLAIM.lastIndexOf(",\"camliSig\":\""));

  static List<String> signedFixtures() {
    List<String> blobs = new ArrayList<>();
    blobs.add(text("raw/14-sighelper-sign-permanode.resp.body"));
    blobs.add(text("raw/16-sighelper-sign-claim.resp.body"));
    blobs.add(formField("raw/17-sighelper-verify-ok.req.body", "sjson"));
    blobs.add(text("raw/43f-get-permanode-random.resp.body"));
    blobs.add(text("raw/43g-get-permanode-planned.resp.body"));
    blobs.add(text("raw/43h-get-claim.resp.body"));
    SigningFixtures.signedUploads(
            "pkput-permanode.txt",
            "pkput-attr-set.txt",
            "pkput-attr-add.txt",
            "pkput-file-tree-filenodes.txt",
            "pkput-file-tree-permanode.txt")
        .forEach(upload -> blobs.add(upload.text()));
    return blobs;
  }

  @ParameterizedTest
  @MethodSource("signedFixtures")
  void acceptsEveryBlobTheServerAndPkPutSigned(String signed) {
    VerificationResult result = VERIFIER.verify(signed);

    assertThat(result.valid()).as("%s", result).isTrue();
    assertThat(result.signerKeyId()).isEqualTo(KEY_ID);
    assertThat(result.reason()).isNull();
    assertThat(VERIFIER.verify(Blob.of(signed))).isEqualTo(result);
  }

  @Test
  void describesItsKey() {
    assertThat(VERIFIER.keyId()).isEqualTo(KEY_ID);
    assertThat(VERIFIER.publicKeyBlobRef()).isEqualTo(PUBLIC_KEY_REF);
    assertThat(VERIFIER)
        .hasToString("SignatureVerifier{key=" + KEY_ID + ", publicKey=" + PUBLIC_KEY_REF + "}");
  }

  @Test
  void rejectsTheTamperedClaimTheServerRejected() {
    // Fixture 18: fixture 16's claim with "curl" changed to "CURL", answered signatureValid=false.
    VerificationResult result =
        VERIFIER.verify(formField("raw/18-sighelper-verify-bad.req.body", "sjson"));

    assertThat(result.valid()).isFalse();
    assertThat(result.signerKeyId()).isNull();
    assertThat(result.reason()).isEqualTo("signature verification failed");
    assertThat(result).hasToString("VerificationResult{invalid: signature verification failed}");
  }

  @Test
  void rejectsABlobSignedByAnotherKey() {
    TestKeyrings.Keyring ring = TestKeyrings.rsa();
    LocalSigner other =
        LocalSigner.fromKeyring(new ByteArrayInputStream(ring.bytes()), ring.keyId());
    String signed =
        other.sign(
            "{\"camliVersion\": 1,\n  \"camliSigner\": \"" + other.publicKeyBlobRef() + "\"\n}");

    VerificationResult result = VERIFIER.verify(signed);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .contains(other.publicKeyBlobRef().toString())
        .contains(PUBLIC_KEY_REF.toString());
  }

  @Test
  void rejectsAForgedSignatureThatNamesThisKey() throws Exception {
    TestKeyrings.Keyring ring = TestKeyrings.rsa();
    PGPPrivateKey forger = privateKey(ring.bytes());
    byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
    byte[] packet =
        SignaturePacketWriter.sign(
            payload,
            SigningKey.jdkKey(
                (RSAPrivateCrtKeyParameters) new BcPGPKeyConverter().getPrivateKey(forger)),
            Long.parseUnsignedLong(KEY_ID, 16),
            0);

    VerificationResult result = VERIFIER.verify(assemble(Armor.oneLine(packet)));

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).isEqualTo("signature verification failed");
  }

  @Test
  void acceptsSignaturesWrittenByBouncyCastleWithMinimalMpis() throws Exception {
    int shorter = 0;
    for (int i = 0; i < 16; i++) {
      String payload = PAYLOAD.replace("title", "title" + i);
      PGPSignature signature =
          bouncyCastleSignature(payload, HashAlgorithmTags.SHA256, PGPSignature.BINARY_DOCUMENT);
      // Bouncy Castle declares the value's real bit length; Go would declare 2048 bits.
      if (new BigInteger(1, signature.getSignature()).bitLength() < 2048) {
        shorter++;
      }

      VerificationResult result =
          VERIFIER.verify(payload + sigPart(Armor.oneLine(signature.getEncoded())));

      assertThat(result.valid()).as("%s", result).isTrue();
    }
    assertThat(shorter).as("signatures with an MPI shorter than 2048 bits, of 16").isPositive();
  }

  @Test
  void acceptsSha1Signatures() throws Exception {
    byte[] packet =
        bouncyCastleSignature(PAYLOAD, HashAlgorithmTags.SHA1, PGPSignature.BINARY_DOCUMENT)
            .getEncoded();

    assertThat(VERIFIER.verify(assemble(Armor.oneLine(packet))).valid()).isTrue();
  }

  @Test
  void rejectsOtherHashAlgorithms() throws Exception {
    byte[] packet =
        bouncyCastleSignature(PAYLOAD, HashAlgorithmTags.SHA512, PGPSignature.BINARY_DOCUMENT)
            .getEncoded();

    assertThat(VERIFIER.verify(assemble(Armor.oneLine(packet))).reason())
        .contains("hash algorithm 10");
  }

  @Test
  void rejectsTextSignatures() throws Exception {
    byte[] packet =
        bouncyCastleSignature(
                PAYLOAD, HashAlgorithmTags.SHA256, PGPSignature.CANONICAL_TEXT_DOCUMENT)
            .getEncoded();

    assertThat(VERIFIER.verify(assemble(Armor.oneLine(packet))).reason()).contains("type 1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"camliVersion\": 1}\n|no ,\"camliSig\":\" separator",
        "[,\"camliSig\":\"x\"}\n|signed payload is not valid JSON",
        "{\"camliSigner\": \"SIGNER\",\"camliSig\":\"x\"}\n|lacks \"camliVersion\"",
        "{\"camliVersion\": 1,\"camliSig\":\"x\"}\n|lacks \"camliSigner\"",
        "{\"camliVersion\": 1, \"camliSigner\": \"me\",\"camliSig\":\"x\"}\n|'me', which is not a blobref",
        "{\"camliVersion\": 1, \"camliSigner\": [],\"camliSig\":\"x\"}\n|\"camliSigner\" of type array",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"x\",\"more\":1}\n|has 2 members",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"x\"\n|signature part is not valid JSON",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"wsBc\"}\n|no '=' before the armor checksum",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"#=AAAA\"}\n|not base64",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"wsBc=AAAA\"}\n|armor checksum 'AAAA' does not match",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"=twTO\"}\n|holds no OpenPGP packet",
        "{\"camliVersion\": 1, \"camliSigner\": \"SIGNER\",\"camliSig\":\"wgA==9ACN\"}\n|malformed signature packet",
      })
  void rejectsMalformedSignedBlobsWithTheReason(String blobAndReason) {
    int bar = blobAndReason.lastIndexOf('|');
    String blob = blobAndReason.substring(0, bar).replace("SIGNER", PUBLIC_KEY_REF.toString());

    VerificationResult result = VERIFIER.verify(blob);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains(blobAndReason.substring(bar + 1));
  }

  @Test
  void rejectsACamliSigThatIsNotASignaturePacket() {
    byte[] publicKeyPacket = SigningFixtures.dearmor(SigningFixtures.publicKeyBlob());

    VerificationResult result = VERIFIER.verify(assemble(Armor.oneLine(publicKeyPacket)));

    assertThat(result.reason()).contains("packet with tag 6, not a signature");
  }

  @Test
  void publicKeyBlobMustBeAnArmoredPublicKey() {
    Blob hello = Blob.of("Hello, Perkeep!\n");
    Blob signature =
        Blob.of("-----BEGIN PGP SIGNATURE-----\n\nwsBc\n=AAAA\n-----END PGP SIGNATURE-----\n");
    Blob truncated =
        Blob.of(
            SigningFixtures.publicKeyBlob().text().substring(0, 120)
                + "\n-----END PGP PUBLIC KEY BLOCK-----\n");

    String claimSignature =
        CLAIM.substring(CLAIM.lastIndexOf("\"camliSig\":\"") + 12, CLAIM.length() - 3);
    Blob signatureUnderKeyHeader =
        Blob.of(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
                + claimSignature.substring(0, claimSignature.lastIndexOf('='))
                + "\n"
                + claimSignature.substring(claimSignature.lastIndexOf('='))
                + "\n-----END PGP PUBLIC KEY BLOCK-----\n");

    assertThatThrownBy(() -> SignatureVerifier.forPublicKey(hello))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(hello.blobRef().toString())
        .hasMessageContaining("not an armored OpenPGP public key");
    assertThatThrownBy(() -> SignatureVerifier.forPublicKey(signature))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN PGP SIGNATURE");
    assertThatThrownBy(() -> SignatureVerifier.forPublicKey(signatureUnderKeyHeader))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no public-key packet but SignaturePacket");
    assertThatThrownBy(() -> SignatureVerifier.forPublicKey(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(truncated.blobRef().toString());
  }

  private static String assemble(String camliSig) {
    return PAYLOAD + sigPart(camliSig);
  }

  private static String sigPart(String camliSig) {
    return ",\"camliSig\":\"" + camliSig + "\"}\n";
  }

  private static PGPSecretKey primaryKey(byte[] keyring) throws IOException, PGPException {
    PGPSecretKeyRingCollection rings =
        new PGPSecretKeyRingCollection(keyring, new BcKeyFingerprintCalculator());
    return rings.getKeyRings().next().getSecretKey();
  }

  private static PGPPrivateKey privateKey(byte[] keyring) throws IOException, PGPException {
    return primaryKey(keyring).extractPrivateKey(null);
  }

  /** A signature by the fixture key as Bouncy Castle writes it (minimal MPI, its subpackets). */
  private static PGPSignature bouncyCastleSignature(String payload, int hashAlgorithm, int type)
      throws PGPException, IOException {
    PGPSecretKey key = primaryKey(SigningFixtures.bytes("test-identity-secring.gpg"));
    PGPSignatureGenerator generator =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, hashAlgorithm),
            key.getPublicKey());
    generator.init(type, key.extractPrivateKey(null));
    generator.update(payload.getBytes(StandardCharsets.UTF_8));
    return generator.generate();
  }
}
