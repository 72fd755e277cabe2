package io.camlistore.protocol.sign;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.internal.sign.KeyIds;
import io.camlistore.protocol.internal.sign.PublicKeyBlobs;
import io.camlistore.protocol.internal.sign.SignatureCheck;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * Checks signed blobs against one public key blob the way a Perkeep server does (PROTOCOL §9): the
 * payload before the last {@code ,"camliSig":"} must name this key blob as {@code camliSigner}, and
 * the {@code camliSig} must be a valid SHA-1 or SHA-256 binary signature over the payload bytes by
 * that key. Signatures written by Go (full-width MPI) and by other OpenPGP implementations (minimal
 * MPI, issuer in the unhashed area) are both accepted. Immutable and thread-safe.
 *
 * <pre>{@code
 * SignedBlobVerifier verifier = SignedBlobVerifier.forPublicKeyBlob(publicKeyBlobBytes);
 * String keyId = verifier.check(signedBlobBytes); // or InvalidSignatureException with the reason
 * }</pre>
 */
public final class SignedBlobVerifier {
  private final byte[] publicKeyBlob;
  private final BlobRef publicKeyBlobRef;
  private final PGPPublicKey publicKey;

  private SignedBlobVerifier(byte[] publicKeyBlob, PGPPublicKey publicKey) {
    this.publicKeyBlob = publicKeyBlob;
    this.publicKeyBlobRef = BlobRef.compute("sha224", publicKeyBlob);
    this.publicKey = publicKey;
  }

  /**
   * Creates a verifier for the key in a public key blob.
   *
   * @param publicKeyBlob an ASCII-armored OpenPGP public key, as a Perkeep server serves it
   * @return the verifier
   * @throws IllegalArgumentException saying why the bytes are not an armored public key
   */
  public static SignedBlobVerifier forPublicKeyBlob(byte[] publicKeyBlob) {
    Objects.requireNonNull(publicKeyBlob, "publicKeyBlob");
    byte[] copy = publicKeyBlob.clone();
    return new SignedBlobVerifier(copy, PublicKeyBlobs.parse(copy));
  }

  /**
   * {@return the sha224 ref of the public key blob; signed blobs name it (under any supported hash)
   * as {@code camliSigner}}
   */
  public BlobRef publicKeyBlobRef() {
    return publicKeyBlobRef;
  }

  /** {@return the key's id, 16 uppercase hex digits} */
  public String keyId() {
    return KeyIds.format(publicKey.getKeyID());
  }

  /**
   * Checks a signed blob.
   *
   * @param signedBlob the signed blob's bytes
   * @return the id of the key that made the valid signature, 16 uppercase hex digits
   * @throws InvalidSignatureException with the reason when the blob is malformed, names another
   *     signer, or its signature does not verify
   */
  public String check(byte[] signedBlob) {
    SignedJson signed = SignedJson.parse(signedBlob);
    BlobRef signer = signed.camliSigner();
    if (!signer.equals(BlobRef.compute(signer.hashName(), publicKeyBlob))) {
      throw new InvalidSignatureException(
          "signed blob names camliSigner "
              + signer
              + ", but this verifier holds public key "
              + publicKeyBlobRef
              + " (key "
              + keyId()
              + ")");
    }
    SignatureCheck.verify(signed.payload(), signed.camliSig(), publicKey);
    return keyId();
  }

  @Override
  public String toString() {
    return "SignedBlobVerifier{key=" + keyId() + ", publicKey=" + publicKeyBlobRef + "}";
  }
}
