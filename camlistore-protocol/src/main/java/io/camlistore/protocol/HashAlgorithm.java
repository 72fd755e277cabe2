package io.camlistore.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The hash functions a blobref may name, with the digest length each one fixes. */
public enum HashAlgorithm {
  /** Legacy hash, still accepted by Perkeep servers. */
  SHA1("sha1", "SHA-1", 20),
  /** The server's preferred hash and this client's default. */
  SHA224("sha224", "SHA-224", 28),
  /** Accepted by newer Perkeep servers only. */
  SHA256("sha256", "SHA-256", 32);

  private final String blobRefName;
  private final String jcaName;
  private final int digestBytes;

  HashAlgorithm(String blobRefName, String jcaName, int digestBytes) {
    this.blobRefName = blobRefName;
    this.jcaName = jcaName;
    this.digestBytes = digestBytes;
  }

  /** {@return the name used in blobrefs, e.g. {@code sha224}} */
  public String blobRefName() {
    return blobRefName;
  }

  /** {@return number of lowercase hex characters of a digest of this algorithm} */
  public int hexLength() {
    return digestBytes * 2;
  }

  /** {@return a fresh digest for this algorithm} */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      // Every Java 17 runtime ships SHA-1, SHA-224 and SHA-256.
      throw new IllegalStateException("JVM lacks " + jcaName, e);
    }
  }

  /**
   * Looks up an algorithm by its blobref name.
   *
   * @param blobRefName {@code sha1}, {@code sha224} or {@code sha256}
   * @return the algorithm, or null for any other name
   */
  public static @Nullable HashAlgorithm byName(String blobRefName) {
    for (HashAlgorithm algorithm : values()) {
      if (algorithm.blobRefName.equals(blobRefName)) {
        return algorithm;
      }
    }
    return null;
  }

  /**
   * Looks up an algorithm by its blobref name.
   *
   * @param blobRefName {@code sha1}, {@code sha224} or {@code sha256}
   * @return the algorithm
   * @throws IllegalArgumentException naming the input and the supported names
   */
  public static HashAlgorithm require(String blobRefName) {
    HashAlgorithm algorithm = byName(blobRefName);
    if (algorithm == null) {
      throw new IllegalArgumentException(
          "unsupported hash function '" + blobRefName + "': use one of " + supportedNames());
    }
    return algorithm;
  }

  /** {@return the supported names, for error messages} */
  public static String supportedNames() {
    StringBuilder names = new StringBuilder();
    for (HashAlgorithm algorithm : values()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(algorithm.blobRefName);
    }
    return names.toString();
  }

  @Override
  public String toString() {
    return blobRefName.toLowerCase(Locale.ROOT);
  }
}
