package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.protocol.Rfc3339;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search handler answers as the fixture server did. Each run stores its own copy of the fixture
 * data ({@link RunData}) and asks about that copy only, so this holds on a server holding anything
 * else; the captured answers, made about the copy (refs, values, dates and sizes replaced), must
 * come back byte for byte, with {@code text/javascript}. Errors and answers that do not depend on
 * the store are the captures as they are. Needs a server with a sign helper, to sign the copy.
 */
@ContractTest
class SearchContractIT {
  private static final String A380 = SearchSeed.FIXTURE_PERMANODE;
  private static final String TREE_DIRECTORY =
      "sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f";
  private static final String TREE_ENTRIES =
      "sha224-6a00fb68d7f9af364a8802f284b32078e11149f66f22b13e94e5b159";
  private static final String HELLO_CHUNK =
      "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";
  private static final String HELLO_FILE =
      "sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6";
  private static final String SIGNED_BY_SERVER =
      "sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4";
  private static final String UNKNOWN =
      "sha224-00000000000000000000000000000000000000000000000000000000";

  private static @Nullable RunData copy;

  private final ContractTarget target = ContractTarget.get();

  @BeforeAll
  static void storeThisRunsCopy() {
    ContractTarget target = ContractTarget.get();
    assumeTrue(
        target.publicKeyRef() != null,
        "the server has no sign helper to sign this run's permanodes and claims with");
    copy = RunData.store(target);
  }

  private static RunData data() {
    return Objects.requireNonNull(copy, "this run's copy is not stored");
  }

  @Test
  void describingAPermanodeShowsItsAttributesAfterEveryClaim() {
    assertAnswer(
        get("describe?blobref=" + data().ref(A380)), 200, "62-search-describe-get-permanode");
  }

  @Test
  void describingByPostFollowsReferencesToTheRequestedDepth() {
    assertAnswer(
        post("describe", data().request(Fixtures.request("63-search-describe-post-json"))),
        200,
        "63-search-describe-post-json");
  }

  @Test
  void describeRulesAddTheBlobsOfTheNamedAttributes() {
    assertAnswer(
        post("describe", data().request(Fixtures.request("64-search-describe-post-rules"))),
        200,
        "64-search-describe-post-rules");
  }

  @Test
  void describingADirectoryDescribesItsChildrenAtTheSameDepth() {
    assertAnswer(
        get("describe?blobref=" + data().ref(TREE_DIRECTORY)), 200, "66-search-describe-directory");
  }

  @Test
  void repeatedBlobrefParametersDescribeEachBlob() {
    assertAnswer(
        get("describe?blobref=" + data().ref(HELLO_FILE) + "&blobref=" + data().ref(TREE_ENTRIES)),
        200,
        "67-search-describe-multiple-get");
  }

  @Test
  void describingAnUnknownBlobGivesAnEmptyMeta() {
    assertFixture(get("describe?blobref=" + UNKNOWN), 200, "68-search-describe-unknown-blob");
  }

  @Test
  void describeWithoutBlobrefIsA400JsonError() {
    assertFixture(get("describe"), 400, "69-search-describe-missing-param");
  }

  @Test
  void describeWithABadJsonBodyIsA500JsonErrorWithGosMessage() {
    assertFixture(
        post("describe", Fixtures.text("70-search-describe-bad-json.req.body")),
        500,
        "70-search-describe-bad-json");
  }

  @Test
  void describingARawBlobGivesOnlyItsSize() {
    assertAnswer(
        get("describe?blobref=" + data().ref(HELLO_CHUNK)), 200, "71-search-describe-plain-blob");
  }

  @Test
  void aPermanodeSignedByTheSignHelperIsDescribedWithItsClaim() {
    assertAnswer(
        get("describe?blobref=" + data().ref(SIGNED_BY_SERVER)),
        200,
        "72-search-describe-signed-by-server");
  }

  @Test
  void queryingByAttributeFindsThePermanodeAndDescribesIt() {
    assertAnswer(
        post("query", data().request(Fixtures.request("73-search-query-permanode-attr"))),
        200,
        "73-search-query-permanode-attr");
  }

  @Test
  void queryingByExpressionFindsTheTaggedPermanode() {
    String request =
        Fixtures.text("74-search-query-expression.req.body")
            .replace("tag:alpha", "tag:" + data().value("alpha"));

    assertAnswer(post("query", request), 200, "74-search-query-expression");
  }

  @Test
  void aLimitedPermanodeQueryGivesTheNewestFirstAndAContinueToken() {
    // The query continues from just after this run's claims, so that only its copy is listed.
    Map<String, @Nullable Object> request =
        Answers.parseObject(
            Fixtures.text("75-search-query-all-permanodes-limit-continue.req.body"));
    request.put("continue", "pn:" + RunData.unixNanos(data().end()) + ":sha224-" + "f".repeat(56));

    assertAnswer(
        post("query", Answers.compact(request)),
        200,
        "75-search-query-all-permanodes-limit-continue");
  }

  @Test
  void fileQueriesMatchFileSchemaBlobsSortedByRef() {
    String suffix = data().value("a.txt").substring("a".length());
    String request =
        Fixtures.text("76-search-query-file-by-name.req.body")
            .replace("\".txt\"", "\"" + suffix + "\"");

    HttpResponse<byte[]> response = post("query", request);

    // The fixture server held two more .txt files than the captures do: this run has the others.
    Map<String, @Nullable Object> expected =
        Answers.parseObject(data().expected(Fixtures.response("76-search-query-file-by-name")));
    List<String> files =
        ((List<?>) Objects.requireNonNull(expected.get("blobs")))
            .stream()
                .map(blob -> String.valueOf(((Map<?, ?>) blob).get("blob")))
                .filter(data()::isCopy)
                .sorted()
                .toList();
    expected.put("blobs", files.stream().map(file -> Map.of("blob", file)).toList());
    assertThat(files).hasSize(4);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.text(response)).isEqualTo(Answers.goJson(expected));
  }

  @Test
  void aQueryMatchingNothingHasNullBlobs() {
    String request =
        Fixtures.text("77-search-query-match-nothing.req.body")
            .replace("no such title", data().unique("no such title"));

    assertFixture(post("query", request), 200, "77-search-query-match-nothing");
  }

  @Test
  void aTruncatedQueryBodyIsA500UnexpectedEof() {
    assertFixture(
        post("query", Fixtures.text("78-search-query-bad-json.req.body")),
        500,
        "78-search-query-bad-json");
  }

  @Test
  void constraintAndExpressionTogetherAreAnInvalidQuery() {
    assertFixture(
        post("query", Fixtures.text("79-search-query-bad-constraint.req.body")),
        500,
        "79-search-query-bad-constraint");
  }

  @Test
  void getOnQueryIsAnUnsupportedMethodWithHttp200() {
    assertFixture(get("query"), 200, "80-search-query-get-unsupported");
  }

  @Test
  void claimsAreListedOldestFirst() {
    assertAnswer(get("claims?permanode=" + data().ref(A380)), 200, "81-search-claims");
  }

  @Test
  void claimsCanBeFilteredByAttribute() {
    assertAnswer(
        get("claims?permanode=" + data().ref(A380) + "&attrFilter=tag"),
        200,
        "82-search-claims-attrfilter");
  }

  @Test
  void claimsWithoutPermanodeIsA400JsonError() {
    assertFixture(get("claims"), 400, "83-search-claims-missing-param");
  }

  @Test
  void claimsOfAnUnknownPermanodeAreNull() {
    assertFixture(get("claims?permanode=" + UNKNOWN), 200, "84-search-claims-unknown-permanode");
  }

  @Test
  void recentListsTheLastModifiedPermanodesWithDescriptions() {
    // Recent before the end of this run's claims: its copy's three newest permanodes.
    assertAnswer(get("recent?n=3&before=" + Rfc3339.format(data().end())), 200, "85-search-recent");
  }

  @Test
  void permanodeattrFindsPermanodesByIndexedAttribute() {
    assertAnswer(
        get("permanodeattr?attr=tag&value=" + ContractTarget.encode(data().value("alpha"))),
        200,
        "86-search-permanodeattr");
  }

  @Test
  void filesFindsFileSchemasByWholeContentDigest() {
    assertAnswer(
        get("files?wholedigest=" + data().ref(HELLO_CHUNK)), 200, "87-search-files-wholedigest");
  }

  @Test
  void filesAnswersSeveralDigestsInOneRequestWithNullForAnUnknownOne() {
    String unknown = "sha224-" + "0".repeat(56);
    String hello = data().ref(HELLO_CHUNK);
    HttpResponse<byte[]> response =
        get("files?wholedigest=" + hello + "&wholedigest=" + unknown + "&wholedigest=" + hello);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode files = ContractTarget.json(response.body()).get("files");
    // Keys sorted as Go sorts map keys, a repeated digest once.
    assertThat(files.fieldNames())
        .toIterable()
        .containsExactlyElementsOf(List.of(unknown, hello).stream().sorted().toList());
    assertThat(files.get(unknown).isNull()).isTrue();
    assertThat(files.get(hello).toString()).contains(data().ref(HELLO_FILE));
  }

  @Test
  void signerattrvalueFindsThePermanodeBySignerAttributeAndValue() {
    assertAnswer(
        get(
            "signerattrvalue?signer="
                + target.publicKeyRef()
                + "&attr=title&value="
                + ContractTarget.encode(data().value("Fixture tree"))),
        200,
        "88-search-signerattrvalue");
  }

  @Test
  void edgestoFindsPermanodesListingTheBlobAsAMember() {
    assertAnswer(
        get("edgesto?blobref=" + data().ref(SearchSeed.PLANNED_B_TXT)), 200, "89-search-edgesto");
  }

  @Test
  void anUnknownEndpointIsAnErrorWithHttp200() {
    assertFixture(get("nosuchthing"), 200, "90-search-unknown-endpoint");
  }

  @Test
  void searchNeedsCredentials() {
    assumeTrue(target.authConfigured(), "the target server needs no credentials");
    HttpResponse<byte[]> response =
        target.sendAsIs(target.searchRequest("describe?blobref=" + data().ref(A380)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("91-search-no-auth-401"));
  }

  private HttpResponse<byte[]> get(String endpoint) {
    return target.send(target.searchRequest(endpoint).GET());
  }

  private HttpResponse<byte[]> post(String endpoint, String body) {
    return target.send(
        target
            .searchRequest(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * The captured answer, made about this run's copy: formatted as Go does, and equal but for the
   * order of directory children, which a real server does not keep.
   */
  private static void assertAnswer(HttpResponse<byte[]> response, int status, String fixture) {
    assertThat(response.statusCode()).as("status").isEqualTo(status);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    String answer = Blobs.text(response);
    assertThat(answer).as("Go's formatting").isEqualTo(Answers.goJson(Answers.parse(answer)));
    assertThat(Answers.withDirChildrenSorted(answer))
        .isEqualTo(Answers.withDirChildrenSorted(data().expected(Fixtures.response(fixture))));
  }

  /** The captured answer as it is. */
  private static void assertFixture(HttpResponse<byte[]> response, int status, String fixture) {
    assertThat(response.statusCode()).as("status").isEqualTo(status);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(fixture));
  }
}
