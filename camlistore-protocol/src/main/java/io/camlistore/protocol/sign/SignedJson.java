package io.camlistore.protocol.sign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.internal.sign.JsonObjects;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A signed blob split as Perkeep's verifier splits it (PROTOCOL §9): the bytes before the last
 * {@code ,"camliSig":"} are the signed payload; the payload with a closing brace appended must be a
 * JSON object with {@code camliVersion} and a {@code camliSigner} blobref; the rest with its comma
 * replaced by an opening brace must be an object whose only member is the string {@code camliSig}.
 * Immutable.
 */
public final class SignedJson {
  private static final byte[] SEPARATOR = ",\"camliSig\":\"".getBytes(StandardCharsets.US_ASCII);

  private final byte[] payload;
  private final BlobRef camliSigner;
  private final String camliSig;

  private SignedJson(byte[] payload, BlobRef camliSigner, String camliSig) {
    this.payload = payload;
    this.camliSigner = camliSigner;
    this.camliSig = camliSig;
  }

  /**
   * Splits and checks a signed blob.
   *
   * @param blob the signed blob's bytes
   * @return its parts
   * @throws InvalidSignatureException saying which part is malformed
   */
  public static SignedJson parse(byte[] blob) {
    int index = lastIndexOf(blob, SEPARATOR);
    if (index < 0) {
      throw new InvalidSignatureException("no ,\"camliSig\":\" separator: the blob is not signed");
    }
    byte[] payload = Arrays.copyOf(blob, index);

    byte[] payloadJson = Arrays.copyOf(blob, index + 1);
    payloadJson[index] = '}';
    ObjectNode payloadObject =
        JsonObjects.parse(payloadJson, "signed payload", InvalidSignatureException::new);
    if (!payloadObject.has("camliVersion")) {
      throw new InvalidSignatureException("signed payload lacks \"camliVersion\"");
    }
    String signer =
        JsonObjects.string(
            payloadObject, "camliSigner", "signed payload", InvalidSignatureException::new);
    if (signer == null) {
      throw new InvalidSignatureException("signed payload lacks \"camliSigner\"");
    }
    BlobRef camliSigner = BlobRef.parseOrNull(signer);
    if (camliSigner == null) {
      throw new InvalidSignatureException(
          "signed payload has \"camliSigner\" '" + signer + "', which is not a blobref");
    }

    byte[] signatureJson = Arrays.copyOfRange(blob, index, blob.length);
    signatureJson[0] = '{';
    ObjectNode signatureObject =
        JsonObjects.parse(signatureJson, "signature part", InvalidSignatureException::new);
    if (signatureObject.size() != 1) {
      throw new InvalidSignatureException(
          "signature part must hold only \"camliSig\" but has "
              + signatureObject.size()
              + " members");
    }
    String camliSig =
        JsonObjects.string(
            signatureObject, "camliSig", "signature part", InvalidSignatureException::new);
    if (camliSig == null) {
      throw new InvalidSignatureException("signature part lacks \"camliSig\"");
    }
    return new SignedJson(payload, camliSigner, camliSig);
  }

  /** {@return a copy of the signed payload bytes} */
  public byte[] payload() {
    return payload.clone();
  }

  /** {@return the {@code camliSigner} blobref of the payload} */
  public BlobRef camliSigner() {
    return camliSigner;
  }

  /** {@return the one-line armored signature} */
  public String camliSig() {
    return camliSig;
  }

  private static int lastIndexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
