package io.camlistore.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/** Makes signers with fresh keys: identities that are not the server's. */
final class OtherKeys {
  private OtherKeys() {}

  /** A signer with a new unencrypted RSA key (1024 bits, to keep tests fast). */
  @SuppressWarnings("JavaUtilDate") // Bouncy Castle takes the key creation time as a Date
  static LocalSigner newSigner() {
    RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
    rsa.init(
        new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SecureRandom(), 1024, 80));
    try {
      PGPKeyPair pair =
          new BcPGPKeyPair(
              PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.RSA_GENERAL,
              rsa.generateKeyPair(),
              new Date());
      byte[] keyring =
          new PGPKeyRingGenerator(
                  PGPSignature.POSITIVE_CERTIFICATION,
                  pair,
                  "someone else",
                  new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                  null,
                  null,
                  new BcPGPContentSignerBuilder(
                      PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                  null)
              .generateSecretKeyRing()
              .getEncoded();
      return LocalSigner.fromKeyring(
          new ByteArrayInputStream(keyring), String.format("%016X", pair.getKeyID()));
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
