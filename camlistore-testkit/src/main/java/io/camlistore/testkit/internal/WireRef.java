package io.camlistore.testkit.internal;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.HashAlgorithm;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A blobref as a Perkeep 0.11 server parses it off the wire.
 *
 * <p>The server is more lenient than {@link BlobRef#parse(String)}: any {@code name-hex} with a
 * name of lowercase letters and digits is syntactically a blobref (e.g. {@code md5-…}), but only
 * {@code sha1} and {@code sha224} are <em>supported</em> hashes, and for those the digest length is
 * fixed. ({@code sha256} came after 0.11, so to this server it is just an unknown name.)
 */
public final class WireRef {
  private static final int MAX_UNKNOWN_DIGEST_HEX = 256;

  private final String text;
  private final @Nullable HashAlgorithm algorithm;

  private WireRef(String text, @Nullable HashAlgorithm algorithm) {
    this.text = text;
    this.algorithm = algorithm;
  }

  /**
   * Parses a blobref the way the server does.
   *
   * @param text the candidate
   * @return the ref, or null when the server would call it malformed
   */
  public static @Nullable WireRef parse(String text) {
    int dash = text.indexOf('-');
    if (dash <= 0) {
      return null;
    }
    String name = text.substring(0, dash);
    String hex = text.substring(dash + 1);
    if (!isLowerAlnum(name) || !isLowerHex(hex)) {
      return null;
    }
    HashAlgorithm algorithm = supported(name).orElse(null);
    if (algorithm != null) {
      return hex.length() == algorithm.hexLength() ? new WireRef(text, algorithm) : null;
    }
    return hex.isEmpty() || hex.length() > MAX_UNKNOWN_DIGEST_HEX ? null : new WireRef(text, null);
  }

  /**
   * Finds a hash this server can verify.
   *
   * @param name a blobref hash name
   * @return {@code sha1} or {@code sha224}; empty for anything else
   */
  public static Optional<HashAlgorithm> supported(String name) {
    return name.equals("sha1") || name.equals("sha224")
        ? Optional.ofNullable(HashAlgorithm.byName(name))
        : Optional.empty();
  }

  /** {@return the hash this ref names, if the server supports it} */
  public Optional<HashAlgorithm> algorithm() {
    return Optional.ofNullable(algorithm);
  }

  /** {@return the ref as a client {@link BlobRef}, if its hash is supported} */
  public Optional<BlobRef> blobRef() {
    return algorithm == null ? Optional.empty() : Optional.of(BlobRef.parse(text));
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof WireRef that && that.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private static boolean isLowerAlnum(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
