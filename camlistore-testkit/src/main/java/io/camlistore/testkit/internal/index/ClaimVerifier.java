package io.camlistore.testkit.internal.index;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import io.camlistore.client.SignatureVerifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides which signed schema blobs the index trusts. With an owner key, only blobs signed by that
 * key count, as on a real server (whose search only considers its owner's claims). Without one, any
 * blob whose signature verifies with the public key blob it names (read from the store) counts.
 *
 * <p>Verdicts are cached per blob; a blob whose key is not stored yet is checked again later.
 */
public final class ClaimVerifier {
  private final @Nullable SignatureVerifier owner;
  private final Function<String, byte @Nullable []> blobs;
  private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();
  private final Map<String, SignatureVerifier> keys = new ConcurrentHashMap<>();

  /**
   * Creates the verifier.
   *
   * @param owner the server owner's key, or null to trust every valid signature
   * @param blobs reads a stored blob by ref (null if absent), to find signers' public keys
   */
  public ClaimVerifier(
      @Nullable SignatureVerifier owner, Function<String, byte @Nullable []> blobs) {
    this.owner = owner;
    this.blobs = blobs;
  }

  /** {@return the owner's public key blobref, or null when every valid signer is trusted} */
  public @Nullable String ownerRef() {
    return owner == null ? null : owner.publicKeyBlobRef().toString();
  }

  /**
   * Tells whether a signed blob is trusted.
   *
   * @param blob the signed schema blob
   * @param signer its {@code camliSigner}
   * @return true if its signature is valid and by an accepted key
   */
  boolean trusts(SchemaBlob blob, String signer) {
    Boolean cached = verdicts.get(blob.ref());
    if (cached != null) {
      return cached;
    }
    SignatureVerifier verifier = verifierFor(signer);
    if (verifier == null) {
      return false;
    }
    boolean valid = verifier.verify(Blob.of(blob.bytes())).valid();
    verdicts.put(blob.ref(), valid);
    return valid;
  }

  private @Nullable SignatureVerifier verifierFor(String signer) {
    if (owner != null) {
      return owner.publicKeyBlobRef().toString().equals(signer) ? owner : null;
    }
    SignatureVerifier known = keys.get(signer);
    if (known != null) {
      return known;
    }
    BlobRef ref = BlobRef.parseOrNull(signer);
    byte[] key = ref == null ? null : blobs.apply(signer);
    if (ref == null || key == null) {
      return null;
    }
    try {
      SignatureVerifier verifier =
          SignatureVerifier.forPublicKey(Blob.withHash(key, ref.hashName()));
      keys.put(signer, verifier);
      return verifier;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
