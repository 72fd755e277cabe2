package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.client.Blob;
import io.camlistore.client.SignatureVerifier;
import io.camlistore.client.SigningException;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import io.camlistore.testkit.TestIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The permanode operations through routes: signed by the server's sign helper (the default) or by a
 * local keyring, then uploaded, against the embedded server with the test identity. Asserts what
 * the server receives (the JSON given to sign, the uploaded blobs) and what the route gets back.
 */
@CamlistoreServer(signing = true)
class CamlistorePermanodeProducerTest extends EmbeddedRouteTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVER_KEY_REF = TestIdentity.publicKeyBlobRef().toString();

  /** A permanode the claims name; claims on any ref are signed and stored. */
  private static final String SIGNED_PERMANODE =
      "sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4";

  /** A claim's ref, as an attribute value that is a ref. */
  private static final String SIGNED_CLAIM =
      "sha224-accd2ba4eaf30d158c9bebbf2863af562cc40fc2b896f6773fb6a9b5";

  private static final String SIGNED_TITLE =
      "Signed by the server <sighelper> & uploaded with curl";

  CamlistorePermanodeProducerTest(EmbeddedCamlistoreServer server) {
    super(server);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:createPermanode").to("camlistore:createPermanode");
        from("direct:setAttribute").to("camlistore:setAttribute");
        // One locally signing endpoint; the operation header picks what it does.
        from("direct:local")
            .to(
                "camlistore:createPermanode?secretKeyring="
                    + TestKeyring.file()
                    + "&keyId="
                    + TestKeyring.KEY_ID);
      }
    };
  }

  /** {@return the JSON of every request to the sign helper} */
  private List<String> signed() {
    return server.requests("POST", "sig/sign").stream()
        .map(request -> request.formParameter("json"))
        .toList();
  }

  /** {@return a stored signed blob, after checking its ref and signature against the key} */
  private JsonNode storedSigned(Object ref) throws Exception {
    BlobRef blobRef = BlobRef.parse(ref.toString());
    Blob blob =
        Blob.withHash(
            Objects.requireNonNull(server.blob(blobRef), () -> "no blob " + ref), "sha224");
    assertThat(blob.blobRef()).isEqualTo(blobRef);
    assertThat(
            SignatureVerifier.forPublicKey(Blob.of(TestIdentity.signer().publicKeyBlob()))
                .verify(blob)
                .signerKeyId())
        .isEqualTo(TestKeyring.KEY_ID);
    return JSON.readTree(blob.data());
  }

  /** {@return how an upload's multipart body names the part holding a blob} */
  private static String part(String ref) {
    return "name=\"" + ref + "\"";
  }

  /** {@return the stored claims on a permanode} */
  private List<JsonNode> claimsOn(BlobRef permanode) throws Exception {
    List<JsonNode> claims = new java.util.ArrayList<>();
    for (BlobRef ref : server.blobRefs()) {
      byte[] data = Objects.requireNonNull(server.blob(ref));
      JsonNode blob = data.length > 0 && data[0] == '{' ? JSON.readTree(data) : JSON.nullNode();
      if (blob.path("permaNode").asText().equals(permanode.toString())) {
        claims.add(storedSigned(ref));
      }
    }
    return claims;
  }

  @Test
  void createPermanodeHasTheServerSignItUploadsItAndAnswersItsRef() throws Exception {
    Exchange out = send("direct:createPermanode", null, Map.of());

    assertThat(out.getException()).isNull();
    BlobRef permanode = out.getMessage().getBody(BlobRef.class);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF)).isEqualTo(permanode);
    assertThat(signed())
        .singleElement()
        .asString()
        .contains("\"camliSigner\": \"" + SERVER_KEY_REF + "\"")
        .contains("\"random\": \"");
    assertThat(server.requests("POST", "upload")).hasSize(1);
    assertThat(storedSigned(permanode).path("camliType").asText()).isEqualTo("permanode");
  }

  @Test
  void createPermanodeWithAMapBodySetsEachAttributeOnTheNewPermanodeInTheSameUpload()
      throws Exception {
    Exchange out = send("direct:createPermanode", Map.of("title", SIGNED_TITLE), Map.of());

    assertThat(out.getException()).isNull();
    BlobRef permanode = out.getMessage().getBody(BlobRef.class);
    assertThat(signed())
        .hasSize(2)
        .last()
        .asString()
        .contains("\"claimType\": \"set-attribute\"")
        .contains("\"permaNode\": \"" + permanode + "\"")
        .contains("\"attribute\": \"title\"");
    assertThat(server.requests("POST", "upload")).hasSize(1);
    assertThat(storedSigned(permanode).path("camliType").asText()).isEqualTo("permanode");
    assertThat(claimsOn(permanode))
        .singleElement()
        .satisfies(claim -> assertThat(claim.path("value").asText()).isEqualTo(SIGNED_TITLE));
  }

  @Test
  void setAttributeSignsAClaimOnTheHeaderPermanodeWithTheBodyAsValue() throws Exception {
    Exchange out =
        send(
            "direct:setAttribute",
            SIGNED_TITLE,
            Map.of(
                CamlistoreConstants.BLOB_REF,
                SIGNED_PERMANODE,
                CamlistoreConstants.ATTRIBUTE,
                "title"));

    assertThat(out.getException()).isNull();
    BlobRef claim = out.getMessage().getBody(BlobRef.class);
    // The ref header keeps naming the permanode, for further claims on it.
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(SIGNED_PERMANODE);
    assertThat(signed())
        .singleElement()
        .asString()
        .contains("\"claimType\": \"set-attribute\"")
        .contains("\"permaNode\": \"" + SIGNED_PERMANODE + "\"")
        .contains("\"attribute\": \"title\"")
        .contains("Signed by the server \\u003csighelper\\u003e");
    assertThat(server.requests("POST", "upload")).hasSize(1);
    JsonNode stored = storedSigned(claim);
    assertThat(stored.path("claimType").asText()).isEqualTo("set-attribute");
    assertThat(stored.path("value").asText()).isEqualTo(SIGNED_TITLE);
  }

  @Test
  void aSigningRefusalFailsWithTheHelpersReasonAndUploadsNothing() {
    server.faults().failNextRequests(1, 400, request -> request.isBlobAction("POST", "sig/sign"));

    Exchange out = send("direct:createPermanode", null, Map.of());

    assertThat(out.getException())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("fault injected by the test: HTTP 400");
    assertThat(server.requests("POST", "upload")).isEmpty();
  }

  @Test
  void setAttributeWithoutTheAttributeHeaderFailsNamingItAndSendsNothing() {
    Exchange out =
        send("direct:setAttribute", "x", Map.of(CamlistoreConstants.BLOB_REF, SIGNED_PERMANODE));

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setAttribute needs the attribute name")
        .hasMessageContaining(CamlistoreConstants.ATTRIBUTE);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void setAttributeReadsThePermanodeOnlyFromTheHeader() {
    Exchange out =
        send("direct:setAttribute", SIGNED_PERMANODE, Map.of(CamlistoreConstants.ATTRIBUTE, "t"));

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setAttribute needs the permanode blobref in header")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aLocalKeyringSignsWithoutTheHelperAndUploadsItsPublicKeyFirst() throws Exception {
    // A server that does not have the key yet.
    server.removeBlob(TestIdentity.publicKeyBlobRef());

    Exchange out = send("direct:local", Map.of("title", "Local"), Map.of());

    assertThat(out.getException()).isNull();
    BlobRef permanode = out.getMessage().getBody(BlobRef.class);
    JsonNode signedPermanode = storedSigned(permanode);
    assertThat(signedPermanode.path("camliType").asText()).isEqualTo("permanode");
    assertThat(signedPermanode.path("camliSigner").asText()).isEqualTo(SERVER_KEY_REF);
    assertThat(server.blobRefs()).hasSize(3).contains(TestIdentity.publicKeyBlobRef());
    assertThat(server.blob(TestIdentity.publicKeyBlobRef()))
        .isEqualTo(TestIdentity.signer().publicKeyBlob());
    List<RecordedRequest> uploads = server.requests("POST", "upload");
    assertThat(uploads).hasSize(1);
    String upload = uploads.get(0).bodyText();
    assertThat(upload.indexOf(SERVER_KEY_REF))
        .isNotNegative()
        .isLessThan(upload.indexOf(permanode.toString()));
    JsonNode title = claimsOn(permanode).get(0);
    assertThat(title.path("claimType").asText()).isEqualTo("set-attribute");
    assertThat(title.path("permaNode").asText()).isEqualTo(permanode.toString());
    assertThat(title.path("value").asText()).isEqualTo("Local");
    assertThat(signed()).isEmpty();
  }

  @Test
  void addDelAndDeleteClaimsSayWhatTheHeadersAsk() throws Exception {
    server.removeBlob(TestIdentity.publicKeyBlobRef());
    Map<String, Object> onPermanode = Map.of(CamlistoreConstants.BLOB_REF, SIGNED_PERMANODE);

    Object add =
        send(
                "direct:local",
                null,
                with(
                    onPermanode,
                    CamlistoreConstants.OPERATION,
                    "addAttribute",
                    CamlistoreConstants.ATTRIBUTE,
                    "tag",
                    CamlistoreConstants.ATTRIBUTE_VALUE,
                    BlobRef.parse(SIGNED_CLAIM)))
            .getMessage()
            .getBody();
    Object delOne =
        send(
                "direct:local",
                null,
                with(
                    onPermanode,
                    CamlistoreConstants.OPERATION,
                    "delAttribute",
                    CamlistoreConstants.ATTRIBUTE,
                    "tag",
                    CamlistoreConstants.ATTRIBUTE_VALUE,
                    "alpha"))
            .getMessage()
            .getBody();
    // A body left by an earlier step is not a value: every value of the attribute goes.
    Object delAll =
        send(
                "direct:local",
                "leftover",
                with(
                    onPermanode,
                    CamlistoreConstants.OPERATION,
                    "delAttribute",
                    CamlistoreConstants.ATTRIBUTE,
                    "title"))
            .getMessage()
            .getBody();
    Object delete =
        send(
                "direct:local",
                SIGNED_PERMANODE,
                Map.of(CamlistoreConstants.OPERATION, "deletePermanode"))
            .getMessage()
            .getBody();

    JsonNode added = storedSigned(add);
    assertThat(added.path("claimType").asText()).isEqualTo("add-attribute");
    assertThat(added.path("permaNode").asText()).isEqualTo(SIGNED_PERMANODE);
    assertThat(added.path("attribute").asText()).isEqualTo("tag");
    assertThat(added.path("value").asText()).isEqualTo(SIGNED_CLAIM);
    JsonNode removedOne = storedSigned(delOne);
    assertThat(removedOne.path("claimType").asText()).isEqualTo("del-attribute");
    assertThat(removedOne.path("value").asText()).isEqualTo("alpha");
    JsonNode removedAll = storedSigned(delAll);
    assertThat(removedAll.path("claimType").asText()).isEqualTo("del-attribute");
    assertThat(removedAll.path("attribute").asText()).isEqualTo("title");
    assertThat(removedAll.has("value")).isFalse();
    JsonNode deleted = storedSigned(delete);
    assertThat(deleted.path("claimType").asText()).isEqualTo("delete");
    assertThat(deleted.path("target").asText()).isEqualTo(SIGNED_PERMANODE);
    // The key went up with the first claim only.
    assertThat(server.requests("POST", "upload"))
        .hasSize(4)
        .filteredOn(upload -> upload.bodyText().contains(part(SERVER_KEY_REF)))
        .hasSize(1);
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
    Map<String, Object> headers = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put((String) pairs[i], pairs[i + 1]);
    }
    return headers;
  }
}
