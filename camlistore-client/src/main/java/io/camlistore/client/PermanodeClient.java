package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Creates permanodes and changes their attributes with signed claims. Obtain it from {@link
 * Connection#permanodes()}. Thread-safe.
 *
 * <p>Every method builds the schema blobs as Perkeep does, signs them with the connection's {@link
 * Connection#signer() signer} and uploads them before returning the ref of what it made. A new
 * permanode or claim cannot be on the server yet (its random bytes or claim date make it unique),
 * so it is uploaded in one request without asking the server first which blobs it has; a planned
 * permanode, which may exist, goes through {@link BlobClient#putMulti(java.util.Collection)}. With
 * a {@link LocalSigner}, its public key blob is uploaded too while the server is not known to have
 * it. A permanode's attributes are the result of its claims in claim-date order; the dates this
 * client writes strictly increase, so claims made one after the other apply in that order even
 * within the same clock tick.
 *
 * <pre>{@code
 * PermanodeClient permanodes = conn.permanodes();
 * BlobRef photo = permanodes.create(Map.of("title", "Beach"));
 * permanodes.addAttribute(photo, "tag", "holiday");
 * }</pre>
 */
public final class PermanodeClient {
  private static final int RANDOM_BYTES = 20;

  private final BlobClient blobs;
  private final Supplier<Signer> signer;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private @Nullable Instant lastClaimDate;
  private volatile @Nullable BlobRef keyKnownStored;

  PermanodeClient(BlobClient blobs, Supplier<Signer> signer, Clock clock) {
    this.blobs = blobs;
    this.signer = signer;
    this.clock = clock;
  }

  /**
   * Creates a new, empty permanode (made unique by 20 random bytes, as {@code pk-put permanode}
   * does).
   *
   * @return the permanode's ref
   * @throws ServerFeatureUnavailableException if no signer is configured and the server has no sign
   *     helper
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef create() {
    return create(Map.of());
  }

  /**
   * Creates a permanode and sets attributes on it, one {@code set-attribute} claim per entry in the
   * map's iteration order, all uploaded together.
   *
   * @param attributes attribute names and values; names must not be empty
   * @return the permanode's ref
   * @throws IllegalArgumentException if an attribute name is empty (nothing is sent)
   * @throws ServerFeatureUnavailableException if there is no signer
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef create(Map<String, String> attributes) {
    attributes.forEach((name, value) -> requireAttribute(name));
    Signer signing = signer.get();
    BlobRef key = signing.publicKeyBlobRef();
    Blob permanode = sign(signing, newPermanode(key));
    List<Blob> all = new ArrayList<>();
    all.add(permanode);
    attributes.forEach(
        (name, value) ->
            all.add(
                sign(
                    signing,
                    PermanodeSchemas.attributeClaim(
                        key, nextDate(), "set-attribute", permanode.blobRef(), name, value))));
    upload(signing, all);
    return permanode.blobRef();
  }

  /**
   * Creates (or finds again) a planned permanode: its content depends only on the key and the
   * signer, so calling this again with the same key and a signer that signs deterministically names
   * the same permanode. Perkeep's tools use a file's content ref as key for file permanodes.
   *
   * @param key the key, e.g. a file's whole-content ref
   * @return the permanode's ref
   * @throws IllegalArgumentException if the key is empty
   * @throws ServerFeatureUnavailableException if there is no signer
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef createPlanned(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("planned permanode key must not be empty");
    }
    Signer signing = signer.get();
    Blob permanode =
        sign(
            signing,
            PermanodeSchemas.plannedPermanode(
                signing.publicKeyBlobRef(), key, PermanodeSchemas.PLANNED_CLAIM_DATE));
    // Deterministic: the server may hold it already, so ask before sending.
    blobs.putMulti(withKey(signing, List.of(permanode)));
    keyKnownStored = signing.publicKeyBlobRef();
    return permanode.blobRef();
  }

  /**
   * Sets an attribute, replacing all its values.
   *
   * @param permanode the permanode
   * @param attr the attribute name
   * @param value the new value
   * @return the claim's ref
   * @throws IllegalArgumentException if the attribute name is empty
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef setAttribute(BlobRef permanode, String attr, String value) {
    return attributeClaim("set-attribute", permanode, attr, Objects.requireNonNull(value, "value"));
  }

  /**
   * Adds a value to an attribute (for multi-valued attributes such as {@code tag}).
   *
   * @param permanode the permanode
   * @param attr the attribute name
   * @param value the value to add
   * @return the claim's ref
   * @throws IllegalArgumentException if the attribute name is empty
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef addAttribute(BlobRef permanode, String attr, String value) {
    return attributeClaim("add-attribute", permanode, attr, Objects.requireNonNull(value, "value"));
  }

  /**
   * Removes every value of an attribute.
   *
   * @param permanode the permanode
   * @param attr the attribute name
   * @return the claim's ref
   * @throws IllegalArgumentException if the attribute name is empty
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef delAttribute(BlobRef permanode, String attr) {
    return attributeClaim("del-attribute", permanode, attr, null);
  }

  /**
   * Removes one value of an attribute.
   *
   * @param permanode the permanode
   * @param attr the attribute name
   * @param value the value to remove; must not be empty (an empty value would remove every value)
   * @return the claim's ref
   * @throws IllegalArgumentException if the attribute name or value is empty
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef delAttribute(BlobRef permanode, String attr, String value) {
    if (Objects.requireNonNull(value, "value").isEmpty()) {
      throw new IllegalArgumentException(
          "value must not be empty; use delAttribute(permanode, attr) to remove every value");
    }
    return attributeClaim("del-attribute", permanode, attr, value);
  }

  /**
   * Deletes a permanode (or undoes a claim) with a {@code delete} claim. Blobs are immutable: the
   * target stays stored, but the index treats it as deleted.
   *
   * @param target the permanode or claim
   * @return the delete claim's ref
   * @throws ServerException if signing or the upload failed
   */
  public BlobRef delete(BlobRef target) {
    Objects.requireNonNull(target, "target");
    Signer signing = signer.get();
    Blob claim =
        sign(signing, PermanodeSchemas.deleteClaim(signing.publicKeyBlobRef(), nextDate(), target));
    upload(signing, List.of(claim));
    return claim.blobRef();
  }

  private BlobRef attributeClaim(
      String claimType, BlobRef permanode, String attr, @Nullable String value) {
    Objects.requireNonNull(permanode, "permanode");
    requireAttribute(attr);
    Signer signing = signer.get();
    Blob claim =
        sign(
            signing,
            PermanodeSchemas.attributeClaim(
                signing.publicKeyBlobRef(), nextDate(), claimType, permanode, attr, value));
    upload(signing, List.of(claim));
    return claim.blobRef();
  }

  private static void requireAttribute(String attr) {
    if (Objects.requireNonNull(attr, "attribute name").isEmpty()) {
      throw new IllegalArgumentException("attribute name must not be empty");
    }
  }

  /** Uploads freshly signed blobs, which the server cannot have yet, in one request. */
  private void upload(Signer signing, List<Blob> signed) {
    blobs.putNew(withKey(signing, signed));
    keyKnownStored = signing.publicKeyBlobRef();
  }

  /**
   * Puts a local signer's public key blob first until the server is known to have it: the server
   * needs the key to verify and index what the key signed.
   */
  private List<Blob> withKey(Signer signing, List<Blob> signed) {
    if (signing instanceof LocalSigner local && !local.publicKeyBlobRef().equals(keyKnownStored)) {
      List<Blob> all = new ArrayList<>(signed.size() + 1);
      all.add(local.publicKeyBlob());
      all.addAll(signed);
      return all;
    }
    return signed;
  }

  private static Blob sign(Signer signer, String unsignedJson) {
    return Blob.of(signer.sign(unsignedJson));
  }

  /**
   * {@return the unsigned JSON of a new permanode, unique by 20 random bytes as {@code pk-put
   * permanode} makes it, dated now}
   *
   * @param key the signer's public key blobref
   */
  String newPermanode(BlobRef key) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return PermanodeSchemas.permanode(key, Base64.getEncoder().encodeToString(bytes), nextDate());
  }

  /** The current time, moved just past the previous claim date if the clock has not advanced. */
  synchronized Instant nextDate() {
    Instant now = clock.instant();
    if (lastClaimDate != null && !now.isAfter(lastClaimDate)) {
      now = lastClaimDate.plusNanos(1);
    }
    lastClaimDate = now;
    return now;
  }
}
