package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.camel.PerkeepStubs.SIGNED_CLAIM;
import static io.camlistore.camel.PerkeepStubs.SIGNED_PERMANODE;
import static io.camlistore.camel.PerkeepStubs.SIGN_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.protocol.BlobRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The permanode operations on their own, without a route: how each reads its inputs, and that bad
 * input fails naming what to set before anything is signed.
 */
class PermanodeOperationsTest extends OperationsTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  private final PermanodeOperations operations = new PermanodeOperations(conn::permanodes);

  PermanodeOperationsTest() {
    super(server);
  }

  @BeforeEach
  void answerLikeTheServer() {
    PerkeepStubs.signHelper(server);
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "32-upload-signed-schema-blobs.json");
  }

  private static Map<String, Object> onTitle(Object... more) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(CamlistoreConstants.BLOB_REF, SIGNED_PERMANODE);
    headers.put(CamlistoreConstants.ATTRIBUTE, "title");
    for (int i = 0; i < more.length; i += 2) {
      headers.put((String) more[i], more[i + 1]);
    }
    return headers;
  }

  private static void nothingSigned() {
    server.verify(0, postRequestedFor(urlEqualTo(SIGN_HANDLER)));
  }

  @Test
  void createPermanodeWithABlankBodySetsNoAttributes() {
    CamlistoreOperationResult result = operations.createPermanode(exchange(" ", Map.of()));

    assertThat(result.body()).isEqualTo(BlobRef.parse(SIGNED_PERMANODE));
    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.BLOB_REF, BlobRef.parse(SIGNED_PERMANODE));
    server.verify(1, postRequestedFor(urlEqualTo(SIGN_HANDLER)));
  }

  @Test
  void createPermanodeRefusesABodyThatIsNotAMapOfAttributes() {
    assertThatThrownBy(() -> operations.createPermanode(exchange("title=x", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createPermanode takes the new permanode's attributes from a Map")
        .hasMessageContaining("java.lang.String");
    Map<Object, Object> badName = new HashMap<>();
    badName.put("", "x");
    assertThatThrownBy(() -> operations.createPermanode(exchange(badName, Map.of())))
        .hasMessageContaining("not a non-empty String");
    Map<Object, Object> noValue = new HashMap<>();
    noValue.put("title", null);
    assertThatThrownBy(() -> operations.createPermanode(exchange(noValue, Map.of())))
        .hasMessageContaining("no value for attribute 'title'");
    assertThatThrownBy(
            () -> operations.createPermanode(exchange(Map.of("tag", List.of("a", "b")), Map.of())))
        .hasMessageContaining("attribute 'tag' of the Map body is a")
        .hasMessageContaining("add several values with addAttribute");
    nothingSigned();
  }

  @Test
  void theValueHeaderWinsOverTheBodyAndNumbersAreWrittenAsText() {
    CamlistoreOperationResult result =
        operations.setAttribute(
            exchange("from the body", onTitle(CamlistoreConstants.ATTRIBUTE_VALUE, 42)));

    assertThat(result.body()).isEqualTo(BlobRef.parse(SIGNED_CLAIM));
    server.verify(
        postRequestedFor(urlEqualTo(SIGN_HANDLER))
            .withFormParam("json", containing("\"value\": \"42\"")));
  }

  @Test
  void setOrAddWithoutAValueFailsNamingTheHeaderAndTheBody() {
    assertThatThrownBy(() -> operations.addAttribute(exchange(null, onTitle())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("addAttribute needs the value in header")
        .hasMessageContaining(CamlistoreConstants.ATTRIBUTE_VALUE)
        .hasMessageContaining("or as the body");
    assertThatThrownBy(() -> operations.setAttribute(exchange("", onTitle())))
        .hasMessageContaining("setAttribute needs the value");
    nothingSigned();
  }

  @Test
  void aValueOfAnotherTypeFailsListingTheAcceptedTypes() {
    assertThatThrownBy(() -> operations.setAttribute(exchange(new byte[] {1}, onTitle())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setAttribute: the body is a [B")
        .hasMessageContaining(AttributeInputs.VALUE_TYPES);
    nothingSigned();
  }

  @Test
  void delAttributeRefusesAnEmptyValueHeaderRatherThanRemovingEveryValue() {
    assertThatThrownBy(
            () ->
                operations.delAttribute(
                    exchange(null, onTitle(CamlistoreConstants.ATTRIBUTE_VALUE, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delAttribute: header " + CamlistoreConstants.ATTRIBUTE_VALUE)
        .hasMessageContaining("remove the header to remove every value");
    nothingSigned();
  }

  @Test
  void aBlankAttributeHeaderFailsNamingIt() {
    assertThatThrownBy(
            () ->
                operations.addAttribute(
                    exchange("v", onTitle(CamlistoreConstants.ATTRIBUTE, "  "))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("addAttribute: header " + CamlistoreConstants.ATTRIBUTE);
    nothingSigned();
  }

  @Test
  void deletePermanodeWithoutARefFailsNamingTheHeader() {
    assertThatThrownBy(() -> operations.deletePermanode(exchange(null, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deletePermanode needs a blobref")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
    nothingSigned();
  }
}
