package io.camlistore.testkit.internal.index;

import java.time.Instant;
import java.util.Comparator;

/**
 * An attribute claim ({@code set-attribute}, {@code add-attribute} or {@code del-attribute}) whose
 * signature the index accepted.
 *
 * @param ref the claim blob's ref
 * @param signer the {@code camliSigner} (public key blobref)
 * @param permanode the permanode it modifies (the claim's capital-N field)
 * @param date its {@code claimDate}
 * @param type its {@code claimType}
 * @param attr the {@code attribute}, or empty
 * @param value the {@code value}, or empty
 */
public record Claim(
    String ref,
    String signer,
    String permanode,
    Instant date,
    String type,
    String attr,
    String value) {
  /** Claims in the index's order: by date, then by ref. */
  public static final Comparator<Claim> BY_DATE =
      Comparator.comparing(Claim::date).thenComparing(Claim::ref);
}
