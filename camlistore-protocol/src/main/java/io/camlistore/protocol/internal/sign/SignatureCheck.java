package io.camlistore.protocol.internal.sign;

import io.camlistore.protocol.sign.InvalidSignatureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks a {@code camliSig} over a payload with a public key, accepting what Perkeep accepts: a
 * binary-document signature made with SHA-1 or SHA-256. Bouncy Castle parses the packet, so both
 * Go's full-width MPIs and minimal MPIs are read.
 */
public final class SignatureCheck {
  private SignatureCheck() {}

  /**
   * Verifies a signature.
   *
   * @param payload the signed bytes
   * @param camliSig the one-line armored signature
   * @param key the signer's public key
   * @throws InvalidSignatureException with the reason when the signature is not valid
   */
  public static void verify(byte[] payload, String camliSig, PGPPublicKey key) {
    PGPSignature signature = readSignature(camliSig);
    if (signature.getHashAlgorithm() != HashAlgorithmTags.SHA1
        && signature.getHashAlgorithm() != HashAlgorithmTags.SHA256) {
      throw new InvalidSignatureException(
          "signature uses OpenPGP hash algorithm "
              + signature.getHashAlgorithm()
              + "; only SHA-1 (2) and SHA-256 (8) are accepted");
    }
    if (signature.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
      throw new InvalidSignatureException(
          "signature has type "
              + signature.getSignatureType()
              + "; only binary-document signatures (0) are accepted");
    }
    boolean valid;
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(payload);
      valid = signature.verify();
    } catch (PGPException | RuntimeException e) {
      // Bouncy Castle reports a key/signature algorithm mismatch or a malformed value this way.
      throw new InvalidSignatureException("signature cannot be checked: " + e.getMessage(), e);
    }
    if (!valid) {
      throw new InvalidSignatureException("signature verification failed");
    }
  }

  private static PGPSignature readSignature(String camliSig) {
    byte[] packets;
    try {
      packets = Armor.decodeOneLine(camliSig);
    } catch (IllegalArgumentException e) {
      throw new InvalidSignatureException("camliSig is not valid armor: " + e.getMessage(), e);
    }
    BCPGInputStream in = new BCPGInputStream(new ByteArrayInputStream(packets));
    int tag;
    try {
      tag = in.nextPacketTag();
    } catch (IOException e) {
      throw new InvalidSignatureException("camliSig holds no readable OpenPGP packet", e);
    }
    if (tag < 0) {
      throw new InvalidSignatureException("camliSig holds no OpenPGP packet");
    }
    if (tag != Packets.TAG_SIGNATURE) {
      throw new InvalidSignatureException(
          "camliSig holds an OpenPGP packet with tag " + tag + ", not a signature");
    }
    try {
      return new PGPSignature(in);
    } catch (IOException | PGPException | RuntimeException e) {
      throw new InvalidSignatureException(
          "camliSig holds a malformed signature packet: " + e.getMessage(), e);
    }
  }
}
