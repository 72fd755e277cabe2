package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The permanode operations on their own, without a route: how each reads its inputs, and that bad
 * input fails naming what to set before anything is signed. The server's sign helper signs.
 */
@CamlistoreServer(signing = true)
class PermanodeOperationsTest extends OperationsTestSupport {
  /** A permanode the claims name; the sign helper signs claims on any ref. */
  private static final String PERMANODE =
      "sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4";

  private final PermanodeOperations operations = new PermanodeOperations(conn::permanodes);

  PermanodeOperationsTest(EmbeddedCamlistoreServer server) {
    super(server);
  }

  private static Map<String, Object> onTitle(Object... more) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(CamlistoreConstants.BLOB_REF, PERMANODE);
    headers.put(CamlistoreConstants.ATTRIBUTE, "title");
    for (int i = 0; i < more.length; i += 2) {
      headers.put((String) more[i], more[i + 1]);
    }
    return headers;
  }

  private void nothingSigned() {
    assertThat(server.requests("POST", "sig/sign")).isEmpty();
  }

  private String stored(@Nullable Object ref) {
    return new String(
        Objects.requireNonNull(server.blob(BlobRef.parse(String.valueOf(ref)))),
        StandardCharsets.UTF_8);
  }

  @Test
  void createPermanodeWithABlankBodySetsNoAttributes() {
    CamlistoreOperationResult result = operations.createPermanode(exchange(" ", Map.of()));

    BlobRef permanode = (BlobRef) result.body();
    assertThat(result.headers()).containsEntry(CamlistoreConstants.BLOB_REF, permanode);
    assertThat(stored(permanode)).contains("\"camliType\": \"permanode\"");
    assertThat(server.requests("POST", "sig/sign")).hasSize(1);
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

    assertThat(stored(result.body())).contains("\"value\": \"42\"");
    assertThat(server.requests("POST", "sig/sign"))
        .singleElement()
        .extracting(sign -> sign.formParameter("json"))
        .asString()
        .contains("\"value\": \"42\"");
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
