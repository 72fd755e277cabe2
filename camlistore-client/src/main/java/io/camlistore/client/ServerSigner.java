package io.camlistore.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.ErrorResponses;
import io.camlistore.client.internal.HttpTransport;
import io.camlistore.client.internal.Json;
import io.camlistore.client.internal.Texts;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.internal.sign.UnsignedJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.jspecify.annotations.Nullable;

/**
 * Signs with the server's own key through its sign helper ({@code signHandler} in discovery), so a
 * client needs no key of its own. The default signer of a connection whose server advertises one;
 * obtain it from {@link Connection#serverSigner()}.
 *
 * <p>The helper signs exactly the bytes it is given and always uses the same signature time, so the
 * same input gives the same signed blob. It does not store what it signs: upload the result. It
 * only signs objects whose {@code camliSigner} is the server's key. Thread-safe.
 */
public final class ServerSigner implements Signer {
  /** Public key blobs are about 450 bytes; more than this cannot be one. */
  private static final int MAX_KEY_BYTES = 64 * 1024;

  private final HttpTransport transport;
  private final BlobRef publicKeyBlobRef;
  private final URI signHandler;
  private final @Nullable URI verifyHandler;
  private final @Nullable URI publicKey;

  ServerSigner(
      HttpTransport transport,
      BlobRef publicKeyBlobRef,
      URI signHandler,
      @Nullable URI verifyHandler,
      @Nullable URI publicKey) {
    this.transport = transport;
    this.publicKeyBlobRef = publicKeyBlobRef;
    this.signHandler = signHandler;
    this.verifyHandler = verifyHandler;
    this.publicKey = publicKey;
  }

  /** Returns the sign helper a server advertised, or null when it advertised none usable. */
  static @Nullable ServerSigner fromDiscovery(HttpTransport transport, Discovery discovery) {
    Discovery.SigningInfo signing = discovery.signing();
    if (signing == null) {
      return null;
    }
    BlobRef key = signing.publicKeyBlobRef();
    URI sign = signing.signHandler();
    return key == null || sign == null
        ? null
        : new ServerSigner(transport, key, sign, signing.verifyHandler(), signing.publicKey());
  }

  /** {@return the blobref of the server's public key blob} */
  @Override
  public BlobRef publicKeyBlobRef() {
    return publicKeyBlobRef;
  }

  /**
   * Fetches the server's public key blob (the armored OpenPGP key its signatures verify with) from
   * the URL discovery advertised, verified against {@link #publicKeyBlobRef()}.
   *
   * @return the public key blob
   * @throws ServerFeatureUnavailableException if the server advertised no public key URL
   * @throws HashMismatchException if the served bytes are not that blob
   * @throws ServerException for an error answer
   */
  public Blob publicKeyBlob() {
    URI url = publicKey;
    if (url == null) {
      throw new ServerFeatureUnavailableException(
          "the server advertised no signing.publicKey URL in its discovery");
    }
    byte[] data =
        transport.execute(
            () -> new HttpGet(url), (response, uri) -> readBytes(response, MAX_KEY_BYTES));
    return Blob.verified(data, publicKeyBlobRef);
  }

  /** {@return the sign handler URL} */
  public URI signHandler() {
    return signHandler;
  }

  /** {@return the verify handler URL, or null when the server advertised none} */
  public @Nullable URI verifyHandler() {
    return verifyHandler;
  }

  /**
   * Has the server sign a JSON object (form field {@code json}).
   *
   * @param unsignedJson a JSON object with {@code camliVersion} and {@code camliSigner} set to
   *     {@link #publicKeyBlobRef()}
   * @return the signed blob text
   * @throws IllegalArgumentException if the text is not such an object, or names another key
   *     (nothing is sent)
   * @throws SigningException if the sign helper refused, with its reason
   * @throws ServerException for another error answer
   */
  @Override
  public String sign(String unsignedJson) {
    checkSignable(Objects.requireNonNull(unsignedJson, "unsignedJson"));
    String what = "POST " + signHandler;
    String signed =
        transport.executeAnyStatus(
            () -> postForm(signHandler, "json", unsignedJson),
            (response, uri) -> {
              int status = response.getCode();
              if (status == 400) {
                String reason = readText(response).strip();
                throw new SigningException(
                    what + " refused to sign (HTTP 400): " + reason, status, reason);
              }
              if (status >= 400) {
                throw ErrorResponses.toException(response, what);
              }
              return readText(response);
            });
    if (!signed.contains(",\"camliSig\":\"")) {
      throw new ServerException(
          what + " answered something that is not a signed blob: " + Texts.excerpt(signed),
          200,
          null);
    }
    return signed;
  }

  private void checkSignable(String unsignedJson) {
    BlobRef signer = UnsignedJson.parse(unsignedJson).camliSigner();
    if (!signer.equals(publicKeyBlobRef)) {
      throw new IllegalArgumentException(
          "unsigned JSON has \"camliSigner\" "
              + signer
              + ", but the server's sign helper signs only for its own key "
              + publicKeyBlobRef);
    }
  }

  /**
   * Has the server check a signed blob (form field {@code sjson}). The server knows only its own
   * key, so only blobs it signed (or signed with its key) can be valid; to check other keys, or
   * without a request, use {@link SignatureVerifier}.
   *
   * @param signedBlob the signed blob text
   * @return whether the signature is valid, with the signer's key id or the server's reason
   * @throws ServerFeatureUnavailableException if the server advertised no verify handler
   * @throws ServerException for an error answer
   */
  public VerificationResult verify(String signedBlob) {
    Objects.requireNonNull(signedBlob, "signedBlob");
    URI url = verifyHandler;
    if (url == null) {
      throw new ServerFeatureUnavailableException(
          "the server advertised no signing.verifyHandler in its discovery");
    }
    String what = "POST " + url;
    // The verify handler sends JSON as text/plain and always with HTTP 200.
    JsonNode answer =
        transport.execute(
            () -> postForm(url, "sjson", signedBlob),
            (response, uri) -> Json.readObject(response, what));
    if (answer.path("signatureValid").asBoolean(false)) {
      String keyId = Json.text(answer, "signerKeyId");
      return VerificationResult.valid(keyId == null ? "" : keyId);
    }
    String reason = Json.text(answer, "errorMessage");
    return VerificationResult.invalid(reason == null ? "the server did not say why" : reason);
  }

  static HttpPost postForm(URI url, String field, String value) {
    HttpPost post = new HttpPost(url);
    post.setEntity(
        new UrlEncodedFormEntity(
            List.of(new BasicNameValuePair(field, value)), StandardCharsets.UTF_8));
    return post;
  }

  static String readText(ClassicHttpResponse response) throws IOException {
    return new String(readBytes(response, Blob.MAX_SIZE), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(ClassicHttpResponse response, int limit) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    try (InputStream in = entity.getContent()) {
      return in.readNBytes(limit);
    }
  }

  /** {@return the sign helper and key, never credentials} */
  @Override
  public String toString() {
    return "ServerSigner{" + signHandler + ", key=" + publicKeyBlobRef + "}";
  }
}
