package io.camlistore.protocol.internal.sign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object about to be signed (PROTOCOL §9 steps 1–2): its signed payload T and the members
 * signing needs. Immutable.
 */
public final class UnsignedJson {
  private final String payload;
  private final BlobRef camliSigner;
  private final @Nullable Instant claimDate;

  private UnsignedJson(String payload, BlobRef camliSigner, @Nullable Instant claimDate) {
    this.payload = payload;
    this.camliSigner = camliSigner;
    this.claimDate = claimDate;
  }

  /**
   * Checks an unsigned JSON object and derives its payload.
   *
   * @param json the JSON text, e.g. a schema blob serialized as Perkeep does
   * @return the parsed form
   * @throws IllegalArgumentException if the text is not a JSON object, or lacks {@code
   *     camliVersion} or a {@code camliSigner} blobref, or has a {@code claimDate} that is not an
   *     RFC 3339 time
   */
  public static UnsignedJson parse(String json) {
    String trimmed = trimTrailingSpace(json);
    ObjectNode object =
        JsonObjects.parse(
            trimmed.getBytes(StandardCharsets.UTF_8),
            "unsigned JSON",
            IllegalArgumentException::new);
    if (!object.has("camliVersion")) {
      throw new IllegalArgumentException(
          "unsigned JSON lacks \"camliVersion\"; verifiers reject signed blobs without it");
    }
    String signer =
        JsonObjects.string(object, "camliSigner", "unsigned JSON", IllegalArgumentException::new);
    if (signer == null) {
      throw new IllegalArgumentException(
          "unsigned JSON lacks \"camliSigner\" (the blobref of the signer's public key)");
    }
    BlobRef camliSigner = BlobRef.parseOrNull(signer);
    if (camliSigner == null) {
      throw new IllegalArgumentException(
          "unsigned JSON has \"camliSigner\" '" + signer + "', which is not a blobref");
    }
    String claimDate =
        JsonObjects.string(object, "claimDate", "unsigned JSON", IllegalArgumentException::new);
    // A JSON object always ends with '}' once trailing white space is gone; T drops just that
    // brace.
    String payload = trimmed.substring(0, trimmed.length() - 1);
    return new UnsignedJson(
        payload, camliSigner, claimDate == null ? null : parseClaimDate(claimDate));
  }

  /** {@return T: the JSON without trailing white space and without its final brace} */
  public String payload() {
    return payload;
  }

  /** {@return the {@code camliSigner} blobref} */
  public BlobRef camliSigner() {
    return camliSigner;
  }

  /** {@return the {@code claimDate}, or null when the object has none} */
  public @Nullable Instant claimDate() {
    return claimDate;
  }

  private static Instant parseClaimDate(String text) {
    Instant date = Rfc3339.parse(text);
    if (date == null) {
      throw new IllegalArgumentException(
          "unsigned JSON has \"claimDate\" '" + text + "', which is not an RFC 3339 time");
    }
    return date;
  }

  /** Removes trailing white space as Go's {@code unicode.IsSpace} defines it, like Perkeep. */
  static String trimTrailingSpace(String text) {
    int end = text.length();
    while (end > 0 && isGoSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static boolean isGoSpace(char c) {
    return switch (c) {
      case '\t',
          '\n',
          '\u000B',
          '\f',
          '\r',
          ' ',
          '\u0085',
          '\u00A0',
          '\u1680',
          '\u2028',
          '\u2029',
          '\u202F',
          '\u205F',
          '\u3000' ->
          true;
      default -> c >= '\u2000' && c <= '\u200A';
    };
  }
}
