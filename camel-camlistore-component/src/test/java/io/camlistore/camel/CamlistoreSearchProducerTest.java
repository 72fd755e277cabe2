package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.client.BlobDescription;
import io.camlistore.client.ClaimMeta;
import io.camlistore.client.Connection;
import io.camlistore.client.Constraint;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResult;
import io.camlistore.client.ServerException;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search operations (describe, query, claims) through routes against the embedded server and
 * its search index: what the server receives and what the route gets back.
 */
@CamlistoreServer(signing = true)
class CamlistoreSearchProducerTest extends EmbeddedRouteTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A well-formed ref of a blob no test stores. */
  private static final String MISSING_REF =
      "sha224-00000000000000000000000000000000000000000000000000000000";

  /** A permanode titled "Fixture permanode", tagged alpha, beta and gamma, made for each test. */
  private BlobRef permanode;

  CamlistoreSearchProducerTest(EmbeddedCamlistoreServer server) {
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

  @BeforeEach
  void seedAPermanode() {
    try (Connection conn = OperationsTestSupport.connect(server)) {
      Map<String, String> title = new LinkedHashMap<>();
      title.put("title", "Fixture permanode");
      permanode = conn.permanodes().create(title);
      for (String tag : List.of("alpha", "beta", "gamma")) {
        conn.permanodes().addAttribute(permanode, "tag", tag);
      }
    }
    server.clearRequests();
  }

  private List<RecordedRequest> queries() {
    return server.requests("POST", "search/query");
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void describeAnswersThePermanodesAttributesAndSetsItsCamliType() {
    Exchange out =
        send("direct:describe", null, Map.of(CamlistoreConstants.BLOB_REF, permanode.toString()));

    assertThat(out.getException()).isNull();
    BlobDescription description = out.getMessage().getBody(BlobDescription.class);
    assertThat(description.blobRef()).isEqualTo(permanode);
    assertThat(description.attribute("title")).isEqualTo("Fixture permanode");
    assertThat(description.attributeValues("tag")).containsExactly("alpha", "beta", "gamma");
    assertThat(out.getMessage().getHeader(CamlistoreConstants.CAMLI_TYPE)).isEqualTo("permanode");
    assertThat(server.requests("GET", "search/describe"))
        .singleElement()
        .extracting(request -> request.queryParameter("blobref"))
        .isEqualTo(permanode.toString());
  }

  @Test
  void describeTakesTheRefFromTheBody() {
    BlobRef file;
    try (Connection conn = OperationsTestSupport.connect(server)) {
      file =
          conn.files()
              .putFile(
                  new ByteArrayInputStream(new byte[3_000]), "random.bin", FileMetadata.empty());
    }

    Exchange out = send("direct:describe", file, Map.of());

    assertThat(out.getException()).isNull();
    BlobDescription description = out.getMessage().getBody(BlobDescription.class);
    assertThat(description.fileName()).isEqualTo("random.bin");
    assertThat(description.fileSize()).isEqualTo(3_000L);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.CAMLI_TYPE)).isEqualTo("file");
  }

  @Test
  void describeOfPlainDataDropsAStaleCamliType() {
    server.putBlob(HelloBlob.TEXT.getBytes(StandardCharsets.UTF_8));

    Exchange out =
        send("direct:describe", HelloBlob.REF, Map.of(CamlistoreConstants.CAMLI_TYPE, "file"));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(BlobDescription.class).size()).isEqualTo(16L);
    assertThat(out.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.CAMLI_TYPE);
  }

  @Test
  void describeOfABlobTheIndexDoesNotKnowFailsWithNotFound() {
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
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anExpressionBodyIsQueriedWithDescriptionsOfTheResults() throws Exception {
    Exchange out =
        send("direct:query", "tag:alpha", Map.of(CamlistoreConstants.CONTINUE_TOKEN, "stale"));

    assertThat(out.getException()).isNull();
    List<?> results = out.getMessage().getBody(List.class);
    assertThat(results).hasSize(1);
    SearchResult hit = (SearchResult) results.get(0);
    assertThat(hit.blobRef()).isEqualTo(permanode);
    assertThat(hit.description())
        .satisfies(d -> assertThat(d.attribute("title")).isEqualTo("Fixture permanode"));
    // The answer had no continue token: the one sent must not survive as the next page's.
    assertThat(out.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.CONTINUE_TOKEN);
    assertThat(queries()).hasSize(1);
    assertThat(json(queries().get(0).bodyText()))
        .isEqualTo(
            json("{\"expression\": \"tag:alpha\", \"describe\": {}, \"continue\": \"stale\"}"));
  }

  @Test
  void aSearchQueryBodyPagesWithTheLimitAndContinueTokenHeaders() throws Exception {
    BlobRef tree;
    try (Connection conn = OperationsTestSupport.connect(server)) {
      tree = conn.permanodes().create(Map.of("title", "Fixture tree"));
    }
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
        .containsExactlyInAnyOrder(permanode, tree);
    String token = first.getMessage().getHeader(CamlistoreConstants.CONTINUE_TOKEN, String.class);
    assertThat(token).isNotBlank();
    assertThat(second.getException()).isNull();
    List<?> secondPage = second.getMessage().getBody(List.class);
    assertThat(secondPage).isEmpty();
    assertThat(second.getMessage().getHeaders())
        .doesNotContainKey(CamlistoreConstants.CONTINUE_TOKEN);
    assertThat(queries()).hasSize(2);
    assertThat(json(queries().get(0).bodyText()))
        .isEqualTo(
            json(
                "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                    + " \"sort\": \"-created\"}"));
    assertThat(json(queries().get(1).bodyText()))
        .isEqualTo(
            json(
                "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                    + " \"sort\": \"-created\", \"continue\": \""
                    + token
                    + "\"}"));
  }

  @Test
  void aQueryTheServerRejectsFailsWithItsError() {
    Exchange out = send("direct:query", "tag:alpha)", Map.of());

    assertThat(out.getException())
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("No matching opening parenthesis");
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
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void claimsListsEveryClaimOfThePermanodeOldestFirst() {
    Exchange out =
        send("direct:claims", null, Map.of(CamlistoreConstants.BLOB_REF, permanode.toString()));

    assertThat(out.getException()).isNull();
    List<?> body = out.getMessage().getBody(List.class);
    var claims =
        assertThat(body).asInstanceOf(InstanceOfAssertFactories.list(ClaimMeta.class)).hasSize(4);
    claims
        .extracting(ClaimMeta::type, ClaimMeta::attr, ClaimMeta::value)
        .containsExactly(
            tuple("set-attribute", "title", "Fixture permanode"),
            tuple("add-attribute", "tag", "alpha"),
            tuple("add-attribute", "tag", "beta"),
            tuple("add-attribute", "tag", "gamma"));
    claims.extracting(ClaimMeta::time).isSorted();
    assertThat(server.requests("GET", "search/claims"))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.queryParameter("permanode")).isEqualTo(permanode.toString());
              assertThat(request.queryParameter("attrFilter")).isNull();
            });
  }

  @Test
  void claimsWithTheAttributeHeaderAsksOnlyForThatAttribute() {
    Exchange out = send("direct:claims", permanode, Map.of(CamlistoreConstants.ATTRIBUTE, "tag"));

    assertThat(out.getException()).isNull();
    List<?> claims = out.getMessage().getBody(List.class);
    assertThat(claims)
        .asInstanceOf(InstanceOfAssertFactories.list(ClaimMeta.class))
        .extracting(ClaimMeta::value)
        .containsExactly("alpha", "beta", "gamma");
    assertThat(server.requests("GET", "search/claims"))
        .singleElement()
        .extracting(request -> request.queryParameter("attrFilter"))
        .isEqualTo("tag");
  }

  @Test
  void claimsOfAnUnknownPermanodeIsAnEmptyList() {
    Exchange out = send("direct:claims", MISSING_REF, Map.of());

    assertThat(out.getException()).isNull();
    List<?> claims = out.getMessage().getBody(List.class);
    assertThat(claims).isEmpty();
  }
}
