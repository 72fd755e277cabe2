package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.search.SearchSort;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search query as Perkeep 0.11 models it ({@code search.SearchQuery} and its constraints), after
 * decoding. Field meanings are Perkeep's; empty strings and nulls mean "not set", as Go's zero
 * values do.
 *
 * @param constraint what to match, or null
 * @param expression a textual query, or empty
 * @param limit the page size; 0 for the default, negative for no limit
 * @param sort the order, or null when the request names none
 * @param around a blobref to center the page on, or null
 * @param continueToken where to continue, or empty
 * @param describe how to describe the results, or null
 */
record Query(
    @Nullable Constraint constraint,
    String expression,
    long limit,
    @Nullable SearchSort sort,
    @Nullable String around,
    String continueToken,
    @Nullable DescribeSpec describe) {

  /**
   * A blob matching constraint: a blob matches if it matches every set part; a constraint with no
   * part set matches nothing.
   *
   * @param logical a combination of two constraints; if set, the other parts are ignored
   * @param anything matches every blob
   * @param camliType matches schema blobs of this type
   * @param anyCamliType matches every schema blob
   * @param blobRefPrefix matches blobs whose ref starts with it
   * @param file matches file schema blobs
   * @param dir matches directory schema blobs
   * @param claim whether a claim constraint was given (Perkeep does not implement them)
   * @param blobSize matches blobs by size
   * @param permanode matches permanodes
   * @param unsupported the parts set at this level that the embedded server cannot evaluate, by
   *     their JSON path
   */
  record Constraint(
      @Nullable Logical logical,
      boolean anything,
      String camliType,
      boolean anyCamliType,
      String blobRefPrefix,
      @Nullable FileMatch file,
      @Nullable DirMatch dir,
      boolean claim,
      @Nullable IntRange blobSize,
      @Nullable PermanodeMatch permanode,
      List<String> unsupported) {
    /** Copies the list. */
    Constraint {
      unsupported = List.copyOf(unsupported);
    }
  }

  /**
   * Two constraints combined.
   *
   * @param op {@code and}, {@code or}, {@code xor} or {@code not}
   * @param a the first constraint
   * @param b the second constraint (not for {@code not})
   */
  record Logical(String op, @Nullable Constraint a, @Nullable Constraint b) {}

  /**
   * Matches permanodes.
   *
   * @param at resolve attributes as of this time, or null for now
   * @param modTime matches the modification time
   * @param time matches the permanode's best time
   * @param attr the attribute the value parts apply to
   * @param skipHidden skip permanodes hidden from default views
   * @param numValue matches the number of values of {@code attr}
   * @param valueAll whether every value (not just one) must match
   * @param value an exact value
   * @param valueMatches a string condition on a value
   * @param valueMatchesInt an integer condition on a value
   * @param valueMatchesFloat a number condition on a value
   * @param valueInSet a constraint the blob named by a value must match
   * @param continueAfter the internal continue position, or null
   */
  record PermanodeMatch(
      @Nullable Instant at,
      @Nullable TimeRange modTime,
      @Nullable TimeRange time,
      String attr,
      boolean skipHidden,
      @Nullable IntRange numValue,
      boolean valueAll,
      String value,
      @Nullable StringMatch valueMatches,
      @Nullable IntRange valueMatchesInt,
      @Nullable FloatRange valueMatchesFloat,
      @Nullable Constraint valueInSet,
      @Nullable ContinuePosition continueAfter) {
    /** {@return whether a condition on the attribute's values is set} */
    boolean hasValueCondition() {
      return !value.isEmpty()
          || valueMatches != null
          || valueMatchesInt != null
          || valueMatchesFloat != null
          || valueInSet != null;
    }
  }

  /**
   * Where a continued query resumes: after the permanode {@code last} at time {@code time}.
   *
   * @param byModtime whether the time is the modification time (else the best time)
   * @param time the last result's time
   * @param last the last result's ref
   */
  record ContinuePosition(boolean byModtime, Instant time, String last) {}

  /**
   * Matches file schema blobs.
   *
   * @param fileSize the file's length
   * @param fileName the file's name
   * @param mimeType the file's MIME type
   * @param time the file's time
   * @param modTime the file's modification time (never known here)
   * @param wholeRef the ref of the whole content, or null
   * @param isImage whether the type must be {@code image/*}
   */
  record FileMatch(
      @Nullable IntRange fileSize,
      @Nullable StringMatch fileName,
      @Nullable StringMatch mimeType,
      @Nullable TimeRange time,
      @Nullable TimeRange modTime,
      @Nullable String wholeRef,
      boolean isImage) {}

  /**
   * Matches directory schema blobs.
   *
   * @param fileName the directory's name
   * @param blobRefPrefix a prefix of the directory's ref
   * @param topFileCount the number of entries
   * @param containsAndRecursiveContains whether both {@code contains} and {@code recursiveContains}
   *     were given (invalid)
   */
  record DirMatch(
      @Nullable StringMatch fileName,
      String blobRefPrefix,
      @Nullable IntRange topFileCount,
      boolean containsAndRecursiveContains) {}

  /**
   * Perkeep's string constraint: every set part must hold.
   *
   * @param empty the string must be empty
   * @param equals equal to
   * @param contains contains
   * @param hasPrefix starts with
   * @param hasSuffix ends with
   * @param byteLength the UTF-8 length
   * @param caseInsensitive compare ignoring case
   */
  record StringMatch(
      boolean empty,
      String equals,
      String contains,
      String hasPrefix,
      String hasSuffix,
      @Nullable IntRange byteLength,
      boolean caseInsensitive) {}

  /**
   * Perkeep's integer constraint: inclusive bounds, 0 meaning "no bound" unless {@code zeroMin} or
   * {@code zeroMax} says it is a bound of 0.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @param zeroMin the lower bound is 0
   * @param zeroMax the upper bound is 0
   */
  record IntRange(long min, long max, boolean zeroMin, boolean zeroMax) {
    boolean hasMin() {
      return min != 0 || zeroMin;
    }

    boolean hasMax() {
      return max != 0 || zeroMax;
    }

    boolean matches(long value) {
      return (!hasMin() || value >= min) && (!hasMax() || value <= max);
    }
  }

  /**
   * Perkeep's float constraint, like {@link IntRange}.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @param zeroMin the lower bound is 0
   * @param zeroMax the upper bound is 0
   */
  record FloatRange(double min, double max, boolean zeroMin, boolean zeroMax) {
    boolean matches(double value) {
      return (!(min != 0 || zeroMin) || value >= min) && (!(max != 0 || zeroMax) || value <= max);
    }
  }

  /**
   * Perkeep's time constraint.
   *
   * @param before the time must be before this, or null
   * @param after the time must be at or after this, or null
   * @param inLastNanos if {@code after} is null and this is positive: at or after now minus this
   */
  record TimeRange(@Nullable Instant before, @Nullable Instant after, long inLastNanos) {}

  /**
   * How to describe blobs (Perkeep's {@code DescribeRequest}).
   *
   * @param blobRef one blob to describe, or null
   * @param blobRefs more blobs to describe
   * @param depth how far to follow references; 0 for the default (1)
   * @param maxDirChildren the most directory entries; out-of-range values mean 50
   * @param at view permanodes as of this time, or null
   * @param rules which attributes' blobs to describe too
   */
  record DescribeSpec(
      @Nullable String blobRef,
      List<String> blobRefs,
      long depth,
      long maxDirChildren,
      @Nullable Instant at,
      List<DescribeRule> rules) {
    /** Copies the lists. */
    DescribeSpec {
      blobRefs = List.copyOf(blobRefs);
      rules = List.copyOf(rules);
    }

    /**
     * Returns the same request for other blobs, as a query describes its results.
     *
     * @param refs the blobs
     * @return the request
     */
    DescribeSpec forBlobs(List<String> refs) {
      return new DescribeSpec(null, refs, depth, maxDirChildren, at, rules);
    }
  }

  /**
   * A describe rule: for result blobs matching the conditions, also describe the blobs named by the
   * listed attributes.
   *
   * @param ifResultRoot only for blobs originally asked for
   * @param ifCamliNodeType only for permanodes of this node type, if not empty
   * @param attrs the attributes; a trailing {@code *} matches a prefix
   * @param rules rules for the blobs this one adds
   */
  record DescribeRule(
      boolean ifResultRoot, String ifCamliNodeType, List<String> attrs, List<DescribeRule> rules) {
    /** Copies the lists. */
    DescribeRule {
      attrs = List.copyOf(attrs);
      rules = List.copyOf(rules);
    }
  }
}
