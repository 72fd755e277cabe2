package io.camlistore.protocol.internal.sign;

import io.camlistore.protocol.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;

/**
 * Builds the OpenPGP v4 detached binary signature packet exactly as Perkeep 0.11 (Go
 * x/crypto/openpgp) writes it, so that signed blobs and their blobrefs are byte-identical.
 *
 * <p>Two details differ from what Bouncy Castle's own generator writes, and both change the bytes:
 * the issuer key id sits in the <em>hashed</em> subpacket area right after the creation time, and
 * the RSA value is written as an MPI declaring the full modulus size in bits with its leading zero
 * bytes kept (a minimal MPI differs whenever the top bit of the signature is zero).
 *
 * <p>The RSA operation is the JDK's ({@code SHA256withRSA}, deterministic PKCS #1 v1.5): for a
 * reused key object it keeps its blinding values between signatures, which makes it the faster
 * choice where files are signed by the thousand.
 */
public final class SignaturePacketWriter {
  private static final int VERSION_4 = 4;
  private static final int SIG_TYPE_BINARY = 0x00;
  private static final int PUBKEY_ALGO_RSA = 1;
  private static final int HASH_ALGO_SHA256 = 8;
  private static final int SUBPACKET_CREATION_TIME = 2;
  private static final int SUBPACKET_ISSUER = 16;

  private SignaturePacketWriter() {}

  /**
   * Signs data with RSASSA-PKCS1-v1_5 over SHA-256 and returns the framed signature packet.
   *
   * @param data the signed bytes
   * @param privateKey the RSA private key; reuse one object for every signature
   * @param keyId the signer's 64-bit OpenPGP key id, written as the issuer
   * @param creationTime signature creation time in seconds since the epoch; only the low 32 bits
   *     are written, as Go does
   * @return the packet bytes, header included
   */
  public static byte[] sign(byte[] data, RSAPrivateKey privateKey, long keyId, long creationTime) {
    byte[] hashedPart = hashedPart(keyId, creationTime);
    byte[] trailer = trailer(hashedPart.length);

    byte[] digest = sha256(data, hashedPart, trailer);
    byte[] signature;
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(privateKey);
      signer.update(data);
      signer.update(hashedPart);
      signer.update(trailer);
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA signing failed", e);
    }
    int modulusBytes = (privateKey.getModulus().bitLength() + 7) / 8;

    ByteArrayOutputStream body = new ByteArrayOutputStream(hashedPart.length + modulusBytes + 8);
    body.writeBytes(hashedPart);
    body.write(0); // empty unhashed subpacket area
    body.write(0);
    body.write(digest[0]);
    body.write(digest[1]);
    int mpiBits = 8 * modulusBytes;
    body.write(mpiBits >>> 8);
    body.write(mpiBits & 0xFF);
    for (int i = signature.length; i < modulusBytes; i++) {
      body.write(0);
    }
    body.writeBytes(signature);
    return Packets.packet(Packets.TAG_SIGNATURE, body.toByteArray());
  }

  /** Version, type, algorithms and the hashed subpackets: creation time, then issuer. */
  private static byte[] hashedPart(long keyId, long creationTime) {
    ByteArrayOutputStream subpackets = new ByteArrayOutputStream(16);
    subpackets.write(5);
    subpackets.write(SUBPACKET_CREATION_TIME);
    Packets.writeUint32(subpackets, creationTime);
    subpackets.write(9);
    subpackets.write(SUBPACKET_ISSUER);
    Packets.writeUint32(subpackets, keyId >>> 32);
    Packets.writeUint32(subpackets, keyId);

    ByteArrayOutputStream out = new ByteArrayOutputStream(22);
    out.write(VERSION_4);
    out.write(SIG_TYPE_BINARY);
    out.write(PUBKEY_ALGO_RSA);
    out.write(HASH_ALGO_SHA256);
    out.write(subpackets.size() >>> 8);
    out.write(subpackets.size() & 0xFF);
    out.writeBytes(subpackets.toByteArray());
    return out.toByteArray();
  }

  /** The v4 hash trailer: {@code 04 ff} and the length of the hashed part (RFC 4880 §5.2.4). */
  private static byte[] trailer(int hashedLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(6);
    out.write(VERSION_4);
    out.write(0xFF);
    Packets.writeUint32(out, hashedLength);
    return out.toByteArray();
  }

  private static byte[] sha256(byte[]... parts) {
    MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
    for (byte[] part : parts) {
      sha256.update(part);
    }
    return sha256.digest();
  }
}
