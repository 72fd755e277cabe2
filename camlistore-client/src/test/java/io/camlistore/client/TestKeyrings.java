package io.camlistore.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.jspecify.annotations.Nullable;

/** Generates throw-away secret keyrings for tests that need a second key. */
final class TestKeyrings {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeyrings() {}

  /** A generated keyring and the id of its primary key. */
  static final class Keyring {
    private final byte[] bytes;
    private final String keyId;

    Keyring(byte[] bytes, String keyId) {
      this.bytes = bytes.clone();
      this.keyId = keyId;
    }

    byte[] bytes() {
      return bytes.clone();
    }

    String keyId() {
      return keyId;
    }
  }

  /** An unencrypted RSA-1024 keyring (small keys keep the tests fast). */
  static Keyring rsa() {
    return rsa(null);
  }

  /** An RSA-1024 keyring, protected by the passphrase when one is given. */
  static Keyring rsa(char @Nullable [] passphrase) {
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), RANDOM, 1024, 80));
    return keyring(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), passphrase);
  }

  /** An unencrypted Ed25519 keyring: a key this client cannot sign with. */
  static Keyring ed25519() {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(RANDOM));
    return keyring(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), null);
  }

  @SuppressWarnings("JavaUtilDate") // Bouncy Castle takes the key creation time as a Date
  private static Keyring keyring(
      int algorithm, AsymmetricCipherKeyPair pair, char @Nullable [] passphrase) {
    try {
      PGPKeyPair keyPair = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, algorithm, pair, new Date());
      PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
      PBESecretKeyEncryptor encryptor =
          passphrase == null
              ? null
              : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128, sha1)
                  .build(passphrase);
      PGPKeyRingGenerator generator =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              keyPair,
              "test key",
              sha1,
              null,
              null,
              new BcPGPContentSignerBuilder(algorithm, HashAlgorithmTags.SHA256),
              encryptor);
      byte[] bytes = generator.generateSecretKeyRing().getEncoded();
      return new Keyring(bytes, String.format("%016X", keyPair.getKeyID()));
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
