package io.camlistore.protocol.internal.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * Perkeep public key blobs: the ASCII-armored bare public-key packet (no user id, no
 * self-signature) whose blobref is {@code camliSigner} in every signed blob.
 */
public final class PublicKeyBlobs {
  /** The armor block type of a public key blob. */
  static final String BLOCK_TYPE = "PGP PUBLIC KEY BLOCK";

  private PublicKeyBlobs() {}

  /**
   * Writes the public key blob of a key exactly as a Perkeep server serves it.
   *
   * @param key the public key
   * @return the armored text
   */
  public static String armor(PGPPublicKey key) {
    try {
      byte[] body = key.getPublicKeyPacket().getEncodedContents();
      return Armor.armor(BLOCK_TYPE, Packets.packet(Packets.TAG_PUBLIC_KEY, body));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode public key", e);
    }
  }

  /**
   * Reads a public key blob: armor of type {@code PGP PUBLIC KEY BLOCK} whose first packet is a
   * public key.
   *
   * @param blob the blob bytes
   * @return the public key
   * @throws IllegalArgumentException saying what is wrong with the blob
   */
  public static PGPPublicKey parse(byte[] blob) {
    Packet packet;
    try (ArmoredInputStream armored = new ArmoredInputStream(new ByteArrayInputStream(blob))) {
      String header = armored.getArmorHeaderLine();
      if (header == null || !header.equals("-----BEGIN " + BLOCK_TYPE + "-----")) {
        throw new IllegalArgumentException(
            "not an armored OpenPGP public key: the blob starts with '" + firstLine(blob) + "'");
      }
      packet = new BCPGInputStream(armored).readPacket();
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed armored public key: " + e.getMessage(), e);
    }
    if (!(packet instanceof PublicKeyPacket publicKeyPacket)) {
      throw new IllegalArgumentException(
          "the armored public key holds no public-key packet but "
              + (packet == null ? "nothing" : packet.getClass().getSimpleName()));
    }
    try {
      return new PGPPublicKey(publicKeyPacket, new BcKeyFingerprintCalculator());
    } catch (PGPException e) {
      throw new IllegalArgumentException("unusable public key: " + e.getMessage(), e);
    }
  }

  private static String firstLine(byte[] blob) {
    String text = new String(blob, 0, Math.min(blob.length, 80), StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
