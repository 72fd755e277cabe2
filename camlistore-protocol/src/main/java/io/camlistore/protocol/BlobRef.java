package io.camlistore.protocol;

import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The name of a blob: a hash function name and the lowercase hex digest of the blob's bytes under
 * that function, written {@code <hash>-<hex>} (for example {@code
 * sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3}).
 *
 * <p>Immutable and thread-safe. Refs compare by their canonical text, which is the order in which a
 * Perkeep server enumerates blobs.
 */
public final class BlobRef implements Comparable<BlobRef> {
  private static final HexFormat HEX = HexFormat.of();

  private final HashAlgorithm algorithm;
  private final String text;

  private BlobRef(HashAlgorithm algorithm, String text) {
    this.algorithm = algorithm;
    this.text = text;
  }

  /**
   * Parses a blobref.
   *
   * @param text a blobref such as {@code sha224-5e11...66e3}; only {@code sha1}, {@code sha224} and
   *     {@code sha256} are accepted, with a digest of exactly the right length in lowercase hex
   * @return the blobref
   * @throws IllegalArgumentException quoting the input and saying what is wrong with it
   */
  public static BlobRef parse(String text) {
    Objects.requireNonNull(text, "blobref text");
    int dash = text.indexOf('-');
    if (dash <= 0) {
      throw new IllegalArgumentException(
          "not a blobref: '" + text + "' (expected <hash>-<lowercase hex digest>)");
    }
    String name = text.substring(0, dash);
    HashAlgorithm algorithm = HashAlgorithm.byName(name);
    if (algorithm == null) {
      throw new IllegalArgumentException(
          "not a blobref: '"
              + text
              + "' (unsupported hash '"
              + name
              + "'; use one of "
              + HashAlgorithm.supportedNames()
              + ")");
    }
    String digest = text.substring(dash + 1);
    if (digest.length() != algorithm.hexLength()) {
      throw new IllegalArgumentException(
          "not a blobref: '"
              + text
              + "' ("
              + name
              + " digests have "
              + algorithm.hexLength()
              + " hex characters, this one has "
              + digest.length()
              + ")");
    }
    for (int i = 0; i < digest.length(); i++) {
      char c = digest.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new IllegalArgumentException(
            "not a blobref: '"
                + text
                + "' (digest must be lowercase hex; found '"
                + c
                + "' at "
                + (dash + 1 + i)
                + ")");
      }
    }
    return new BlobRef(algorithm, text);
  }

  /**
   * Parses a blobref, or returns null when the text is not one.
   *
   * @param text candidate blobref text, may be null
   * @return the blobref, or null when {@link #parse(String)} would reject the text
   */
  public static @Nullable BlobRef parseOrNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Makes a blobref from a finished digest.
   *
   * @param hashName {@code sha1}, {@code sha224} or {@code sha256}
   * @param digest the raw digest bytes, of the length the hash produces
   * @return the blobref
   * @throws IllegalArgumentException if the name is unsupported or the digest has the wrong length
   */
  public static BlobRef fromDigest(String hashName, byte[] digest) {
    HashAlgorithm algorithm = HashAlgorithm.require(hashName);
    if (digest.length * 2 != algorithm.hexLength()) {
      throw new IllegalArgumentException(
          hashName + " digests have " + algorithm.hexLength() / 2 + " bytes, got " + digest.length);
    }
    return new BlobRef(algorithm, hashName + "-" + HEX.formatHex(digest));
  }

  /**
   * Computes the blobref of some bytes.
   *
   * @param hashName {@code sha1}, {@code sha224} or {@code sha256}
   * @param data the blob's bytes
   * @return the blobref of {@code data} under that hash
   * @throws IllegalArgumentException if the hash name is unsupported
   */
  public static BlobRef compute(String hashName, byte[] data) {
    return fromDigest(hashName, HashAlgorithm.require(hashName).newDigest().digest(data));
  }

  /** {@return the hash function name, e.g. {@code sha224}} */
  public String hashName() {
    return algorithm.blobRefName();
  }

  /** {@return the lowercase hex digest, without the hash name} */
  public String digest() {
    return text.substring(text.indexOf('-') + 1);
  }

  /** {@return the canonical text form {@code <hash>-<hex>}} */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof BlobRef that && that.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public int compareTo(BlobRef other) {
    return text.compareTo(other.text);
  }
}
