package io.camlistore.protocol.sign;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.internal.sign.Armor;
import io.camlistore.protocol.internal.sign.KeyIds;
import io.camlistore.protocol.internal.sign.SignaturePacketWriter;
import io.camlistore.protocol.internal.sign.SigningKey;
import io.camlistore.protocol.internal.sign.UnsignedJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Signs JSON objects (PROTOCOL §9) with an RSA key from an OpenPGP secret keyring, producing the
 * same bytes as Perkeep 0.11 ({@code pk-put} and the server's sign helper) for the same input, key
 * and signature time.
 *
 * <p>The OpenPGP signature creation time is part of the signed blob, so it decides the blobref. By
 * default it is the object's {@code claimDate} truncated to whole seconds, as {@code pk-put} does,
 * or {@link #SERVER_SIGN_HELPER_TIME} without a {@code claimDate}; {@link
 * #withSignatureTime(Instant)} fixes one time for every signature.
 *
 * <p>Only unencrypted RSA keys are supported (a Perkeep server's identity keyring is one).
 * Immutable and thread-safe; {@link #toString()} never shows key material.
 *
 * <pre>{@code
 * JsonSigner signer = JsonSigner.fromKeyring(secringBytes, "7559C29EFA90DC38", "identity-secring.gpg");
 * String signed = signer.sign(unsignedPermanodeJson);
 * }</pre>
 */
public final class JsonSigner {
  /**
   * The signature time Perkeep writes when it is given none, and that its HTTP sign helper always
   * uses: 2288912640 seconds (2042-07-14T01:04:00Z), Go's zero time truncated to 32 bits.
   */
  public static final Instant SERVER_SIGN_HELPER_TIME = Instant.ofEpochSecond(2288912640L);

  private static final long MAX_OPENPGP_TIME = 0xFFFFFFFFL;

  private final SigningKey key;
  private final byte[] publicKeyBlob;
  private final BlobRef publicKeyBlobRef;
  private final @Nullable Instant fixedTime;

  private JsonSigner(SigningKey key, @Nullable Instant fixedTime) {
    this.key = key;
    this.publicKeyBlob = key.publicKeyBlob().getBytes(StandardCharsets.UTF_8);
    this.publicKeyBlobRef = BlobRef.compute("sha224", publicKeyBlob);
    this.fixedTime = fixedTime;
  }

  /**
   * Reads a signer from a secret keyring (binary, as GnuPG's {@code secring.gpg} or Perkeep's
   * {@code identity-secring.gpg}, or ASCII-armored).
   *
   * @param keyring the keyring's bytes
   * @param keyId the signing key's id, 16 hex digits such as {@code 7559C29EFA90DC38}
   * @param source names the keyring in error messages, e.g. its path
   * @return the signer, using the {@code claimDate} signature time policy
   * @throws IllegalArgumentException if the key id is malformed, the bytes are not a secret
   *     keyring, or the key is missing, passphrase-protected or not RSA; the message names the
   *     source
   */
  public static JsonSigner fromKeyring(byte[] keyring, String keyId, String source) {
    Objects.requireNonNull(keyId, "keyId");
    return new JsonSigner(SigningKey.load(keyring, keyId, source), null);
  }

  /**
   * Returns a signer that writes one fixed signature creation time, whatever the JSON says.
   *
   * @param time the creation time; fractions of a second are dropped
   * @return a new signer with the same key
   * @throws IllegalArgumentException if the time is before 1970 or after 2106 (OpenPGP stores
   *     unsigned 32-bit seconds)
   */
  public JsonSigner withSignatureTime(Instant time) {
    long seconds = time.getEpochSecond();
    if (seconds < 0 || seconds > MAX_OPENPGP_TIME) {
      throw new IllegalArgumentException(
          "signature time " + time + " is outside the OpenPGP range 1970-01-01 to 2106-02-07");
    }
    return new JsonSigner(key, Instant.ofEpochSecond(seconds));
  }

  /** {@return the signing key's id, 16 uppercase hex digits} */
  public String keyId() {
    return KeyIds.format(key.keyId());
  }

  /** {@return the sha224 ref of the public key blob, which unsigned JSON names as camliSigner} */
  public BlobRef publicKeyBlobRef() {
    return publicKeyBlobRef;
  }

  /**
   * {@return a copy of the armored public key blob exactly as a Perkeep server serves it; store it
   * before blobs signed with this key}
   */
  public byte[] publicKeyBlob() {
    return publicKeyBlob.clone();
  }

  /**
   * Signs a JSON object.
   *
   * @param unsignedJson a JSON object with {@code camliVersion} and {@code camliSigner} naming this
   *     signer's public key blob (under any supported hash)
   * @return the signed blob text: the input without trailing white space and final brace, then
   *     {@code ,"camliSig":"<signature>"}, a closing brace and a newline
   * @throws IllegalArgumentException if the text is not a JSON object, lacks {@code camliVersion},
   *     or its {@code camliSigner} is missing or names another key
   */
  public String sign(String unsignedJson) {
    UnsignedJson json = UnsignedJson.parse(Objects.requireNonNull(unsignedJson, "unsignedJson"));
    BlobRef signer = json.camliSigner();
    BlobRef ownRef = BlobRef.compute(signer.hashName(), publicKeyBlob);
    if (!signer.equals(ownRef)) {
      throw new IllegalArgumentException(
          "unsigned JSON has \"camliSigner\" "
              + signer
              + ", but this signer's public key blob is "
              + ownRef
              + " (key "
              + keyId()
              + ")");
    }
    byte[] payload = json.payload().getBytes(StandardCharsets.UTF_8);
    byte[] packet =
        SignaturePacketWriter.sign(
            payload, key.privateKey(), key.keyId(), signatureTime(json.claimDate()));
    return json.payload() + ",\"camliSig\":\"" + Armor.oneLine(packet) + "\"}\n";
  }

  private long signatureTime(@Nullable Instant claimDate) {
    if (fixedTime != null) {
      return fixedTime.getEpochSecond();
    }
    // Go writes uint32(t.Unix()); the packet writer keeps the same low 32 bits.
    return (claimDate != null ? claimDate : SERVER_SIGN_HELPER_TIME).getEpochSecond();
  }

  /** The key id and public key ref; never key material. */
  @Override
  public String toString() {
    return "JsonSigner{key="
        + keyId()
        + ", publicKey="
        + publicKeyBlobRef
        + ", signatureTime="
        + (fixedTime != null ? fixedTime.toString() : "claimDate")
        + "}";
  }
}
