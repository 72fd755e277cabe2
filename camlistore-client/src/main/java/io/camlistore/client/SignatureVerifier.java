package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.sign.InvalidSignatureException;
import io.camlistore.protocol.sign.SignedBlobVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks signed schema blobs locally against one public key blob, the way a Perkeep server does
 * (PROTOCOL §9): the payload before the last {@code ,"camliSig":"} must name this key blob as
 * {@code camliSigner}, and the {@code camliSig} must be a valid SHA-1 or SHA-256 binary signature
 * over the payload bytes by that key. Signatures written by Go (full-width MPI) and by other
 * OpenPGP implementations (minimal MPI, issuer in the unhashed area) are both accepted.
 *
 * <p>The check itself is the protocol module's {@link SignedBlobVerifier}. A malformed or forged
 * blob is not an error: {@link #verify(Blob)} returns an invalid {@link VerificationResult} with
 * the reason. Immutable and thread-safe.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.forPublicKey(publicKeyBlob);
 * VerificationResult result = verifier.verify(signedBlob);
 * }</pre>
 */
public final class SignatureVerifier {
  private final Blob publicKeyBlob;
  private final SignedBlobVerifier verifier;

  private SignatureVerifier(Blob publicKeyBlob, SignedBlobVerifier verifier) {
    this.publicKeyBlob = publicKeyBlob;
    this.verifier = verifier;
  }

  /**
   * Creates a verifier for the key in a public key blob.
   *
   * @param publicKeyBlob an ASCII-armored OpenPGP public key, as served by a Perkeep server
   * @return the verifier
   * @throws IllegalArgumentException naming the blob if it is not an armored public key
   */
  public static SignatureVerifier forPublicKey(Blob publicKeyBlob) {
    Objects.requireNonNull(publicKeyBlob, "publicKeyBlob");
    try {
      return new SignatureVerifier(
          publicKeyBlob, SignedBlobVerifier.forPublicKeyBlob(publicKeyBlob.data()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "blob " + publicKeyBlob.blobRef() + " is not a public key blob: " + e.getMessage(), e);
    }
  }

  /** {@return the ref of the public key blob that signed blobs must name as {@code camliSigner}} */
  public BlobRef publicKeyBlobRef() {
    return publicKeyBlob.blobRef();
  }

  /** {@return the key's id, 16 uppercase hex digits} */
  public String keyId() {
    return verifier.keyId();
  }

  /**
   * Checks a signed blob.
   *
   * @param signedBlob the signed blob
   * @return valid with this key's id, or invalid with the reason
   */
  public VerificationResult verify(Blob signedBlob) {
    return verify(signedBlob.data());
  }

  /**
   * Checks a signed blob given as text (its UTF-8 bytes are what was signed).
   *
   * @param signedBlob the signed blob text
   * @return valid with this key's id, or invalid with the reason
   */
  public VerificationResult verify(String signedBlob) {
    return verify(signedBlob.getBytes(StandardCharsets.UTF_8));
  }

  private VerificationResult verify(byte[] signedBlob) {
    try {
      return VerificationResult.valid(verifier.check(signedBlob));
    } catch (InvalidSignatureException e) {
      return VerificationResult.invalid(Objects.requireNonNullElse(e.getMessage(), "invalid"));
    }
  }

  @Override
  public String toString() {
    return "SignatureVerifier{key=" + keyId() + ", publicKey=" + publicKeyBlob.blobRef() + "}";
  }
}
