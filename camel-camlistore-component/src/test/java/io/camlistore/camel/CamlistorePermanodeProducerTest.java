package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.camel.PerkeepStubs.BLOB_ROOT;
import static io.camlistore.camel.PerkeepStubs.SERVER_KEY_ID;
import static io.camlistore.camel.PerkeepStubs.SERVER_KEY_REF;
import static io.camlistore.camel.PerkeepStubs.SIGNED_CLAIM;
import static io.camlistore.camel.PerkeepStubs.SIGNED_PERMANODE;
import static io.camlistore.camel.PerkeepStubs.SIGNED_TITLE;
import static io.camlistore.camel.PerkeepStubs.SIGN_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import io.camlistore.client.SignatureVerifier;
import io.camlistore.client.SigningException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The permanode operations through routes: signed by the server's sign helper (the default, stubbed
 * with the real helper's answers) or by a local keyring, then uploaded. Asserts what the server
 * receives (the JSON given to sign, the uploaded blobs) and what the route gets back.
 */
class CamlistorePermanodeProducerTest extends StubRouteTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  private static final String UPLOAD = BLOB_ROOT + "camli/upload";
  private static final ObjectMapper JSON = new ObjectMapper();

  CamlistorePermanodeProducerTest() {
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
                    + PerkeepStubs.secretKeyring()
                    + "&keyId="
                    + SERVER_KEY_ID);
      }
    };
  }

  @BeforeEach
  void answerStat() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
  }

  /** {@return the parts of every upload the server received, by name (the blobref)} */
  private static Map<String, String> uploadedBlobs() {
    Map<String, String> blobs = new LinkedHashMap<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      Request request = event.getRequest();
      if (request.getUrl().equals(UPLOAD)) {
        for (Request.Part part : request.getParts()) {
          blobs.put(part.getName(), part.getBody().asString());
        }
      }
    }
    return blobs;
  }

  /** {@return an uploaded signed blob, after checking its ref and signature against the key} */
  private static JsonNode uploadedSigned(Object ref) throws Exception {
    String text =
        Objects.requireNonNull(uploadedBlobs().get(ref.toString()), () -> "no upload of " + ref);
    Blob blob = Blob.of(text);
    assertThat(blob.blobRef()).isEqualTo(BlobRef.parse(ref.toString()));
    Blob key = Blob.withHash(PerkeepStubs.fixture("13-sighelper-public-key.txt"), "sha224");
    assertThat(SignatureVerifier.forPublicKey(key).verify(blob).signerKeyId())
        .isEqualTo(SERVER_KEY_ID);
    return JSON.readTree(text);
  }

  @Test
  void createPermanodeHasTheServerSignItUploadsItAndAnswersItsRef() {
    PerkeepStubs.signHelper(server);
    PerkeepStubs.upload(server, "32-upload-signed-schema-blobs.json");

    Exchange out = send("direct:createPermanode", null, Map.of());

    assertThat(out.getException()).isNull();
    BlobRef permanode = BlobRef.parse(SIGNED_PERMANODE);
    assertThat(out.getMessage().getBody()).isEqualTo(permanode);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF)).isEqualTo(permanode);
    server.verify(
        1,
        postRequestedFor(urlEqualTo(SIGN_HANDLER))
            .withFormParam("json", containing("\"camliSigner\": \"" + SERVER_KEY_REF + "\""))
            .withFormParam("json", containing("\"random\": \"")));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(UPLOAD))
            .withRequestBodyPart(
                aMultipart()
                    .withName(SIGNED_PERMANODE)
                    .withBody(
                        binaryEqualTo(PerkeepStubs.fixture("14-sighelper-sign-permanode.txt")))
                    .build()));
  }

  @Test
  void createPermanodeWithAMapBodySetsEachAttributeOnTheNewPermanodeInTheSameUpload() {
    PerkeepStubs.signHelper(server);
    PerkeepStubs.upload(server, "32-upload-signed-schema-blobs.json");

    Exchange out = send("direct:createPermanode", Map.of("title", SIGNED_TITLE), Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody()).isEqualTo(BlobRef.parse(SIGNED_PERMANODE));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(SIGN_HANDLER))
            .withFormParam("json", containing("\"claimType\": \"set-attribute\""))
            .withFormParam("json", containing("\"permaNode\": \"" + SIGNED_PERMANODE + "\""))
            .withFormParam("json", containing("\"attribute\": \"title\"")));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(UPLOAD))
            .withRequestBodyPart(aMultipart().withName(SIGNED_PERMANODE).build())
            .withRequestBodyPart(aMultipart().withName(SIGNED_CLAIM).build()));
  }

  @Test
  void setAttributeSignsAClaimOnTheHeaderPermanodeWithTheBodyAsValue() {
    PerkeepStubs.signHelper(server);
    PerkeepStubs.upload(server, "32-upload-signed-schema-blobs.json");

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
    assertThat(out.getMessage().getBody()).isEqualTo(BlobRef.parse(SIGNED_CLAIM));
    // The ref header keeps naming the permanode, for further claims on it.
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(SIGNED_PERMANODE);
    server.verify(
        1,
        postRequestedFor(urlEqualTo(SIGN_HANDLER))
            .withFormParam("json", containing("\"claimType\": \"set-attribute\""))
            .withFormParam("json", containing("\"permaNode\": \"" + SIGNED_PERMANODE + "\""))
            .withFormParam("json", containing("\"attribute\": \"title\""))
            .withFormParam("json", containing("Signed by the server \\u003csighelper\\u003e")));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(UPLOAD))
            .withRequestBodyPart(
                aMultipart()
                    .withName(SIGNED_CLAIM)
                    .withBody(binaryEqualTo(PerkeepStubs.fixture("16-sighelper-sign-claim.txt")))
                    .build()));
  }

  @Test
  void aSigningRefusalFailsWithTheHelpersReasonAndUploadsNothing() {
    server.stubFor(
        post(urlEqualTo(SIGN_HANDLER))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBodyFile("20-sighelper-sign-no-signer.txt")));

    Exchange out = send("direct:createPermanode", null, Map.of());

    assertThat(out.getException())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("lacks \"camliSigner\"");
    server.verify(0, postRequestedFor(urlEqualTo(UPLOAD)));
  }

  @Test
  void setAttributeWithoutTheAttributeHeaderFailsNamingItAndSendsNothing() {
    Exchange out =
        send("direct:setAttribute", "x", Map.of(CamlistoreConstants.BLOB_REF, SIGNED_PERMANODE));

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setAttribute needs the attribute name")
        .hasMessageContaining(CamlistoreConstants.ATTRIBUTE);
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void setAttributeReadsThePermanodeOnlyFromTheHeader() {
    Exchange out =
        send("direct:setAttribute", SIGNED_PERMANODE, Map.of(CamlistoreConstants.ATTRIBUTE, "t"));

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setAttribute needs the permanode blobref in header")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aLocalKeyringSignsWithoutTheHelperAndUploadsItsPublicKeyFirst() throws Exception {
    PerkeepStubs.uploadReceipts(server);

    Exchange out = send("direct:local", Map.of("title", "Local"), Map.of());

    assertThat(out.getException()).isNull();
    BlobRef permanode = out.getMessage().getBody(BlobRef.class);
    JsonNode signed = uploadedSigned(permanode);
    assertThat(signed.path("camliType").asText()).isEqualTo("permanode");
    assertThat(signed.path("camliSigner").asText()).isEqualTo(SERVER_KEY_REF);
    Map<String, String> uploaded = uploadedBlobs();
    assertThat(uploaded).hasSize(3);
    assertThat(uploaded.keySet().iterator().next()).isEqualTo(SERVER_KEY_REF);
    assertThat(uploaded.get(SERVER_KEY_REF))
        .isEqualTo(
            new String(
                PerkeepStubs.fixture("13-sighelper-public-key.txt"), StandardCharsets.UTF_8));
    String claim =
        uploaded.keySet().stream()
            .filter(ref -> !ref.equals(SERVER_KEY_REF) && !ref.equals(permanode.toString()))
            .findFirst()
            .orElseThrow();
    JsonNode title = uploadedSigned(claim);
    assertThat(title.path("claimType").asText()).isEqualTo("set-attribute");
    assertThat(title.path("permaNode").asText()).isEqualTo(permanode.toString());
    assertThat(title.path("value").asText()).isEqualTo("Local");
    server.verify(0, postRequestedFor(urlEqualTo(SIGN_HANDLER)));
  }

  @Test
  void addDelAndDeleteClaimsSayWhatTheHeadersAsk() throws Exception {
    PerkeepStubs.uploadReceipts(server);
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

    JsonNode added = uploadedSigned(add);
    assertThat(added.path("claimType").asText()).isEqualTo("add-attribute");
    assertThat(added.path("permaNode").asText()).isEqualTo(SIGNED_PERMANODE);
    assertThat(added.path("attribute").asText()).isEqualTo("tag");
    assertThat(added.path("value").asText()).isEqualTo(SIGNED_CLAIM);
    JsonNode removedOne = uploadedSigned(delOne);
    assertThat(removedOne.path("claimType").asText()).isEqualTo("del-attribute");
    assertThat(removedOne.path("value").asText()).isEqualTo("alpha");
    JsonNode removedAll = uploadedSigned(delAll);
    assertThat(removedAll.path("claimType").asText()).isEqualTo("del-attribute");
    assertThat(removedAll.path("attribute").asText()).isEqualTo("title");
    assertThat(removedAll.has("value")).isFalse();
    JsonNode deleted = uploadedSigned(delete);
    assertThat(deleted.path("claimType").asText()).isEqualTo("delete");
    assertThat(deleted.path("target").asText()).isEqualTo(SIGNED_PERMANODE);
    // The key went up with the first claim only.
    server.verify(
        1,
        postRequestedFor(urlEqualTo(UPLOAD))
            .withRequestBodyPart(aMultipart().withName(SERVER_KEY_REF).build()));
    server.verify(4, postRequestedFor(urlEqualTo(UPLOAD)));
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
    Map<String, Object> headers = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put((String) pairs[i], pairs[i + 1]);
    }
    return headers;
  }
}
