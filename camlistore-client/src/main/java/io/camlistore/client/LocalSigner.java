package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.sign.JsonSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Signs schema blobs with an RSA key from an OpenPGP secret keyring, producing the same bytes as
 * Perkeep 0.11 ({@code pk-put} and the server's sign helper) for the same input, key and signature
 * time.
 *
 * <p>The OpenPGP signature creation time is part of the signed blob, so it decides the blobref:
 *
 * <ul>
 *   <li>By default it is the object's {@code claimDate} truncated to whole seconds, as {@code
 *       pk-put} does. A planned permanode with {@code claimDate} {@code 1970-01-01T00:00:00Z} is
 *       therefore signed at time 0, which makes its ref a pure function of its key. Without a
 *       {@code claimDate} the time is {@link #SERVER_SIGN_HELPER_TIME}, which Perkeep writes when
 *       it is given no time.
 *   <li>{@link #withSignatureTime(Instant)} fixes one time for every signature; with {@link
 *       #SERVER_SIGN_HELPER_TIME} the output equals the server sign helper's.
 * </ul>
 *
 * <p>The signing itself is the protocol module's {@link JsonSigner}. Only unencrypted RSA keys are
 * supported (a Perkeep server's identity keyring is one). Immutable and thread-safe; {@link
 * #toString()} never shows key material.
 *
 * <pre>{@code
 * LocalSigner signer = LocalSigner.fromKeyring(Path.of("identity-secring.gpg"), "7559C29EFA90DC38");
 * String signed = signer.sign(unsignedPermanodeJson);
 * Blob blob = Blob.of(signed);
 * }</pre>
 */
public final class LocalSigner implements Signer {
  /**
   * The signature time Perkeep writes when it is given none, and that its HTTP sign helper always
   * uses: 2288912640 seconds (2042-07-14T01:04:00Z), Go's zero time truncated to 32 bits.
   */
  public static final Instant SERVER_SIGN_HELPER_TIME = JsonSigner.SERVER_SIGN_HELPER_TIME;

  private final JsonSigner signer;
  private final Blob publicKeyBlob;

  private LocalSigner(JsonSigner signer) {
    this.signer = signer;
    this.publicKeyBlob = Blob.of(signer.publicKeyBlob());
  }

  /**
   * Loads a signer from a secret keyring file (binary, as GnuPG's {@code secring.gpg} or Perkeep's
   * {@code identity-secring.gpg}, or ASCII-armored).
   *
   * @param secring path of the keyring
   * @param keyId the signing key's id, 16 hex digits such as {@code 7559C29EFA90DC38}
   * @return the signer, using the {@code claimDate} signature time policy
   * @throws IllegalArgumentException if the key id is malformed, the file is not a secret keyring,
   *     or the key is missing, passphrase-protected or not RSA; the message names the path
   * @throws CamlistoreException if the file cannot be read
   */
  public static LocalSigner fromKeyring(Path secring, String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(secring);
    } catch (IOException e) {
      throw new CamlistoreException("cannot read secret keyring " + secring, e);
    }
    return new LocalSigner(JsonSigner.fromKeyring(bytes, keyId, secring.toString()));
  }

  /**
   * Loads a signer from a secret keyring read from a stream.
   *
   * @param secring the keyring; read to the end but not closed
   * @param keyId the signing key's id, 16 hex digits such as {@code 7559C29EFA90DC38}
   * @return the signer, using the {@code claimDate} signature time policy
   * @throws IllegalArgumentException if the key id is malformed, the bytes are not a secret
   *     keyring, or the key is missing, passphrase-protected or not RSA
   * @throws CamlistoreException if reading the stream fails
   */
  public static LocalSigner fromKeyring(InputStream secring, String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    byte[] bytes;
    try {
      bytes = secring.readAllBytes();
    } catch (IOException e) {
      throw new CamlistoreException("cannot read secret keyring from stream", e);
    }
    return new LocalSigner(JsonSigner.fromKeyring(bytes, keyId, "(stream)"));
  }

  /**
   * Returns a signer that writes one fixed signature creation time, whatever the JSON says.
   *
   * @param time the creation time; fractions of a second are dropped
   * @return a new signer with the same key
   * @throws IllegalArgumentException if the time is before 1970 or after 2106 (OpenPGP stores
   *     unsigned 32-bit seconds)
   */
  public LocalSigner withSignatureTime(Instant time) {
    return new LocalSigner(signer.withSignatureTime(time));
  }

  /** {@return the signing key's id, 16 uppercase hex digits} */
  public String keyId() {
    return signer.keyId();
  }

  @Override
  public BlobRef publicKeyBlobRef() {
    return publicKeyBlob.blobRef();
  }

  /**
   * {@return the armored public key blob exactly as a Perkeep server serves it; upload it before
   * blobs signed with this key}
   */
  public Blob publicKeyBlob() {
    return publicKeyBlob;
  }

  @Override
  public String sign(String unsignedJson) {
    return signer.sign(unsignedJson);
  }

  /** The key id and public key ref; never key material. */
  @Override
  public String toString() {
    return signer.toString().replace("JsonSigner{", "LocalSigner{");
  }
}
