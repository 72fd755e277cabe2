package io.camlistore.testkit.internal.search;

import io.camlistore.testkit.internal.WireRef;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Blobrefs as Perkeep's search handler parses them: only {@code sha1} and {@code sha224}. */
final class Refs {
  /** Perkeep's {@code blob.Pattern}, with an ASCII word boundary as Go's regexp has. */
  static final Pattern IN_TEXT =
      Pattern.compile("(?<![A-Za-z0-9_])[a-z][a-z0-9]*-[a-f0-9]+(?![A-Za-z0-9_])");

  private Refs() {}

  /**
   * Parses a blobref as Go's {@code blob.Parse}.
   *
   * @param text the candidate
   * @return the ref, or null when it is not a {@code sha1} or {@code sha224} ref
   */
  static @Nullable String parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    WireRef ref = WireRef.parse(text);
    return ref != null && ref.blobRef().isPresent() ? text : null;
  }
}
