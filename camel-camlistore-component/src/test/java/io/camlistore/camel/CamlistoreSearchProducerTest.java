package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.camel.PerkeepStubs.CONTINUE_TOKEN;
import static io.camlistore.camel.PerkeepStubs.FILE_REF;
import static io.camlistore.camel.PerkeepStubs.FIXTURE_PERMANODE;
import static io.camlistore.camel.PerkeepStubs.HELLO_REF;
import static io.camlistore.camel.PerkeepStubs.MISSING_REF;
import static io.camlistore.camel.PerkeepStubs.SEARCH_ROOT;
import static io.camlistore.camel.PerkeepStubs.TREE_PERMANODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.BlobDescription;
import io.camlistore.client.BlobRef;
import io.camlistore.client.ClaimMeta;
import io.camlistore.client.Constraint;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResult;
import io.camlistore.client.ServerException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search operations (describe, query, claims) through routes against a stub answering with the
 * real server's bodies: what the server receives and what the route gets back.
 */
class CamlistoreSearchProducerTest extends StubRouteTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  private static final String QUERY_URL = SEARCH_ROOT + "camli/search/query";

  CamlistoreSearchProducerTest() {
    super(server);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:describe").to("camlistore:describe");
        from("direct:query").to("camlistore:query");
        from("direct:claims").to("camlistore:claims");
      }
    };
  }

  @Test
  void describeAnswersThePermanodesAttributesAndSetsItsCamliType() {
    PerkeepStubs.describe(server, FIXTURE_PERMANODE, "62-search-describe-get-permanode.json");

    Exchange out =
        send("direct:describe", null, Map.of(CamlistoreConstants.BLOB_REF, FIXTURE_PERMANODE));

    assertThat(out.getException()).isNull();
    BlobDescription description = out.getMessage().getBody(BlobDescription.class);
    assertThat(description.blobRef()).isEqualTo(BlobRef.parse(FIXTURE_PERMANODE));
    assertThat(description.attribute("title")).isEqualTo("Fixture permanode");
    assertThat(description.attributeValues("tag")).containsExactly("alpha", "beta", "gamma");
    assertThat(out.getMessage().getHeader(CamlistoreConstants.CAMLI_TYPE)).isEqualTo("permanode");
    server.verify(
        1,
        getRequestedFor(
            urlEqualTo(SEARCH_ROOT + "camli/search/describe?blobref=" + FIXTURE_PERMANODE)));
  }

  @Test
  void describeTakesTheRefFromTheBody() {
    PerkeepStubs.describe(server, FILE_REF, "65-search-describe-file.json");

    Exchange out = send("direct:describe", BlobRef.parse(FILE_REF), Map.of());

    assertThat(out.getException()).isNull();
    BlobDescription description = out.getMessage().getBody(BlobDescription.class);
    assertThat(description.fileName()).isEqualTo("random-3m.bin");
    assertThat(description.fileSize()).isEqualTo(3_158_073L);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.CAMLI_TYPE)).isEqualTo("file");
  }

  @Test
  void describeOfPlainDataDropsAStaleCamliType() {
    PerkeepStubs.describe(server, HELLO_REF, "71-search-describe-plain-blob.json");

    Exchange out =
        send("direct:describe", HELLO_REF, Map.of(CamlistoreConstants.CAMLI_TYPE, "file"));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(BlobDescription.class).size()).isEqualTo(16L);
    assertThat(out.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.CAMLI_TYPE);
  }

  @Test
  void describeOfABlobTheIndexDoesNotKnowFailsWithNotFound() {
    PerkeepStubs.describe(server, MISSING_REF, "68-search-describe-unknown-blob.json");

    Exchange out = send("direct:describe", MISSING_REF, Map.of());

    assertThat(out.getException())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(MISSING_REF);
  }

  @Test
  void describeWithoutARefFailsNamingTheHeaderAndSendsNothing() {
    Exchange out = send("direct:describe", null, Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("describe needs a blobref")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anExpressionBodyIsQueriedWithDescriptionsOfTheResults() {
    PerkeepStubs.query(server, 200, "74-search-query-expression.json");

    Exchange out =
        send("direct:query", "tag:alpha", Map.of(CamlistoreConstants.CONTINUE_TOKEN, "stale"));

    assertThat(out.getException()).isNull();
    List<?> results = out.getMessage().getBody(List.class);
    assertThat(results).hasSize(1);
    SearchResult hit = (SearchResult) results.get(0);
    assertThat(hit.blobRef()).isEqualTo(BlobRef.parse(FIXTURE_PERMANODE));
    assertThat(hit.description())
        .satisfies(d -> assertThat(d.attribute("title")).isEqualTo("Fixture permanode"));
    // The answer had no continue token: the one sent must not survive as the next page's.
    assertThat(out.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.CONTINUE_TOKEN);
    server.verify(
        1,
        postRequestedFor(urlEqualTo(QUERY_URL))
            .withRequestBody(
                equalToJson(
                    "{\"expression\": \"tag:alpha\", \"describe\": {}, \"continue\": \"stale\"}")));
  }

  @Test
  void aSearchQueryBodyPagesWithTheLimitAndContinueTokenHeaders() {
    server.stubFor(
        post(urlEqualTo(QUERY_URL))
            .withRequestBody(matchingJsonPath("$.continue", equalTo(CONTINUE_TOKEN)))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/javascript")
                    .withBodyFile("77-search-query-match-nothing.json")));
    server.stubFor(
        post(urlEqualTo(QUERY_URL))
            .withRequestBody(
                equalToJson(
                    "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                        + " \"sort\": \"-created\"}"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/javascript")
                    .withBodyFile("75-search-query-all-permanodes-limit-continue.json")));
    SearchQuery permanodes =
        SearchQuery.builder()
            .constraint(Constraint.camliType("permanode"))
            .sort(SearchQuery.Sort.CREATED_DESC)
            .build();

    Exchange first = send("direct:query", permanodes, Map.of(CamlistoreConstants.QUERY_LIMIT, 2));
    Exchange second = send("direct:query", permanodes, first.getMessage().getHeaders());

    assertThat(first.getException()).isNull();
    List<?> firstPage = first.getMessage().getBody(List.class);
    assertThat(firstPage)
        .asInstanceOf(InstanceOfAssertFactories.list(SearchResult.class))
        .extracting(SearchResult::blobRef)
        .containsExactly(BlobRef.parse(FIXTURE_PERMANODE), BlobRef.parse(TREE_PERMANODE));
    assertThat(first.getMessage().getHeader(CamlistoreConstants.CONTINUE_TOKEN))
        .isEqualTo(CONTINUE_TOKEN);
    assertThat(second.getException()).isNull();
    List<?> secondPage = second.getMessage().getBody(List.class);
    assertThat(secondPage).isEmpty();
    assertThat(second.getMessage().getHeaders())
        .doesNotContainKey(CamlistoreConstants.CONTINUE_TOKEN);
    server.verify(
        postRequestedFor(urlEqualTo(QUERY_URL))
            .withRequestBody(
                equalToJson(
                    "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                        + " \"sort\": \"-created\", \"continue\": \""
                        + CONTINUE_TOKEN
                        + "\"}")));
  }

  @Test
  void aQueryTheServerRejectsFailsWithItsError() {
    PerkeepStubs.query(server, 500, "79-search-query-bad-constraint.json");

    Exchange out = send("direct:query", "tag:alpha", Map.of());

    assertThat(out.getException())
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("mutually exclusive");
    assertThat(((ServerException) out.getException()).statusCode()).isEqualTo(500);
  }

  @Test
  void aQueryWithoutABodyFailsListingTheAcceptedBodiesAndSendsNothing() {
    Exchange out = send("direct:query", null, Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query needs the query as the body")
        .hasMessageContaining("expression String")
        .hasMessageContaining("SearchQuery");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void claimsListsEveryClaimOfThePermanodeOldestFirst() {
    PerkeepStubs.claims(server, FIXTURE_PERMANODE, null, "81-search-claims.json");

    Exchange out =
        send("direct:claims", null, Map.of(CamlistoreConstants.BLOB_REF, FIXTURE_PERMANODE));

    assertThat(out.getException()).isNull();
    List<?> body = out.getMessage().getBody(List.class);
    var claims =
        assertThat(body).asInstanceOf(InstanceOfAssertFactories.list(ClaimMeta.class)).hasSize(6);
    claims
        .extracting(ClaimMeta::type, ClaimMeta::attr, ClaimMeta::value)
        .startsWith(
            tuple("set-attribute", "title", "Fixture permanode"),
            tuple("add-attribute", "tag", "alpha"));
    claims
        .first()
        .extracting(ClaimMeta::time)
        .isEqualTo(Instant.parse("2026-11-25T09:30:13.304071302Z"));
  }

  @Test
  void claimsWithTheAttributeHeaderAsksOnlyForThatAttribute() {
    PerkeepStubs.claims(server, FIXTURE_PERMANODE, "tag", "82-search-claims-attrfilter.json");

    Exchange out =
        send("direct:claims", FIXTURE_PERMANODE, Map.of(CamlistoreConstants.ATTRIBUTE, "tag"));

    assertThat(out.getException()).isNull();
    List<?> claims = out.getMessage().getBody(List.class);
    assertThat(claims)
        .asInstanceOf(InstanceOfAssertFactories.list(ClaimMeta.class))
        .extracting(ClaimMeta::value)
        .containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void claimsOfAnUnknownPermanodeIsAnEmptyList() {
    PerkeepStubs.claims(server, MISSING_REF, null, "84-search-claims-unknown-permanode.json");

    Exchange out = send("direct:claims", MISSING_REF, Map.of());

    assertThat(out.getException()).isNull();
    List<?> claims = out.getMessage().getBody(List.class);
    assertThat(claims).isEmpty();
  }
}
