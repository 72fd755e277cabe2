package io.camlistore.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking a signed blob's {@code camliSig}: valid with the signer's key id, or
 * invalid with the reason. Immutable.
 */
public final class VerificationResult {
  private final @Nullable String signerKeyId;
  private final @Nullable String reason;

  private VerificationResult(@Nullable String signerKeyId, @Nullable String reason) {
    this.signerKeyId = signerKeyId;
    this.reason = reason;
  }

  static VerificationResult valid(String signerKeyId) {
    return new VerificationResult(signerKeyId, null);
  }

  static VerificationResult invalid(String reason) {
    return new VerificationResult(null, reason);
  }

  /** {@return whether the signature is valid for the payload and the key} */
  public boolean valid() {
    return signerKeyId != null;
  }

  /** {@return the key id (16 uppercase hex digits) that made a valid signature; null if invalid} */
  public @Nullable String signerKeyId() {
    return signerKeyId;
  }

  /** {@return why the signature is not valid; null if valid} */
  public @Nullable String reason() {
    return reason;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof VerificationResult that
        && Objects.equals(that.signerKeyId, signerKeyId)
        && Objects.equals(that.reason, reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(signerKeyId, reason);
  }

  @Override
  public String toString() {
    return signerKeyId != null
        ? "VerificationResult{valid, signer=" + signerKeyId + "}"
        : "VerificationResult{invalid: " + reason + "}";
  }
}
