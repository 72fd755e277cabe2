package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading claim records of the search handler's claims answer. */
class ClaimMetaTest {
  static final String CLAIM = "sha224-23371de2b979f51c8c051c8a9f66f171f0e990c6284be3009b2de760";
  static final String SIGNER = "sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e";
  static final String PERMANODE = "sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265";

  static ClaimMeta parse(String json) {
    JsonNode node = Json.parseObject(json.getBytes(StandardCharsets.UTF_8), "t", 200);
    return ClaimMeta.parse(node, "GET claims");
  }

  @Test
  void accessorsReturnTheRecordsValuesWithMillisecondTime() {
    // PC-26 with real refs; an old server's numeric value and target are still read.
    ClaimMeta claim =
        parse(
            "{\"blobref\":\""
                + CLAIM
                + "\",\"signer\":\""
                + SIGNER
                + "\",\"permanode\":\""
                + PERMANODE
                + "\",\"date\":\"2013-02-13T12:32:34.123Z\",\"type\":\"dummy-type\","
                + "\"attr\":\"dummy-attr\",\"value\":12,\"target\":\""
                + PERMANODE
                + "\"}");

    assertThat(claim.blobRef()).hasToString(CLAIM);
    assertThat(claim.signerBlobRef()).hasToString(SIGNER);
    assertThat(claim.permanodeBlobRef()).hasToString(PERMANODE);
    assertThat(claim.targetBlobRef()).hasToString(PERMANODE);
    assertThat(claim.type()).isEqualTo("dummy-type");
    assertThat(claim.attr()).isEqualTo("dummy-attr");
    assertThat(claim.value()).isEqualTo("12");
    assertThat(claim.raw()).containsEntry("value", 12);
    assertThat(claim.time()).isEqualTo(Instant.parse("2013-02-13T12:32:34.123Z"));
    assertThat(claim.toString()).contains("dummy-type", "dummy-attr=12", CLAIM);
  }

  @Test
  void aClaimWithoutAttrOrValueHasNullsNotText() {
    // a delete claim has neither; python returned the string "None".
    ClaimMeta claim =
        parse(
            "{\"blobref\":\""
                + CLAIM
                + "\",\"signer\":\""
                + SIGNER
                + "\",\"permanode\":\""
                + PERMANODE
                + "\",\"date\":\"2026-11-25T09:30:13.304071302Z\",\"type\":\"delete\"}");

    assertThat(claim.attr()).isNull();
    assertThat(claim.value()).isNull();
    assertThat(claim.targetBlobRef()).isNull();
    assertThat(claim.time()).isEqualTo(Instant.parse("2026-11-25T09:30:13.304071302Z"));
  }

  @Test
  void aClaimWithoutARequiredFieldIsAServerErrorNamingTheField() {
    assertThatThrownBy(() -> parse("{\"dummy\":1}"))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("'blobref'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"blobref\":\""
                        + CLAIM
                        + "\",\"signer\":\""
                        + SIGNER
                        + "\",\"permanode\":\""
                        + PERMANODE
                        + "\",\"date\":\"yesterday\",\"type\":\"delete\"}"))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("'date'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"blobref\":\""
                        + CLAIM
                        + "\",\"signer\":\""
                        + SIGNER
                        + "\",\"permanode\":\""
                        + PERMANODE
                        + "\",\"date\":\"2026-11-25T09:30:13Z\"}"))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("'type'");
  }
}
