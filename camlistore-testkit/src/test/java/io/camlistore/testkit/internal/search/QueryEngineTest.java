package io.camlistore.testkit.internal.search;

import static io.camlistore.testkit.internal.index.IndexFixture.KEY;
import static io.camlistore.testkit.internal.index.IndexFixture.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import io.camlistore.testkit.TestBlob;
import io.camlistore.testkit.internal.index.IndexFixture;
import io.camlistore.testkit.internal.index.SchemaIndex;
import io.camlistore.testkit.internal.index.TestSchemas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Query evaluation over a small index: each constraint part, the orders and the paging. */
class QueryEngineTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private final IndexFixture fixture = new IndexFixture();
  private final SchemaIndex index = fixture.index();
  private final Clock clock = Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC);
  private int second;

  @Test
  void logicalOperatorsCombineConstraints() throws Exception {
    String a = node(Map.of("tag", "a"));
    String ab = node(Map.of("tag", "a"));
    claim("add-attribute", ab, "tag", "b");
    String b = node(Map.of("tag", "b"));
    String tagA = "{\"permanode\": {\"attr\": \"tag\", \"value\": \"a\"}}";
    String tagB = "{\"permanode\": {\"attr\": \"tag\", \"value\": \"b\"}}";

    assertThat(run(logical("xor", tagA, tagB), "blobref")).containsExactlyInAnyOrder(a, b);
    assertThat(run(logical("and", tagA, tagB), "blobref")).containsExactly(ab);
    assertThat(run(logical("or", tagA, tagB), "blobref")).containsExactlyInAnyOrder(a, ab, b);
  }

  @Test
  void valueConditionsTestOneValueOrAllOfThem() throws Exception {
    String numbers = node(Map.of("n", "1"));
    claim("add-attribute", numbers, "n", "2");
    String mixed = node(Map.of("n", "1"));
    claim("add-attribute", mixed, "n", "x");
    String decimal = node(Map.of("n", "1.25"));

    assertThat(permanodes("\"attr\": \"n\", \"valueMatchesInt\": {\"min\": 1}"))
        .containsExactlyInAnyOrder(numbers, mixed);
    assertThat(
            permanodes(
                "\"attr\": \"n\", \"valueMatchesInt\": {\"min\": 1}, \"valueAllMatch\": true"))
        .containsExactly(numbers);
    assertThat(permanodes("\"attr\": \"n\", \"valueMatchesFloat\": {\"min\": 1.1, \"max\": 1.5}"))
        .containsExactly(decimal);
    assertThat(permanodes("\"attr\": \"n\", \"numValue\": {\"min\": 2}"))
        .containsExactlyInAnyOrder(numbers, mixed);
    assertThat(permanodes("\"attr\": \"n\", \"numValue\": {\"max\": 1}")).containsExactly(decimal);
  }

  @Test
  void stringConditionsFollowPerkeepsRules() throws Exception {
    String title = node(Map.of("title", "Beach Day"));
    String empty = node(Map.of("title", ""));

    assertThat(permanodes(match("{\"hasPrefix\": \"beach\", \"caseInsensitive\": true}")))
        .containsExactly(title);
    assertThat(permanodes(match("{\"hasPrefix\": \"beach\"}"))).isEmpty();
    assertThat(permanodes(match("{\"hasSuffix\": \"DAY\", \"caseInsensitive\": true}")))
        .containsExactly(title);
    assertThat(permanodes(match("{\"equals\": \"beach day\", \"caseInsensitive\": true}")))
        .containsExactly(title);
    assertThat(permanodes(match("{\"contains\": \"h D\"}"))).containsExactly(title);
    assertThat(permanodes(match("{\"byteLength\": {\"min\": 9, \"max\": 9}}")))
        .containsExactly(title);
    assertThat(permanodes(match("{\"empty\": true}"))).containsExactly(empty);
  }

  @Test
  void timesMatchModificationAndBestTimes() throws Exception {
    String early = node(Map.of("title", "early"));
    String late = node(Map.of("title", "late"));
    claim("set-attribute", late, "title", "later");
    Instant lateTime = T0.plusSeconds(second);

    assertThat(permanodes("\"modTime\": {\"after\": \"" + lateTime + "\"}")).containsExactly(late);
    assertThat(permanodes("\"modTime\": {\"before\": \"" + lateTime + "\"}"))
        .containsExactly(early);
    assertThat(permanodes("\"time\": {\"inLast\": 1000000000000}"))
        .containsExactlyInAnyOrder(early, late);
    assertThat(permanodes("\"time\": {\"inLast\": 1}")).isEmpty();
  }

  @Test
  void hiddenPermanodesAreSkippedOnlyWhenAsked() throws Exception {
    String venue = node(Map.of("camliNodeType", "foursquare.com:venue"));
    String shown = node(Map.of("title", "shown"));

    assertThat(permanodes("\"skipHidden\": true")).containsExactly(shown);
    assertThat(permanodes("\"skipHidden\": false")).containsExactlyInAnyOrder(venue, shown);
  }

  @Test
  void filesDirectoriesAndSizesAreMatched() throws Exception {
    TestBlob chunk = put(TestBlob.of("0123456789"));
    TestBlob file =
        put(TestSchemas.file("ten.bin", List.of(TestSchemas.part(chunk.blobRef(), 10)), T0));
    TestBlob entries = put(TestSchemas.staticSet(List.of(file.blobRef())));
    TestBlob dir = put(TestSchemas.directory("folder", entries.blobRef()));
    String withFile = node(Map.of("camliContent", file.blobRef().toString()));
    String fileRef = file.blobRef().toString();
    String dirRef = dir.blobRef().toString();

    assertThat(run("{\"file\": {\"fileSize\": {\"min\": 10, \"max\": 10}}}", ""))
        .containsExactly(fileRef);
    assertThat(run("{\"file\": {\"wholeRef\": \"" + chunk.blobRef() + "\"}}", ""))
        .containsExactly(fileRef);
    assertThat(run("{\"file\": {\"time\": {\"after\": \"" + T0 + "\"}}}", ""))
        .containsExactly(fileRef);
    assertThat(run("{\"file\": {\"isImage\": true}}", "")).isEmpty();
    assertThat(run("{\"file\": {\"modTime\": {\"after\": \"" + T0 + "\"}}}", "")).isEmpty();
    assertThat(
            run(
                "{\"dir\": {\"fileName\": {\"equals\": \"folder\"}, \"topFileCount\": {\"min\": 1},"
                    + " \"blobRefPrefix\": \"sha224-\"}}",
                ""))
        .containsExactly(dirRef);
    assertThat(run("{\"dir\": {\"topFileCount\": {\"min\": 2}}}", "")).isEmpty();
    assertThat(
            permanodes(
                "\"attr\": \"camliContent\", \"valueInSet\": {\"file\": {\"fileName\":"
                    + " {\"hasSuffix\": \".bin\"}}}"))
        .containsExactly(withFile);
    assertThat(run("{\"blobSize\": {\"min\": 10, \"max\": 10}}", ""))
        .contains(chunk.blobRef().toString());
    assertThat(run("{\"anyCamliType\": true}", "blobref")).contains(fileRef, dirRef, withFile);
  }

  @Test
  void ordersAndPagesFollowPerkeep() throws Exception {
    String first = node(Map.of("title", "1"));
    String second = node(Map.of("title", "2"));
    String third = node(Map.of("title", "3"));
    String permanodes = "{\"camliType\": \"permanode\"}";

    assertThat(run(permanodes, "created")).containsExactly(first, second, third);
    assertThat(run(permanodes, "-mod")).containsExactly(third, second, first);
    Map<String, @Nullable Object> page = engine().run(query(permanodes, "-created", 2, ""));
    assertThat(page.get("continue")).asString().startsWith("pn:").endsWith(second);
    Object token = page.get("continue");
    assertThat(blobs(engine().run(query(permanodes, "-created", 2, String.valueOf(token)))))
        .containsExactly(first);
    assertThat(blobs(engine().run(query(permanodes, "-created", 2, "garbage"))))
        .containsExactly(third, second);
    assertThat(blobs(engine().run(query(permanodes, "map", 1, "")))).hasSize(3);
    assertThat(blobs(engine().run(query(permanodes, "blobref", 1, "")))).hasSize(1);
  }

  @Test
  void aPermanodeWithoutTimeCannotBeSortedByCreation() throws Exception {
    put(TestBlob.of(SIGNER.sign(PermanodeSchemas.permanode(KEY, "bare", T0))));
    node(Map.of("title", "timed"));

    assertThatThrownBy(() -> run("{\"camliType\": \"permanode\"}", "created"))
        .isInstanceOf(SearchException.class)
        .hasMessageStartingWith("no ctime or modtime found for sha224-");
  }

  private List<String> permanodes(String permanodeConstraint) throws Exception {
    return run("{\"permanode\": {" + permanodeConstraint + "}}", "blobref");
  }

  private static String match(String stringConstraint) {
    return "\"attr\": \"title\", \"valueMatches\": " + stringConstraint;
  }

  private static String logical(String op, String a, String b) {
    return "{\"logical\": {\"op\": \"" + op + "\", \"a\": " + a + ", \"b\": " + b + "}}";
  }

  private List<String> run(String constraint, String sort) throws Exception {
    return blobs(engine().run(query(constraint, sort, 0, "")));
  }

  private static Query query(String constraint, String sort, int limit, String continueToken)
      throws GoJsonException {
    return RequestDecoder.query(
        "{\"constraint\": "
            + constraint
            + (sort.isEmpty() ? "" : ", \"sort\": \"" + sort + "\"")
            + (limit == 0 ? "" : ", \"limit\": " + limit)
            + (continueToken.isEmpty() ? "" : ", \"continue\": \"" + continueToken + "\"")
            + "}");
  }

  private QueryEngine engine() {
    return new QueryEngine(index.corpus(), clock);
  }

  private static List<String> blobs(Map<String, @Nullable Object> response) {
    List<String> refs = new ArrayList<>();
    Object blobs = response.get("blobs");
    if (blobs instanceof List<?> list) {
      for (Object item : list) {
        refs.add(String.valueOf(((Map<?, ?>) item).get("blob")));
      }
    }
    return refs;
  }

  private String node(Map<String, String> attributes) {
    String ref =
        put(TestBlob.of(SIGNER.sign(PermanodeSchemas.permanode(KEY, "r" + second++, T0))))
            .blobRef()
            .toString();
    attributes.forEach((name, value) -> claim("set-attribute", ref, name, value));
    return ref;
  }

  private void claim(String type, String permanode, String attr, String value) {
    second++;
    put(
        TestBlob.of(
            SIGNER.sign(
                PermanodeSchemas.attributeClaim(
                    KEY, T0.plusSeconds(second), type, BlobRef.parse(permanode), attr, value))));
  }

  private TestBlob put(TestBlob blob) {
    return fixture.put(blob);
  }
}
