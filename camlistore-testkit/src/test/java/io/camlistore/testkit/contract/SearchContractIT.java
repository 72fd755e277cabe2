package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search handler answers as the fixture server did: after the fixture data is stored (see
 * {@link SearchSeed}), describe, claims, query and the lookups give the captured bodies byte for
 * byte, with {@code text/javascript}, and the captured errors. Needs a server whose identity is the
 * fixtures' (the embedded one is; a real one only if it runs with the test key).
 */
class SearchContractIT {
  private static final String A380 = SearchSeed.FIXTURE_PERMANODE;
  private static final String HELLO_CHUNK =
      "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";

  private final ContractTarget target = ContractTarget.get();

  @BeforeEach
  void seed() {
    assumeTrue(target.hasFixtureIdentity(), "the server's identity is not the fixtures'");
    SearchSeed.seed(target);
  }

  @Test
  void describingAPermanodeShowsItsAttributesAfterEveryClaim() {
    assertFixture(get("describe?blobref=" + A380), 200, "62-search-describe-get-permanode");
  }

  @Test
  void describingByPostFollowsReferencesToTheRequestedDepth() {
    assertFixture(
        post("describe", "63-search-describe-post-json"), 200, "63-search-describe-post-json");
  }

  @Test
  void describeRulesAddTheBlobsOfTheNamedAttributes() {
    assertFixture(
        post("describe", "64-search-describe-post-rules"), 200, "64-search-describe-post-rules");
  }

  @Test
  void describingADirectoryDescribesItsChildrenAtTheSameDepth() {
    assertFixture(
        get("describe?blobref=sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f"),
        200,
        "66-search-describe-directory");
  }

  @Test
  void repeatedBlobrefParametersDescribeEachBlob() {
    assertFixture(
        get(
            "describe?blobref=sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6"
                + "&blobref=sha224-6a00fb68d7f9af364a8802f284b32078e11149f66f22b13e94e5b159"),
        200,
        "67-search-describe-multiple-get");
  }

  @Test
  void describingAnUnknownBlobGivesAnEmptyMeta() {
    assertFixture(
        get("describe?blobref=sha224-00000000000000000000000000000000000000000000000000000000"),
        200,
        "68-search-describe-unknown-blob");
  }

  @Test
  void describeWithoutBlobrefIsA400JsonError() {
    assertFixture(get("describe"), 400, "69-search-describe-missing-param");
  }

  @Test
  void describeWithABadJsonBodyIsA500JsonErrorWithGosMessage() {
    assertFixture(
        post("describe", "70-search-describe-bad-json"), 500, "70-search-describe-bad-json");
  }

  @Test
  void describingARawBlobGivesOnlyItsSize() {
    assertFixture(get("describe?blobref=" + HELLO_CHUNK), 200, "71-search-describe-plain-blob");
  }

  @Test
  void aPermanodeSignedByTheSignHelperIsDescribedWithItsClaim() {
    assertFixture(
        get("describe?blobref=sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4"),
        200,
        "72-search-describe-signed-by-server");
  }

  @Test
  void queryingByAttributeFindsThePermanodeAndDescribesIt() {
    assertFixture(
        post("query", "73-search-query-permanode-attr"), 200, "73-search-query-permanode-attr");
  }

  @Test
  void queryingByExpressionFindsTheTaggedPermanode() {
    assertFixture(post("query", "74-search-query-expression"), 200, "74-search-query-expression");
  }

  @Test
  void aLimitedPermanodeQueryGivesTheNewestFirstAndAContinueToken() {
    assertFixture(
        post("query", "75-search-query-all-permanodes-limit-continue"),
        200,
        "75-search-query-all-permanodes-limit-continue");
  }

  @Test
  void fileQueriesMatchFileSchemaBlobsSortedByRef() {
    HttpResponse<byte[]> response = post("query", "76-search-query-file-by-name");

    assertThat(response.statusCode()).isEqualTo(200);
    // The fixture server held two more .txt files than the captures do.
    assertThat(Blobs.text(response))
        .contains(
            "sha224-36072c91a6d5454d29a2a5f2612dcc813a1d049c6a0a8ae715b20fe2",
            "sha224-5732c478e765e292c2268113a5552a99391b7f996c43d0a6b7f9736d",
            "sha224-9dbefb2134e030f6baae8c76cefefdd09f30e3942373b69644a00168",
            "sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6")
        .endsWith("  ],\n  \"description\": null,\n  \"LocationArea\": null\n}\n");
  }

  @Test
  void aQueryMatchingNothingHasNullBlobs() {
    assertFixture(
        post("query", "77-search-query-match-nothing"), 200, "77-search-query-match-nothing");
  }

  @Test
  void aTruncatedQueryBodyIsA500UnexpectedEof() {
    assertFixture(post("query", "78-search-query-bad-json"), 500, "78-search-query-bad-json");
  }

  @Test
  void constraintAndExpressionTogetherAreAnInvalidQuery() {
    assertFixture(
        post("query", "79-search-query-bad-constraint"), 500, "79-search-query-bad-constraint");
  }

  @Test
  void getOnQueryIsAnUnsupportedMethodWithHttp200() {
    assertFixture(get("query"), 200, "80-search-query-get-unsupported");
  }

  @Test
  void claimsAreListedOldestFirst() {
    assertFixture(get("claims?permanode=" + A380), 200, "81-search-claims");
  }

  @Test
  void claimsCanBeFilteredByAttribute() {
    assertFixture(
        get("claims?permanode=" + A380 + "&attrFilter=tag"), 200, "82-search-claims-attrfilter");
  }

  @Test
  void claimsWithoutPermanodeIsA400JsonError() {
    assertFixture(get("claims"), 400, "83-search-claims-missing-param");
  }

  @Test
  void claimsOfAnUnknownPermanodeAreNull() {
    assertFixture(
        get("claims?permanode=sha224-00000000000000000000000000000000000000000000000000000000"),
        200,
        "84-search-claims-unknown-permanode");
  }

  @Test
  void recentListsTheLastModifiedPermanodesWithDescriptions() {
    assertFixture(get("recent?n=3"), 200, "85-search-recent");
  }

  @Test
  void permanodeattrFindsPermanodesByIndexedAttribute() {
    assertFixture(get("permanodeattr?attr=tag&value=alpha"), 200, "86-search-permanodeattr");
  }

  @Test
  void filesFindsFileSchemasByWholeContentDigest() {
    assertFixture(get("files?wholedigest=" + HELLO_CHUNK), 200, "87-search-files-wholedigest");
  }

  @Test
  void filesAnswersSeveralDigestsInOneRequestWithNullForAnUnknownOne() {
    String unknown = "sha224-" + "0".repeat(56);
    HttpResponse<byte[]> response =
        get(
            "files?wholedigest="
                + HELLO_CHUNK
                + "&wholedigest="
                + unknown
                + "&wholedigest="
                + HELLO_CHUNK);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode files = ContractTarget.json(response.body()).get("files");
    // Keys sorted as Go sorts map keys, a repeated digest once.
    assertThat(files.fieldNames()).toIterable().containsExactly(unknown, HELLO_CHUNK);
    assertThat(files.get(unknown).isNull()).isTrue();
    assertThat(files.get(HELLO_CHUNK).toString())
        .contains("sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6");
  }

  @Test
  void signerattrvalueFindsThePermanodeBySignerAttributeAndValue() {
    assertFixture(
        get(
            "signerattrvalue?signer=sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e"
                + "&attr=title&value=Fixture%20tree"),
        200,
        "88-search-signerattrvalue");
  }

  @Test
  void edgestoFindsPermanodesListingTheBlobAsAMember() {
    assertFixture(get("edgesto?blobref=" + SearchSeed.PLANNED_B_TXT), 200, "89-search-edgesto");
  }

  @Test
  void anUnknownEndpointIsAnErrorWithHttp200() {
    assertFixture(get("nosuchthing"), 200, "90-search-unknown-endpoint");
  }

  @Test
  void searchNeedsCredentials() {
    assumeTrue(target.authConfigured());
    HttpResponse<byte[]> response =
        target.sendAsIs(target.searchRequest("describe?blobref=" + A380));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("91-search-no-auth-401"));
  }

  private HttpResponse<byte[]> get(String endpoint) {
    return target.send(target.searchRequest(endpoint).GET());
  }

  private HttpResponse<byte[]> post(String endpoint, String fixture) {
    return target.send(
        target
            .searchRequest(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.request(fixture))));
  }

  private static void assertFixture(HttpResponse<byte[]> response, int status, String fixture) {
    assertThat(response.statusCode()).as("status").isEqualTo(status);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(fixture));
  }
}
