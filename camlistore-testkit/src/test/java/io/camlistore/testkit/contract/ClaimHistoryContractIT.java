package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.TestBlob;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Searches by attribute value see a permanode's claims as Perkeep 0.11's index keeps them: the
 * lookups by indexed attribute ({@code permanodeattr}, {@code signerattrvalue}) still find a value
 * that a later claim replaced or removed, and attribute constraints still count a claim that a
 * delete claim deleted; describe and the claims list do not. Each test makes its own permanodes and
 * values, signed by the target's sign helper.
 */
@ContractTest
class ClaimHistoryContractIT {
  private static final Instant T = Instant.parse("2001-02-03T04:05:06Z");

  private final ContractTarget target = ContractTarget.get();

  @BeforeEach
  void needsASignHelper() {
    assumeTrue(
        target.publicKeyRef() != null,
        "the server has no sign helper to sign this test's permanodes and claims with");
  }

  @Test
  void permanodeattrStillFindsAValueThatWasReplacedOrRemoved() {
    String oldTitle = unique("old title");
    String newTitle = unique("new title");
    String tag = unique("tag");
    TestBlob node = Signed.permanode(target, T);
    store(
        node,
        claim(1, "set-attribute", node, "title", oldTitle),
        claim(2, "set-attribute", node, "title", newTitle),
        claim(3, "add-attribute", node, "tag", tag),
        claim(4, "del-attribute", node, "tag", tag));

    assertThat(withAttr("title", oldTitle, "")).containsExactly(ref(node));
    assertThat(withAttr("tag", tag, "")).containsExactly(ref(node));
    assertThat(attributes(node)).isEqualTo(Map.of("tag", List.of(), "title", List.of(newTitle)));
  }

  @Test
  void permanodeattrListsTheNewestClaimFirstAndNoneDatedAfterAt() {
    String tag = unique("tag");
    TestBlob older = Signed.permanode(target, T);
    TestBlob newer = Signed.permanode(target, T);
    store(
        older,
        newer,
        claim(1, "add-attribute", older, "tag", tag),
        claim(3, "add-attribute", newer, "tag", tag));

    assertThat(withAttr("tag", tag, "")).containsExactly(ref(newer), ref(older));
    assertThat(withAttr("tag", tag, "&at=" + Rfc3339.format(T.plusSeconds(2))))
        .containsExactly(ref(older));
  }

  @Test
  void signerattrvalueFindsTheNewestClaimsPermanodeThoughItsValueChangedOrItWasDeleted() {
    String title = unique("title");
    TestBlob first = Signed.permanode(target, T);
    TestBlob second = Signed.permanode(target, T);
    TestBlob secondsTitle = claim(3, "set-attribute", second, "title", title);
    store(
        first,
        second,
        claim(1, "set-attribute", first, "title", title),
        claim(2, "set-attribute", first, "title", unique("other title")),
        secondsTitle,
        Signed.deletion(target, T.plusSeconds(4), secondsTitle));

    JsonNode answer =
        search(
            "signerattrvalue?signer="
                + target.publicKeyRef()
                + "&attr=title&value="
                + ContractTarget.encode(title));

    assertThat(answer.path("permanode").asText()).isEqualTo(ref(second));
    assertThat(claims(second)).isEmpty();
  }

  @Test
  void attributeConstraintsStillCountADeletedClaim() {
    String tag = unique("tag");
    String title = unique("title");
    TestBlob node = Signed.permanode(target, T);
    TestBlob tagged = claim(1, "add-attribute", node, "tag", tag);
    // A permanode query lists only permanodes with a live claim: this title.
    TestBlob titled = claim(2, "set-attribute", node, "title", title);
    store(node, tagged, titled, Signed.deletion(target, T.plusSeconds(3), tagged));

    JsonNode found =
        ContractTarget.json(
            target
                .send(
                    target
                        .searchRequest("query")
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                Answers.compact(
                                    Map.of(
                                        "constraint",
                                        Map.of(
                                            "permanode", Map.of("attr", "tag", "value", tag)))))))
                .body());

    assertThat(refs(found.path("blobs"), "blob")).containsExactly(ref(node));
    assertThat(attributes(node)).isEqualTo(Map.of("title", List.of(title)));
    assertThat(claims(node)).containsExactly(ref(titled));
  }

  @Test
  void aClaimDatedExactlyAtTheUnixEpochIsIgnoredAndOneASecondLaterIsNot() {
    String title = unique("title");
    String tag = unique("tag");
    TestBlob node = Signed.permanode(target, T);
    TestBlob atEpoch = Signed.claim(target, Instant.EPOCH, "set-attribute", node, "title", title);
    TestBlob justAfter =
        Signed.claim(target, Instant.EPOCH.plusSeconds(1), "add-attribute", node, "tag", tag);
    store(node, atEpoch, justAfter);

    await()
        .atMost(SearchIndex.WAIT)
        .untilAsserted(() -> assertThat(attributes(node)).isEqualTo(Map.of("tag", List.of(tag))));
  }

  private static String unique(String text) {
    return text + " " + UUID.randomUUID();
  }

  private TestBlob claim(int second, String type, TestBlob node, String attr, String value) {
    return Signed.claim(target, T.plusSeconds(second), type, node, attr, value);
  }

  private void store(TestBlob... blobs) {
    Blobs.store(target, Arrays.stream(blobs).map(TestBlob::data).toArray(byte[][]::new));
    SearchIndex.awaitDescribed(
        target, Arrays.stream(blobs).map(ClaimHistoryContractIT::ref).toList());
  }

  private static String ref(TestBlob blob) {
    return blob.blobRef().toString();
  }

  private JsonNode search(String endpoint) {
    return ContractTarget.json(target.send(target.searchRequest(endpoint).GET()).body());
  }

  private List<String> withAttr(String attr, String value, String more) {
    JsonNode answer =
        search("permanodeattr?attr=" + attr + "&value=" + ContractTarget.encode(value) + more);
    return refs(answer.path("withAttr"), "permanode");
  }

  private List<String> claims(TestBlob node) {
    return refs(search("claims?permanode=" + ref(node)).path("claims"), "blobref");
  }

  /** The permanode's attributes as describe shows them. */
  private Map<String, List<String>> attributes(TestBlob node) {
    JsonNode attr =
        search("describe?blobref=" + ref(node))
            .path("meta")
            .path(ref(node))
            .path("permanode")
            .path("attr");
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : attr.properties()) {
      List<String> values = new ArrayList<>();
      field.getValue().forEach(value -> values.add(value.asText()));
      attributes.put(field.getKey(), values);
    }
    return attributes;
  }

  private static List<String> refs(JsonNode list, String field) {
    List<String> refs = new ArrayList<>();
    list.forEach(item -> refs.add(item.path(field).asText()));
    return refs;
  }
}
