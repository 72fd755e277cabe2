package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The JSON a {@link SearchQuery} (with its {@link Constraint}s, {@link StringMatch}es and {@link
 * DescribeOptions}) sends, and the checks that reject what the server would refuse or misread.
 */
class SearchQueryTest {
  static JsonNode parse(String json) {
    return Json.parseObject(json.getBytes(StandardCharsets.UTF_8), "expected", 200);
  }

  static void assertJson(Object actual, String expected) {
    assertThat(parse(actual.toString())).isEqualTo(parse(expected));
  }

  @Test
  void permanodeConstraintsSendAttrWithValueOrStringMatch() {
    assertJson(
        Constraint.attributeEquals("title", "Fixture permanode"),
        "{\"permanode\": {\"attr\": \"title\", \"value\": \"Fixture permanode\"}}");
    assertJson(
        Constraint.attributeMatches("title", StringMatch.contains("fix").ignoringCase()),
        "{\"permanode\": {\"attr\": \"title\","
            + " \"valueMatches\": {\"contains\": \"fix\", \"caseInsensitive\": true}}}");
    assertJson(
        Constraint.hasAttribute("camliContent"),
        "{\"permanode\": {\"attr\": \"camliContent\", \"numValue\": {\"min\": 1}}}");
    assertJson(
        Constraint.attributeMatches("description", StringMatch.empty()),
        "{\"permanode\": {\"attr\": \"description\", \"valueMatches\": {\"empty\": true}}}");
  }

  @Test
  void blobConstraintsSendTheirFields() {
    assertJson(Constraint.camliType("permanode"), "{\"camliType\": \"permanode\"}");
    assertJson(Constraint.anyCamliType(), "{\"anyCamliType\": true}");
    assertJson(Constraint.anything(), "{\"anything\": true}");
    assertJson(Constraint.blobRefPrefix("sha224-a38"), "{\"blobRefPrefix\": \"sha224-a38\"}");
    assertJson(
        Constraint.fileName(StringMatch.endsWith(".txt")),
        "{\"file\": {\"fileName\": {\"hasSuffix\": \".txt\"}}}");
    assertJson(
        Constraint.mimeType(StringMatch.startsWith("image/")),
        "{\"file\": {\"mimeType\": {\"hasPrefix\": \"image/\"}}}");
    assertJson(
        Constraint.fileName(StringMatch.equalTo("a.txt")),
        "{\"file\": {\"fileName\": {\"equals\": \"a.txt\"}}}");
  }

  @Test
  void logicalConstraintsNestTheirOperands() {
    Constraint tagged = Constraint.attributeEquals("tag", "alpha");
    Constraint permanodes = Constraint.camliType("permanode");

    assertJson(
        permanodes.and(Constraint.not(tagged)),
        "{\"logical\": {\"op\": \"and\", \"a\": {\"camliType\": \"permanode\"},"
            + " \"b\": {\"logical\": {\"op\": \"not\", \"a\": {\"permanode\":"
            + " {\"attr\": \"tag\", \"value\": \"alpha\"}}}}}}");
    assertJson(
        tagged.or(permanodes),
        "{\"logical\": {\"op\": \"or\", \"a\": {\"permanode\": {\"attr\": \"tag\","
            + " \"value\": \"alpha\"}}, \"b\": {\"camliType\": \"permanode\"}}}");
    // Combining leaves the operands unchanged.
    assertJson(tagged, "{\"permanode\": {\"attr\": \"tag\", \"value\": \"alpha\"}}");
    assertThat(tagged)
        .isEqualTo(Constraint.attributeEquals("tag", "alpha"))
        .isNotEqualTo(permanodes);
    assertThat(tagged.hashCode()).isEqualTo(Constraint.attributeEquals("tag", "alpha").hashCode());
  }

  @Test
  void invalidConstraintsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> Constraint.attributeEquals("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permanode.attr");
    assertThatThrownBy(() -> Constraint.attributeEquals("title", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permanode.value");
    assertThatThrownBy(() -> Constraint.camliType(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("camliType");
    assertThatThrownBy(() -> Constraint.blobRefPrefix("SHA224 a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blobRefPrefix");
    assertThatThrownBy(() -> StringMatch.contains(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains");
    assertThatThrownBy(() -> StringMatch.endsWith(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hasSuffix");
  }

  @Test
  void queryJsonHasEveryOptionUnderTheServersNames() {
    SearchQuery query =
        SearchQuery.builder()
            .constraint(Constraint.camliType("permanode"))
            .limit(2)
            .sort(SearchQuery.Sort.LAST_MODIFIED_DESC)
            .continueToken("pn:1:sha224-a3")
            .describe(
                DescribeOptions.builder()
                    .depth(2)
                    .maxDirChildren(10)
                    .at(Instant.parse("2020-11-01T12:00:00Z"))
                    .rule(
                        DescribeOptions.Rule.followAttributes("camliPath:*")
                            .ifResultRoot()
                            .ifCamliNodeType("directory")
                            .withRules(DescribeOptions.Rule.followAttributes("camliContent")))
                    .build())
            .build();

    assertJson(
        query,
        "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2, \"sort\": \"-mod\","
            + " \"continue\": \"pn:1:sha224-a3\", \"describe\": {\"depth\": 2,"
            + " \"maxDirChildren\": 10, \"at\": \"2020-11-01T12:00:00Z\", \"rules\":"
            + " [{\"ifResultRoot\": true, \"ifCamliNodeType\": \"directory\", \"attrs\":"
            + " [\"camliPath:*\"], \"rules\": [{\"attrs\": [\"camliContent\"]}]}]}}");
    assertJson(
        query.toBuilder().continueToken(null).unlimited().sort(null).describe(null).build(),
        "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": -1}");
    assertThat(query.limit()).isEqualTo(2);
    assertThat(query.sort()).isEqualTo(SearchQuery.Sort.LAST_MODIFIED_DESC);
    assertThat(query.continueToken()).isEqualTo("pn:1:sha224-a3");
    assertThat(query.expression()).isNull();
    assertThat(query.constraint()).isEqualTo(Constraint.camliType("permanode"));
    assertThat(query.describe()).isNotNull();
    assertJson(SearchQuery.ofExpression("tag:alpha"), "{\"expression\": \"tag:alpha\"}");
    assertThat(SearchQuery.Sort.CREATED_ASC.wireName()).isEqualTo("created");
  }

  @Test
  void describeOptionsExposeWhatTheySend() {
    DescribeOptions options =
        DescribeOptions.builder()
            .depth(3)
            .rule(DescribeOptions.Rule.followAttributes("camliContent"))
            .build();

    assertThat(options.depth()).isEqualTo(3);
    assertThat(options.maxDirChildren()).isNull();
    assertThat(options.at()).isNull();
    assertThat(options.rules().get(0).attributes()).containsExactly("camliContent");
    assertJson(
        options.toBuilder().depth(1).build(),
        "{\"depth\": 1, \"rules\": [{\"attrs\": [\"camliContent\"]}]}");
    assertJson(DescribeOptions.defaults(), "{}");
    assertThat(options.rules().get(0).toString()).contains("camliContent");
  }

  @Test
  void invalidQueriesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> SearchQuery.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("constraint or expression");
    assertThatThrownBy(
            () ->
                SearchQuery.builder()
                    .expression("tag:alpha")
                    .constraint(Constraint.camliType("permanode"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both were set");
    assertThatThrownBy(() -> SearchQuery.ofExpression(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expression");
    assertThatThrownBy(() -> SearchQuery.builder().limit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(
            () ->
                SearchQuery.builder()
                    .constraint(Constraint.anything())
                    .sort(SearchQuery.Sort.MAP)
                    .continueToken("pn:1:x")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("continueToken");
    assertThatThrownBy(
            () ->
                SearchQuery.builder().constraint(Constraint.anything()).continueToken(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("continueToken");
    assertThatThrownBy(() -> DescribeOptions.builder().depth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("depth");
    assertThatThrownBy(() -> DescribeOptions.builder().maxDirChildren(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDirChildren");
    assertThatThrownBy(() -> DescribeOptions.Rule.followAttributes())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attrs");
    assertThatThrownBy(() -> DescribeOptions.Rule.followAttributes("a").ifCamliNodeType(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ifCamliNodeType");
  }
}
