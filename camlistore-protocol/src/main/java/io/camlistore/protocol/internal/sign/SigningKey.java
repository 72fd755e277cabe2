package io.camlistore.protocol.internal.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;
import org.jspecify.annotations.Nullable;

/**
 * An RSA signing key taken from an OpenPGP secret keyring, with the armored public key blob that
 * names it. Immutable.
 *
 * @param keyId the 64-bit OpenPGP key id
 * @param privateKey the RSA private key, as the JDK's signature engine takes it
 * @param publicKeyBlob the armored public key blob text (see {@link PublicKeyBlobs})
 */
public record SigningKey(long keyId, RSAPrivateKey privateKey, String publicKeyBlob) {

  /**
   * Reads a binary or armored secret keyring and picks the key with the given id.
   *
   * @param keyring the keyring bytes
   * @param keyId the key id, 16 hex digits
   * @param source names the keyring in error messages, e.g. its path
   * @return the key
   * @throws IllegalArgumentException if the id is malformed, the keyring is corrupt, or the key is
   *     missing, passphrase-protected or not an RSA key
   */
  public static SigningKey load(byte[] keyring, String keyId, String source) {
    long wanted = KeyIds.parse(keyId);
    PGPSecretKey secretKey = find(readKeyring(keyring, source), wanted);
    if (secretKey == null) {
      throw new IllegalArgumentException(
          "no secret key " + KeyIds.format(wanted) + " in keyring " + source);
    }
    int algorithm = secretKey.getPublicKey().getAlgorithm();
    if (algorithm != PublicKeyAlgorithmTags.RSA_GENERAL) {
      throw new IllegalArgumentException(
          "key "
              + KeyIds.format(wanted)
              + " in keyring "
              + source
              + " uses OpenPGP algorithm "
              + algorithm
              + "; only RSA keys can sign Perkeep blobs");
    }
    if (secretKey.getS2KUsage() != 0) {
      throw new IllegalArgumentException(
          "key "
              + KeyIds.format(wanted)
              + " in keyring "
              + source
              + " is passphrase-protected; only unencrypted keys are supported");
    }
    try {
      PGPPrivateKey privateKey = secretKey.extractPrivateKey(null);
      AsymmetricKeyParameter privateParams = new BcPGPKeyConverter().getPrivateKey(privateKey);
      if (!(privateParams instanceof RSAPrivateCrtKeyParameters rsa)) {
        throw new IllegalArgumentException(
            "key " + KeyIds.format(wanted) + " in keyring " + source + " lacks RSA CRT values");
      }
      return new SigningKey(wanted, jdkKey(rsa), PublicKeyBlobs.armor(secretKey.getPublicKey()));
    } catch (PGPException e) {
      throw new IllegalArgumentException(
          "cannot read secret key " + KeyIds.format(wanted) + " in keyring " + source, e);
    }
  }

  /**
   * {@return the JDK's form of an RSA private key read by Bouncy Castle, with its CRT values}
   *
   * @param key the key
   */
  public static RSAPrivateKey jdkKey(RSAPrivateCrtKeyParameters key) {
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(
                  new RSAPrivateCrtKeySpec(
                      key.getModulus(),
                      key.getPublicExponent(),
                      key.getExponent(),
                      key.getP(),
                      key.getQ(),
                      key.getDP(),
                      key.getDQ(),
                      key.getQInv()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable RSA key: " + e.getMessage(), e);
    }
  }

  private static PGPSecretKeyRingCollection readKeyring(byte[] keyring, String source) {
    try {
      return new PGPSecretKeyRingCollection(
          PGPUtil.getDecoderStream(new ByteArrayInputStream(keyring)),
          new BcKeyFingerprintCalculator());
    } catch (IOException | PGPException | RuntimeException e) {
      // The bytes are in memory, so every failure here is malformed content; Bouncy Castle reports
      // it as IOException, PGPException or an unchecked exception depending on the packet.
      throw new IllegalArgumentException(
          "not an OpenPGP secret keyring: " + source + " (" + e.getMessage() + ")", e);
    }
  }

  /** Names the key only; never the secret. */
  @Override
  public String toString() {
    return "SigningKey{" + KeyIds.format(keyId) + "}";
  }

  private static @Nullable PGPSecretKey find(PGPSecretKeyRingCollection rings, long keyId) {
    for (PGPSecretKeyRing ring : rings) {
      PGPSecretKey key = ring.getSecretKey(keyId);
      if (key != null) {
        return key;
      }
    }
    return null;
  }
}
