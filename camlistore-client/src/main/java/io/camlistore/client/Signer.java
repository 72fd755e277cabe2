package io.camlistore.client;

/**
 * Signs schema blobs (permanodes, claims) so the server accepts them as the owner's. Two kinds
 * exist: the server's own sign helper (used by default when discovery advertises one) and a local
 * OpenPGP signer.
 *
 * <p>Implementations are thread-safe.
 */
public interface Signer {
  /** {@return the blobref of the signer's public-key blob, the {@code camliSigner} value} */
  BlobRef publicKeyBlobRef();

  /**
   * Signs an unsigned JSON object that contains {@code camliSigner} (PROTOCOL: JSON signing).
   *
   * @param unsignedJson the object as text; its exact bytes up to the last {@code }} are signed
   * @return the signed blob text, ending with {@code ,"camliSig":"..."}} and a newline
   * @throws CamlistoreException if signing fails
   */
  String sign(String unsignedJson);
}
