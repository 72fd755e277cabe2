package io.camlistore.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.Json;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One claim on a permanode as the server's index reports it ({@link
 * SearchClient#getClaimsForPermanode(BlobRef)}): who signed it, when, and what it changed.
 * Immutable.
 */
public final class ClaimMeta {
  private static final TypeReference<Map<String, @Nullable Object>> RAW_MAP =
      new TypeReference<>() {};

  private final JsonNode node;
  private final BlobRef blobRef;
  private final BlobRef signerBlobRef;
  private final BlobRef permanodeBlobRef;
  private final @Nullable BlobRef targetBlobRef;
  private final Instant time;
  private final String type;
  private final @Nullable String attr;
  private final @Nullable String value;

  private ClaimMeta(JsonNode node, String what) {
    this.node = node;
    this.blobRef = requiredRef(node, "blobref", what);
    this.signerBlobRef = requiredRef(node, "signer", what);
    this.permanodeBlobRef = requiredRef(node, "permanode", what);
    this.targetBlobRef = BlobRef.parseOrNull(Json.text(node, "target"));
    String date = Json.text(node, "date");
    Instant parsed = Rfc3339.parse(date);
    if (parsed == null) {
      throw malformed(node, "date", what);
    }
    this.time = parsed;
    String claimType = Json.text(node, "type");
    if (claimType == null || claimType.isEmpty()) {
      throw malformed(node, "type", what);
    }
    this.type = claimType;
    this.attr = scalar(node.get("attr"));
    this.value = scalar(node.get("value"));
  }

  /**
   * Reads one item of a claims answer.
   *
   * @throws ServerException if a required field is missing or malformed
   */
  static ClaimMeta parse(JsonNode node, String what) {
    return new ClaimMeta(node, what);
  }

  private static BlobRef requiredRef(JsonNode node, String field, String what) {
    BlobRef ref = BlobRef.parseOrNull(Json.text(node, field));
    if (ref == null) {
      throw malformed(node, field, what);
    }
    return ref;
  }

  private static ServerException malformed(JsonNode node, String field, String what) {
    return new ServerException(
        "answer to " + what + " has a claim with a missing or malformed '" + field + "': " + node,
        200,
        null);
  }

  // Modern servers always send strings; older ones could send other scalars, kept as their text.
  private static @Nullable String scalar(@Nullable JsonNode value) {
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** {@return the claim type, e.g. {@code set-attribute}, {@code add-attribute}, {@code delete}} */
  public String type() {
    return type;
  }

  /** {@return the attribute the claim changes, or null for claims without one (deletions)} */
  public @Nullable String attr() {
    return attr;
  }

  /** {@return the attribute value the claim sets, adds or removes, or null when it has none} */
  public @Nullable String value() {
    return value;
  }

  /** {@return the ref of the claim blob itself} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /** {@return the ref of the signer's public key blob} */
  public BlobRef signerBlobRef() {
    return signerBlobRef;
  }

  /** {@return the permanode the claim is about} */
  public BlobRef permanodeBlobRef() {
    return permanodeBlobRef;
  }

  /**
   * {@return the target of a delete claim as sent by old servers; null from current servers, which
   * do not report it}
   */
  public @Nullable BlobRef targetBlobRef() {
    return targetBlobRef;
  }

  /** {@return the claim date, with the server's full (nanosecond) precision} */
  public Instant time() {
    return time;
  }

  /** {@return the server's record of this claim as plain Java values} */
  public Map<String, @Nullable Object> raw() {
    return Collections.unmodifiableMap(Json.MAPPER.convertValue(node, RAW_MAP));
  }

  /** {@return the type, attribute, value, date and ref} */
  @Override
  public String toString() {
    return "ClaimMeta{"
        + type
        + (attr == null ? "" : " " + attr)
        + (value == null ? "" : "=" + value)
        + " at "
        + time
        + ", "
        + blobRef
        + "}";
  }
}
