package io.camlistore.testkit.internal.index;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the index knows about a {@code file} schema blob.
 *
 * @param fileName its {@code fileName}, or empty
 * @param size the file's length: the sum of its parts' sizes
 * @param mimeType the type sniffed from the content or guessed from the name; null when unknown or
 *     when the content is not all stored
 * @param time the file's {@code unixMtime}, or null
 * @param wholeRef the {@code sha224} ref of the whole content, or null when not all of it is stored
 */
public record FileInfo(
    String fileName,
    long size,
    @Nullable String mimeType,
    @Nullable Instant time,
    @Nullable String wholeRef) {
  /** {@return whether the whole content was readable, so this information is final} */
  boolean complete() {
    return wholeRef != null;
  }
}
