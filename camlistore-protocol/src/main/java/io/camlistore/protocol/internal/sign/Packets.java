package io.camlistore.protocol.internal.sign;

import java.io.ByteArrayOutputStream;

/** Writes OpenPGP packets with new-format headers (RFC 4880 §4.2.2), as Go's openpgp does. */
final class Packets {
  /** Packet tag of a signature. */
  static final int TAG_SIGNATURE = 2;

  /** Packet tag of a public key. */
  static final int TAG_PUBLIC_KEY = 6;

  private Packets() {}

  /**
   * Frames a packet body.
   *
   * @param tag the packet tag
   * @param body the packet body
   * @return header followed by body
   */
  static byte[] packet(int tag, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 6);
    out.write(0xC0 | tag);
    int length = body.length;
    if (length < 192) {
      out.write(length);
    } else if (length < 8384) {
      out.write(((length - 192) >>> 8) + 192);
      out.write((length - 192) & 0xFF);
    } else {
      out.write(0xFF);
      writeUint32(out, length);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Writes the low 32 bits of a value, big-endian. */
  static void writeUint32(ByteArrayOutputStream out, long value) {
    out.write((int) (value >>> 24) & 0xFF);
    out.write((int) (value >>> 16) & 0xFF);
    out.write((int) (value >>> 8) & 0xFF);
    out.write((int) value & 0xFF);
  }
}
