package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camlistore.client.WireMockFixtures.BASIC_AUTH;
import static io.camlistore.client.WireMockFixtures.requestText;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.internal.HttpTransport;
import io.camlistore.protocol.BlobRef;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SearchClient} against the captured search fixtures 62–92. */
class SearchClientTest {
  static final String SEARCH = "/my-search/camli/search/";
  static final BlobRef PERMANODE =
      BlobRef.parse("sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265");
  static final BlobRef TREE_PERMANODE =
      BlobRef.parse("sha224-c724b97139b9153fb1e5af5663479181cb2440760c4a14aada5ba16a");
  static final BlobRef TREE_DIR =
      BlobRef.parse("sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f");
  static final BlobRef HELLO_FILE =
      BlobRef.parse("sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6");
  static final BlobRef TREE_STATIC_SET =
      BlobRef.parse("sha224-6a00fb68d7f9af364a8802f284b32078e11149f66f22b13e94e5b159");
  static final BlobRef PLANNED_PERMANODE =
      BlobRef.parse("sha224-505e9d4360bd6ea97eb1e895c68c88adde77c34b6a823075c6de0436");
  static final BlobRef SERVER_KEY =
      BlobRef.parse("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");
  static final BlobRef UNKNOWN =
      BlobRef.parse("sha224-00000000000000000000000000000000000000000000000000000000");

  @RegisterExtension static WireMockExtension server = WireMockFixtures.server();

  Connection conn;
  SearchClient search;

  @BeforeEach
  void connect() {
    conn = WireMockFixtures.connect(server);
    search = conn.searcher();
  }

  @AfterEach
  void noLeakedConnections() {
    assertThat(conn.leasedHttpConnections()).isZero();
    conn.close();
  }

  @Test
  void searcherUsesTheDiscoveredSearchRoot() {
    assertThat(search.searchRoot()).isEqualTo(URI.create(server.baseUrl() + "/my-search/"));
  }

  @Test
  void searcherIsUnavailableWithoutASearchRootAndSendsNothing() {
    ConnectOptions options = ConnectOptions.defaults();
    Discovery noIndex =
        Discovery.builder(URI.create("http://127.0.0.1:9/"))
            .blobRoot(URI.create("http://127.0.0.1:9/bs/"))
            .build();
    try (Connection withoutIndex =
        new Connection(HttpTransport.create(options), noIndex, options)) {
      assertThatThrownBy(withoutIndex::searcher)
          .isInstanceOf(ServerFeatureUnavailableException.class)
          .hasMessageContaining("searchRoot");
    }
  }

  // ---- describe ----

  @Test
  void describeBlobSendsTheRefAsQueryParameterAndReadsThePermanode() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "describe?blobref=" + PERMANODE))
            .willReturn(Fixture.named("62-search-describe-get-permanode").response()));

    BlobDescription description = search.describeBlob(PERMANODE);

    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(SEARCH + "describe"))
            .withQueryParam("blobref", equalTo(PERMANODE.toString()))
            .withHeader("Authorization", equalTo(BASIC_AUTH)));
    assertThat(description.blobRef()).isEqualTo(PERMANODE);
    assertThat(description.type()).isEqualTo("permanode");
    assertThat(description.size()).isEqualTo(629);
    assertThat(description.attribute("title")).isEqualTo("Fixture permanode");
    assertThat(description.attributeValues("tag")).containsExactly("alpha", "beta", "gamma");
    assertThat(description.modTime()).isEqualTo(Instant.parse("2026-11-25T09:33:01.925825935Z"));
  }

  @Test
  void describeBlobWithOptionsPostsJsonAndAnswersRelatedBlobsWithoutAskingAgain() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "describe"))
            .withRequestBody(equalToJson(requestText("63-search-describe-post-json")))
            .willReturn(Fixture.named("63-search-describe-post-json").response()));

    BlobDescription tree =
        search.describeBlob(TREE_PERMANODE, DescribeOptions.builder().depth(2).build());

    server.verify(
        1,
        postRequestedFor(urlEqualTo(SEARCH + "describe"))
            .withHeader("Content-Type", equalTo("application/json; charset=UTF-8")));
    assertThat(tree.attribute("title")).isEqualTo("Fixture tree");
    BlobRef content = BlobRef.parse(Objects.requireNonNull(tree.attribute("camliContent")));
    BlobDescription dir = tree.describeAnother(content);
    assertThat(dir.blobRef()).isEqualTo(TREE_DIR);
    assertThat(dir.type()).isEqualTo("directory");
    assertThat(dir.fileName()).isEqualTo("tree");
    assertThat(dir.directoryChildren()).hasSize(3);
    List<String> names =
        dir.directoryChildren().stream()
            .map(child -> dir.describeAnother(child).fileName())
            .collect(Collectors.toList());
    assertThat(names).containsExactlyInAnyOrder("a.txt", "b.txt", "sub");
    // Everything came from the one answer: the strict server saw just discovery and one describe.
    server.verify(1, postRequestedFor(urlPathEqualTo(SEARCH + "describe")));
  }

  @Test
  void describeBlobsWithRulesPostsTheRefsAndRules() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "describe"))
            .withRequestBody(equalToJson(requestText("64-search-describe-post-rules")))
            .willReturn(Fixture.named("64-search-describe-post-rules").response()));

    Map<BlobRef, BlobDescription> described =
        search.describeBlobs(
            List.of(TREE_PERMANODE, PERMANODE),
            DescribeOptions.builder()
                .rule(DescribeOptions.Rule.followAttributes("camliContent", "camliContentImage"))
                .build());

    assertThat(described.keySet()).containsExactly(TREE_PERMANODE, PERMANODE);
    assertThat(Objects.requireNonNull(described.get(PERMANODE)).attribute("title"))
        .isEqualTo("Fixture permanode");
    BlobDescription tree = Objects.requireNonNull(described.get(TREE_PERMANODE));
    assertThat(tree.describeAnother(TREE_DIR).directoryEntryCount()).isEqualTo(3L);
  }

  @Test
  void describeBlobsRepeatsTheBlobrefParameterAndKeepsRequestOrder() {
    // Fixture 67 described two refs; a third, unknown ref is simply not in the server's meta.
    server.stubFor(
        get(urlEqualTo(
                SEARCH
                    + "describe?blobref="
                    + HELLO_FILE
                    + "&blobref="
                    + TREE_STATIC_SET
                    + "&blobref="
                    + UNKNOWN))
            .willReturn(Fixture.named("67-search-describe-multiple-get").response()));

    Map<BlobRef, BlobDescription> described =
        search.describeBlobs(List.of(HELLO_FILE, TREE_STATIC_SET, UNKNOWN));

    assertThat(described.keySet()).containsExactly(HELLO_FILE, TREE_STATIC_SET);
    assertThat(Objects.requireNonNull(described.get(TREE_STATIC_SET)).type())
        .isEqualTo("static-set");
    assertThat(Objects.requireNonNull(described.get(HELLO_FILE)).fileName()).isEqualTo("hello.txt");
    assertThat(search.describeBlobs(List.of())).isEmpty();
  }

  @Test
  void describeBlobThatTheServerAnswersAndTheRelatedRecordsFormOneAnswer() {
    // PC-24 with real refs: the description's own record is the requested one, the other record
    // of the same answer is its related description (PC-27, first half).
    server.stubFor(
        get(urlEqualTo(SEARCH + "describe?blobref=" + HELLO_FILE))
            .willReturn(Fixture.named("67-search-describe-multiple-get").response()));

    BlobDescription hello = search.describeBlob(HELLO_FILE);

    assertThat(hello.blobRef()).isEqualTo(HELLO_FILE);
    assertThat(hello.raw()).containsEntry("blobRef", HELLO_FILE.toString());
    assertThat(hello.describeAnother(TREE_STATIC_SET).blobRef()).isEqualTo(TREE_STATIC_SET);
    server.verify(1, getRequestedFor(urlPathEqualTo(SEARCH + "describe")));
  }

  @Test
  void describeAnotherAsksTheServerForABlobNotInTheAnswer() {
    // PC-27, second half: a ref outside the related records is a fresh describe request.
    server.stubFor(
        get(urlEqualTo(SEARCH + "describe?blobref=" + HELLO_FILE))
            .willReturn(Fixture.named("67-search-describe-multiple-get").response()));
    server.stubFor(
        get(urlEqualTo(SEARCH + "describe?blobref=" + PERMANODE))
            .willReturn(Fixture.named("62-search-describe-get-permanode").response()));

    BlobDescription other = search.describeBlob(HELLO_FILE).describeAnother(PERMANODE);

    assertThat(other.blobRef()).isEqualTo(PERMANODE);
    assertThat(other.attribute("title")).isEqualTo("Fixture permanode");
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(SEARCH + "describe"))
            .withQueryParam("blobref", equalTo(PERMANODE.toString())));
  }

  @Test
  void describeBlobOfAnUnknownBlobThrowsNotFound() {
    // the server answers {"meta": {}}; that is NotFound, not a crash.
    server.stubFor(
        get(urlEqualTo(SEARCH + "describe?blobref=" + UNKNOWN))
            .willReturn(Fixture.named("68-search-describe-unknown-blob").response()));

    assertThatThrownBy(() -> search.describeBlob(UNKNOWN))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(UNKNOWN.toString());
  }

  @Test
  void describeBlobAnsweredWithAMissingParameterErrorKeepsTheServerText() {
    server.stubFor(
        get(urlPathEqualTo(SEARCH + "describe"))
            .willReturn(Fixture.named("69-search-describe-missing-param").response()));

    assertThatThrownBy(() -> search.describeBlob(PERMANODE))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.serverError()).isEqualTo("Missing parameter \"blobref\"");
            })
        .hasMessageContaining("/my-search/camli/search/describe");
  }

  @Test
  void describeBlobAnsweredWithA500JsonErrorThrowsServerExceptionWithItsText() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "describe"))
            .willReturn(Fixture.named("70-search-describe-bad-json").response()));

    assertThatThrownBy(() -> search.describeBlob(PERMANODE, DescribeOptions.defaults()))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.serverError())
                  .isEqualTo("invalid character 'n' looking for beginning of object key string");
            });
  }

  @Test
  void describeBlobSignedByTheServerDecodesEscapedCharacters() {
    BlobRef signed =
        BlobRef.parse("sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4");
    server.stubFor(
        get(urlEqualTo(SEARCH + "describe?blobref=" + signed))
            .willReturn(Fixture.named("72-search-describe-signed-by-server").response()));

    BlobDescription description = search.describeBlob(signed);

    assertThat(description.attribute("title"))
        .isEqualTo("Signed by the server <sighelper> & uploaded with curl");
    assertThat(description.modTime()).isEqualTo(Instant.parse("2020-11-01T12:00:00Z"));
  }

  // ---- claims ----

  @Test
  void getClaimsForPermanodeListsEveryClaimOldestFirstWithFullPrecision() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "claims?permanode=" + PERMANODE))
            .willReturn(Fixture.named("81-search-claims").response()));

    List<ClaimMeta> claims = search.getClaimsForPermanode(PERMANODE);

    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(SEARCH + "claims"))
            .withQueryParam("permanode", equalTo(PERMANODE.toString())));
    assertThat(claims)
        .extracting(ClaimMeta::type, ClaimMeta::attr, ClaimMeta::value)
        .containsExactly(
            tuple("set-attribute", "title", "Fixture permanode"),
            tuple("add-attribute", "tag", "alpha"),
            tuple("add-attribute", "tag", "beta"),
            tuple("set-attribute", "description", "A permanode made for fixtures"),
            tuple("add-attribute", "tag", "gamma"),
            tuple("add-attribute", "camliMember", PLANNED_PERMANODE.toString()));
    ClaimMeta first = claims.get(0);
    assertThat(first.blobRef())
        .isEqualTo(
            BlobRef.parse("sha224-23371de2b979f51c8c051c8a9f66f171f0e990c6284be3009b2de760"));
    assertThat(first.signerBlobRef()).isEqualTo(SERVER_KEY);
    assertThat(first.permanodeBlobRef()).isEqualTo(PERMANODE);
    assertThat(first.targetBlobRef()).isNull();
    assertThat(first.time()).isEqualTo(Instant.parse("2026-11-25T09:30:13.304071302Z"));
    assertThat(claims.get(1).time()).isEqualTo(Instant.parse("2026-11-25T09:30:13.350237050Z"));
  }

  @Test
  void getClaimsForPermanodeWithAttrFilterSendsTheFilter() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "claims?permanode=" + PERMANODE + "&attrFilter=tag"))
            .willReturn(Fixture.named("82-search-claims-attrfilter").response()));

    List<ClaimMeta> claims = search.getClaimsForPermanode(PERMANODE, "tag");

    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(SEARCH + "claims"))
            .withQueryParam("permanode", equalTo(PERMANODE.toString()))
            .withQueryParam("attrFilter", equalTo("tag")));
    assertThat(claims).extracting(ClaimMeta::value).containsExactly("alpha", "beta", "gamma");
    assertThat(claims).allSatisfy(claim -> assertThat(claim.attr()).isEqualTo("tag"));
  }

  @Test
  void getClaimsForPermanodeRejectsAnEmptyAttrFilterWithoutSending() {
    assertThatThrownBy(() -> search.getClaimsForPermanode(PERMANODE, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attrFilter");
  }

  @Test
  void getClaimsAnsweredWithAMissingParameterErrorThrowsServerException() {
    server.stubFor(
        get(urlPathEqualTo(SEARCH + "claims"))
            .willReturn(Fixture.named("83-search-claims-missing-param").response()));

    assertThatThrownBy(() -> search.getClaimsForPermanode(PERMANODE))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.serverError()).isEqualTo("Missing parameter \"permanode\"");
            });
  }

  @Test
  void getClaimsOfAnUnknownPermanodeIsEmptyForClaimsNull() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "claims?permanode=" + UNKNOWN))
            .willReturn(Fixture.named("84-search-claims-unknown-permanode").response()));

    assertThat(search.getClaimsForPermanode(UNKNOWN)).isEmpty();
  }

  // ---- query ----

  @Test
  void queryWithAnExpressionPostsOnlyTheExpression() {
    // PC-23: the body is exactly {"expression": ...}.
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(equalToJson("{\"expression\": \"tag:alpha\"}"))
            .willReturn(Fixture.named("74-search-query-expression").response()));

    List<SearchResult> results = search.query("tag:alpha");

    assertThat(results).extracting(SearchResult::blobRef).containsExactly(PERMANODE);
  }

  @Test
  void queryRejectsABlankExpressionWithoutSending() {
    assertThatThrownBy(() -> search.query(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expression");
  }

  @Test
  void queryWithAConstraintAndDescribeAttachesEachResultsDescription() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(equalToJson(requestText("73-search-query-permanode-attr")))
            .willReturn(Fixture.named("73-search-query-permanode-attr").response()));

    SearchResults page =
        search.query(
            SearchQuery.builder()
                .constraint(Constraint.attributeEquals("title", "Fixture permanode"))
                .describe(
                    DescribeOptions.builder()
                        .depth(1)
                        .rule(DescribeOptions.Rule.followAttributes("camliContent"))
                        .build())
                .build());

    assertThat(page.results()).extracting(SearchResult::blobRef).containsExactly(PERMANODE);
    assertThat(page.continueToken()).isNull();
    assertThat(page.results().get(0).description())
        .satisfies(d -> assertThat(d.attributeValues("tag")).contains("beta"));
    assertThat(page.descriptions()).containsOnlyKeys(PERMANODE);
  }

  @Test
  void queryWithAnExpressionAndDefaultDescribeSendsAnEmptyDescribeObject() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(equalToJson(requestText("74-search-query-expression")))
            .willReturn(Fixture.named("74-search-query-expression").response()));

    SearchResults page =
        search.query(
            SearchQuery.builder()
                .expression("tag:alpha")
                .describe(DescribeOptions.defaults())
                .build());

    assertThat(requireNonNull(page.results().get(0).description()).attribute("title"))
        .isEqualTo("Fixture permanode");
  }

  @Test
  void queryWithALimitReturnsTheContinueToken() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(
                equalToJson(requestText("75-search-query-all-permanodes-limit-continue")))
            .willReturn(Fixture.named("75-search-query-all-permanodes-limit-continue").response()));

    SearchResults page =
        search.query(
            SearchQuery.builder()
                .constraint(Constraint.camliType("permanode"))
                .limit(2)
                .sort(SearchQuery.Sort.CREATED_DESC)
                .build());

    assertThat(page.results())
        .extracting(SearchResult::blobRef)
        .containsExactly(PERMANODE, TREE_PERMANODE);
    assertThat(page.results().get(0).description()).isNull();
    assertThat(page.descriptions()).isEmpty();
    assertThat(page.continueToken()).isEqualTo("pn:1795599023874987106:" + TREE_PERMANODE);
  }

  @Test
  void queryAllFollowsContinueTokensLazily() {
    String token = "pn:1795599023874987106:" + TREE_PERMANODE;
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(
                equalToJson(requestText("75-search-query-all-permanodes-limit-continue")))
            .willReturn(Fixture.named("75-search-query-all-permanodes-limit-continue").response()));
    // The second page is the server's "nothing more" answer (fixture 77's shape).
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(matchingJsonPath("$.continue", equalTo(token)))
            .willReturn(Fixture.named("77-search-query-match-nothing").response()));
    SearchQuery query =
        SearchQuery.builder()
            .constraint(Constraint.camliType("permanode"))
            .limit(2)
            .sort(SearchQuery.Sort.CREATED_DESC)
            .build();

    try (Stream<SearchResult> stream = search.queryAll(query)) {
      assertThat(stream.limit(1).map(SearchResult::blobRef)).containsExactly(PERMANODE);
    }
    server.verify(1, postRequestedFor(urlEqualTo(SEARCH + "query")));

    List<BlobRef> all = search.queryAll(query).map(SearchResult::blobRef).toList();

    assertThat(all).containsExactly(PERMANODE, TREE_PERMANODE);
    server.verify(
        1,
        postRequestedFor(urlEqualTo(SEARCH + "query"))
            .withRequestBody(
                equalToJson(
                    "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                        + " \"sort\": \"-created\", \"continue\": \""
                        + token
                        + "\"}")));
  }

  @Test
  void queryForFileNamesSendsTheStringConstraint() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(equalToJson(requestText("76-search-query-file-by-name")))
            .willReturn(Fixture.named("76-search-query-file-by-name").response()));

    SearchResults page =
        search.query(
            SearchQuery.builder()
                .constraint(Constraint.fileName(StringMatch.endsWith(".txt")))
                .sort(SearchQuery.Sort.BLOBREF)
                .build());

    assertThat(page.results()).hasSize(6);
    assertThat(page.results()).extracting(SearchResult::blobRef).contains(HELLO_FILE).isSorted();
  }

  @Test
  void queryMatchingNothingIsEmptyForBlobsNull() {
    // "blobs": null is an empty result.
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .withRequestBody(equalToJson(requestText("77-search-query-match-nothing")))
            .willReturn(Fixture.named("77-search-query-match-nothing").response()));

    SearchResults page =
        search.query(SearchQuery.of(Constraint.attributeEquals("title", "no such title")));

    assertThat(page.results()).isEmpty();
    assertThat(page.continueToken()).isNull();
    assertThat(
            search.queryAll(SearchQuery.of(Constraint.attributeEquals("title", "no such title"))))
        .isEmpty();
  }

  @Test
  void queryAnsweredWith500ThrowsServerExceptionWithTheServerText() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .willReturn(Fixture.named("78-search-query-bad-json").response()));

    assertThatThrownBy(() -> search.query("tag:alpha"))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.serverError()).isEqualTo("unexpected EOF");
            })
        .hasMessageContaining("unexpected EOF");
  }

  @Test
  void queryRejectedAsInvalidByTheServerThrowsServerExceptionWithItsReason() {
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .willReturn(Fixture.named("79-search-query-bad-constraint").response()));

    assertThatThrownBy(() -> search.query(SearchQuery.of(Constraint.camliType("permanode"))))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("Invalid SearchQuery");
  }

  @Test
  void searchErrorSentWithStatus200ThrowsServerException() {
    // Fixture 80 (GET on query) and 90 (unknown endpoint): HTTP 200 with an "error" field.
    server.stubFor(
        post(urlEqualTo(SEARCH + "query"))
            .willReturn(Fixture.named("80-search-query-get-unsupported").response()));
    server.stubFor(
        get(urlPathEqualTo(SEARCH + "claims"))
            .willReturn(Fixture.named("90-search-unknown-endpoint").response()));

    assertThatThrownBy(() -> search.query("tag:alpha"))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.serverError()).isEqualTo("Unsupported search path or method");
            });
    assertThatThrownBy(() -> search.getClaimsForPermanode(PERMANODE))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("Unsupported search path or method (input)");
  }

  @Test
  void searchWithoutValidCredentialsThrowsAuthenticationException() {
    server.stubFor(
        get(urlPathEqualTo(SEARCH + "describe"))
            .willReturn(Fixture.named("91-search-no-auth-401").response()));
    server.stubFor(
        get(urlPathEqualTo("/bs-and-maybe-also-index/camli/" + HELLO_FILE))
            .willReturn(Fixture.named("92-blob-no-auth-401").response()));

    assertThatThrownBy(() -> search.describeBlob(PERMANODE))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    assertThatThrownBy(() -> conn.blobs().get(HELLO_FILE))
        .isInstanceOf(AuthenticationException.class);
  }

  // ---- other search endpoints ----

  @Test
  void recentPermanodesSendsTheCountAndDescribesEach() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "recent?n=3"))
            .willReturn(Fixture.named("85-search-recent").response()));

    List<SearchResult> recent = search.recentPermanodes(3);

    assertThat(recent)
        .extracting(SearchResult::blobRef)
        .containsExactly(
            PERMANODE,
            TREE_PERMANODE,
            BlobRef.parse("sha224-456be4b80db361e9c3891a4a80d1ac6325724ba5610d155c14a0ca51"));
    assertThat(requireNonNull(recent.get(1).description()).modTime())
        .isEqualTo(Instant.parse("2026-11-25T09:30:23.874987106Z"));
    assertThatThrownBy(() -> search.recentPermanodes(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void permanodesWithAttributeSendsAttrAndValue() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "permanodeattr?attr=tag&value=alpha"))
            .willReturn(Fixture.named("86-search-permanodeattr").response()));

    List<SearchResult> found = search.permanodesWithAttribute("tag", "alpha");

    assertThat(found).extracting(SearchResult::blobRef).containsExactly(PERMANODE);
    assertThat(requireNonNull(found.get(0).description()).attribute("title"))
        .isEqualTo("Fixture permanode");
  }

  @Test
  void permanodeWithSignerAttrValueEncodesTheValue() {
    server.stubFor(
        get(urlPathEqualTo(SEARCH + "signerattrvalue"))
            .withQueryParam("signer", equalTo(SERVER_KEY.toString()))
            .withQueryParam("attr", equalTo("title"))
            .withQueryParam("value", equalTo("Fixture tree"))
            .willReturn(Fixture.named("88-search-signerattrvalue").response()));

    SearchResult found = search.permanodeWithSignerAttrValue(SERVER_KEY, "title", "Fixture tree");

    assertThat(found.blobRef()).isEqualTo(TREE_PERMANODE);
    BlobDescription tree = requireNonNull(found.description());
    assertThat(tree.describeAnother(TREE_DIR).fileName()).isEqualTo("tree");
  }

  @Test
  void filesWithContentAsksByWholeDigest() {
    BlobRef chunk =
        BlobRef.parse("sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3");
    server.stubFor(
        get(urlEqualTo(SEARCH + "files?wholedigest=" + chunk))
            .willReturn(Fixture.named("87-search-files-wholedigest").response()));

    assertThat(search.filesWithContent(chunk)).containsExactly(HELLO_FILE);
  }

  @Test
  void edgesToListsTheReferringPermanodes() {
    server.stubFor(
        get(urlEqualTo(SEARCH + "edgesto?blobref=" + PLANNED_PERMANODE))
            .willReturn(Fixture.named("89-search-edgesto").response()));

    assertThat(search.edgesTo(PLANNED_PERMANODE)).containsExactly(new Edge(PERMANODE, "permanode"));
  }
}
