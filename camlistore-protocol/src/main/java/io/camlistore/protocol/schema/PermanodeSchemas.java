package io.camlistore.protocol.schema;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The unsigned permanode and claim schema objects (PROTOCOL.md §8.2, §8.3), written in Perkeep's
 * canonical form so that, signed with the same key and time, they are byte-identical to what {@code
 * pk-put} makes. Each carries {@code camliSigner} and is ready for a {@code Signer}.
 */
public final class PermanodeSchemas {
  /** The claim date pk-put gives planned permanodes, which makes their refs deterministic. */
  public static final Instant PLANNED_CLAIM_DATE = Instant.EPOCH;

  /**
   * The date of a content permanode's claims when the file has no modification time (a stream), or
   * one exactly at the Unix epoch: a Perkeep server ignores claims dated exactly at the epoch, so a
   * claim dated so would leave the permanode without its content. Fixed, so that storing the same
   * stream again makes the same claim.
   */
  public static final Instant UNDATED_CLAIM_DATE = Instant.ofEpochSecond(1);

  private PermanodeSchemas() {}

  /**
   * A permanode made unique by a random value, as {@code pk-put permanode} makes it.
   *
   * @param signer the signer's public key blobref
   * @param random the random text (pk-put uses the base64 of 20 random bytes)
   * @param claimDate the creation date, or null to leave it out (the server's sign helper accepts
   *     that)
   * @return the unsigned JSON
   */
  public static String permanode(BlobRef signer, String random, @Nullable Instant claimDate) {
    Map<String, Object> map = base(signer, "permanode", claimDate);
    map.put("random", requireText(random, "random"));
    return text(map);
  }

  /**
   * A planned permanode: its content is a pure function of the key, signer and date, so the same
   * inputs name the same permanode (pk-put's {@code -filenodes} uses the file's wholeRef as key and
   * {@link #PLANNED_CLAIM_DATE}).
   *
   * @param signer the signer's public key blobref
   * @param key the key
   * @param claimDate the creation date
   * @return the unsigned JSON
   */
  public static String plannedPermanode(BlobRef signer, String key, Instant claimDate) {
    Map<String, Object> map = base(signer, "permanode", claimDate);
    map.put("key", requireText(key, "key"));
    return text(map);
  }

  /**
   * An attribute claim: {@code set-attribute} (replaces every value), {@code add-attribute} (adds
   * one) or {@code del-attribute} (removes one value, or every value when {@code value} is null).
   *
   * @param signer the signer's public key blobref
   * @param claimDate when the claim is made; claims apply in date order
   * @param claimType {@code set-attribute}, {@code add-attribute} or {@code del-attribute}
   * @param permanode the permanode
   * @param attribute the attribute name
   * @param value the value; required for set and add, optional for del
   * @return the unsigned JSON
   * @throws IllegalArgumentException for another claim type, an empty attribute, or a missing value
   */
  public static String attributeClaim(
      BlobRef signer,
      Instant claimDate,
      String claimType,
      BlobRef permanode,
      String attribute,
      @Nullable String value) {
    boolean delete = claimType.equals("del-attribute");
    if (!delete && !claimType.equals("set-attribute") && !claimType.equals("add-attribute")) {
      throw new IllegalArgumentException(
          "claimType must be set-attribute, add-attribute or del-attribute: " + claimType);
    }
    if (!delete && value == null) {
      throw new IllegalArgumentException(claimType + " needs a value");
    }
    Map<String, Object> map = base(signer, "claim", claimDate);
    map.put("claimType", claimType);
    map.put("permaNode", Objects.requireNonNull(permanode, "permanode"));
    map.put("attribute", requireText(attribute, "attribute"));
    if (value != null) {
      map.put("value", value);
    }
    return text(map);
  }

  /**
   * A {@code delete} claim: the target (a permanode or a claim) is treated as deleted from then on.
   *
   * @param signer the signer's public key blobref
   * @param claimDate when the claim is made
   * @param target the permanode or claim to delete
   * @return the unsigned JSON
   */
  public static String deleteClaim(BlobRef signer, Instant claimDate, BlobRef target) {
    Map<String, Object> map = base(signer, "claim", claimDate);
    map.put("claimType", "delete");
    map.put("target", Objects.requireNonNull(target, "target"));
    return text(map);
  }

  private static Map<String, Object> base(
      BlobRef signer, String camliType, @Nullable Instant claimDate) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("camliSigner", Objects.requireNonNull(signer, "signer"));
    map.put("camliType", camliType);
    if (claimDate != null) {
      map.put("claimDate", Rfc3339.format(claimDate));
    }
    return map;
  }

  private static String requireText(String value, String field) {
    if (Objects.requireNonNull(value, field).isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return value;
  }

  private static String text(Map<String, Object> map) {
    return new String(CanonicalJson.schemaBytes(map), StandardCharsets.UTF_8);
  }
}
