package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Discovery answers with the real server's document, byte for byte apart from per-run values. */
@ContractTest
class DiscoveryContractIT {
  private final ContractTarget target = ContractTarget.get();

  @Test
  void discoveryByAcceptHeaderIsTheRealServersDocumentWithoutTrailingNewline() {
    HttpResponse<byte[]> response =
        target.send(target.request("/").header("Accept", "text/x-camli-configuration"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    String body = Blobs.text(response);
    assertThat(body).doesNotEndWith("\n").isEqualTo(expectedFrom(body));
  }

  @Test
  void discoveryByCamliModeQueryGivesTheSameDocument() {
    String byHeader =
        Blobs.text(target.send(target.request("/").header("Accept", "text/x-camli-configuration")));

    HttpResponse<byte[]> response = target.send(target.request("/?camli.mode=config"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.text(response)).isEqualTo(byHeader);
  }

  @Test
  void discoveryAdvertisesTheBlobAndSearchRootsAndA40HexToken() {
    JsonNode doc = target.discovery();

    assertThat(doc.get("blobRoot").asText()).isEqualTo("/bs-and-maybe-also-index/");
    assertThat(doc.get("searchRoot").asText()).isEqualTo("/my-search/");
    assertThat(doc.get("authToken").asText()).matches("[0-9a-f]{40}");
    assertThat(doc.get("storageGeneration").asText()).matches("[0-9a-f]{40}");
    assertThat(doc.get("storageInitTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");
    assertThat(doc.has("signing")).isEqualTo(doc.has("jsonSignRoot"));
  }

  @Test
  void callbackParameterWrapsTheDocumentAsJsonp() {
    String plain = Blobs.text(target.send(target.request("/?camli.mode=config")));

    HttpResponse<byte[]> response =
        target.send(target.request("/?camli.mode=config&cb=myCallback"));

    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    assertThat(Blobs.text(response)).isEqualTo("myCallback(" + plain + ");\n");
  }

  @Test
  void rootWithoutDiscoverySignalRedirectsToTheUi() {
    HttpResponse<byte[]> response = target.send(target.request("/").GET());

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("/ui/");
    assertThat(Blobs.contentType(response)).isEqualTo("text/html; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("09-root-get-no-discovery"));
  }

  /**
   * Fixture 01 with this server's per-run values put in, and without the sign handler's entries
   * when this server has none.
   */
  private static String expectedFrom(String actual) {
    String expected = Fixtures.response("01-discovery-accept-header");
    for (String key :
        List.of("ownerName", "userName", "storageGeneration", "storageInitTime", "authToken")) {
      expected = replaceValue(expected, key, value(actual, key));
    }
    if (!actual.contains("\"signing\"")) {
      expected =
          expected
              .replace("  \"jsonSignRoot\": \"/sighelper/\",\n", "")
              .replaceAll("(?s)  \"signing\": \\{[^}]*},\n", "");
    }
    return expected;
  }

  private static String value(String json, String key) {
    Matcher m = java.util.regex.Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).as("values of %s", key).hasSize(1);
    return found.get(0);
  }

  private static String replaceValue(String json, String key, String value) {
    return json.replaceFirst(
        "\"" + key + "\": \"[^\"]*\"",
        Matcher.quoteReplacement("\"" + key + "\": \"" + value + "\""));
  }
}
