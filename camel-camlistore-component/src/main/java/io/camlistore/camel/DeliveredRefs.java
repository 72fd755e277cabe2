package io.camlistore.camel;

import org.jspecify.annotations.Nullable;

/**
 * What the enumerate consumer has delivered: the set of blob refs each sweep merges its listing
 * with. A sweep asks about the refs it lists in increasing order, and tells the set about every
 * listed ref it has settled, also in increasing order, so that a sorted file can answer with one
 * sequential read and one sequential write per sweep.
 */
interface DeliveredRefs extends AutoCloseable {
  /** {@return where an interrupted sweep resumes (exclusive), or null to start at the beginning} */
  @Nullable String resumeAfter();

  /**
   * {@return whether a blob was delivered by an earlier sweep}
   *
   * @param ref a listed ref, greater than any asked about before in this sweep
   */
  boolean contains(String ref);

  /**
   * Records that the sweep settled a listed blob that is delivered: before this sweep ({@code
   * fresh} false) or by it.
   *
   * @param ref the blob, greater than any recorded before in this sweep
   * @param fresh whether this sweep delivered it
   */
  void passed(String ref, boolean fresh);

  /** Makes what was recorded durable, so that a crash repeats at most what came after. */
  void flush();

  /** The sweep settled every blob it listed: what it recorded is what the next sweep asks about. */
  void sweepCompleted();

  /** Flushes and releases the set; a later sweep opens it again. */
  @Override
  void close();
}
