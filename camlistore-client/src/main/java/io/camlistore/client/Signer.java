package io.camlistore.client;

import io.camlistore.protocol.BlobRef;

/**
 * Signs Perkeep schema blobs that must carry an OpenPGP signature so the server accepts them as the
 * owner's: permanodes and claims. Two kinds exist: the server's own sign helper (used when {@link
 * ConnectOptions#signer()} is null) and {@link LocalSigner}, which signs with a secret key held by
 * this process.
 *
 * <p>The caller serializes the unsigned JSON object (it must contain {@code "camliVersion"} and
 * {@code "camliSigner"} set to {@link #publicKeyBlobRef()}); the signer keeps those bytes exactly,
 * drops trailing white space and the final closing brace, and appends the signature, so the
 * serialization alone decides the signed blob's ref:
 *
 * <pre>{@code
 * {"camliVersion": 1,
 *   "camliSigner": "sha224-9e4b…243e",
 *   "camliType": "permanode",
 *   "random": "…"
 * ,"camliSig":"wsBcBAABCAAQ…==xe9t"}
 * }</pre>
 *
 * <p>Implementations are thread-safe. The result is not uploaded: store it like any other blob,
 * e.g. {@code Blob.of(signer.sign(json))}.
 */
public interface Signer {
  /**
   * {@return the blobref of the signer's public key blob, which unsigned JSON must name as {@code
   * camliSigner} and which must be on the server for the signature to be verified there}
   */
  BlobRef publicKeyBlobRef();

  /**
   * Signs a JSON object.
   *
   * @param unsignedJson a JSON object with {@code camliVersion} and {@code camliSigner}
   * @return the signed blob text: the input without trailing white space and final brace, then
   *     {@code ,"camliSig":"<signature>"}, a closing brace and a newline
   * @throws IllegalArgumentException if the text is not a JSON object, lacks {@code camliVersion},
   *     or its {@code camliSigner} is missing or names another key
   * @throws CamlistoreException if the signature cannot be made (for example, the server's sign
   *     helper cannot be reached)
   */
  String sign(String unsignedJson);
}
