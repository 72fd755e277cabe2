package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.camel.PerkeepStubs.CONTINUE_TOKEN;
import static io.camlistore.camel.PerkeepStubs.FILE_REF;
import static io.camlistore.camel.PerkeepStubs.FIXTURE_PERMANODE;
import static io.camlistore.camel.PerkeepStubs.SEARCH_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.BlobDescription;
import io.camlistore.client.Constraint;
import io.camlistore.client.SearchQuery;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The search operations on their own, without a route: exchange in, body and headers out. */
class SearchOperationsTest extends OperationsTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  private final SearchOperations operations =
      new SearchOperations(
          conn::searcher, new CamlistoreConfigurationOptionsProxy(new CamlistoreConfiguration()));

  SearchOperationsTest() {
    super(server);
  }

  @Test
  void describeAnswersTheDescriptionAndItsCamliType() {
    PerkeepStubs.describe(server, FILE_REF, "65-search-describe-file.json");

    CamlistoreOperationResult result = operations.describe(exchange(FILE_REF, Map.of()));

    assertThat(result.body())
        .asInstanceOf(InstanceOfAssertFactories.type(BlobDescription.class))
        .extracting(BlobDescription::mimeType, BlobDescription::fileName)
        .containsExactly(null, "random-3m.bin");
    assertThat(result.headers()).containsEntry(CamlistoreConstants.CAMLI_TYPE, "file");
  }

  @Test
  void theLimitHeaderOverridesTheLimitOfASearchQueryBody() {
    PerkeepStubs.query(server, 200, "75-search-query-all-permanodes-limit-continue.json");
    SearchQuery query =
        SearchQuery.builder()
            .constraint(Constraint.camliType("permanode"))
            .limit(50)
            .sort(SearchQuery.Sort.CREATED_DESC)
            .build();

    CamlistoreOperationResult result =
        operations.query(exchange(query, Map.of(CamlistoreConstants.QUERY_LIMIT, "2")));

    assertThat(result.body()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
    assertThat(result.headers()).containsEntry(CamlistoreConstants.CONTINUE_TOKEN, CONTINUE_TOKEN);
    server.verify(
        postRequestedFor(urlEqualTo(SEARCH_ROOT + "camli/search/query"))
            .withRequestBody(
                equalToJson(
                    "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                        + " \"sort\": \"-created\"}")));
  }

  @Test
  void aQueryBodyOfAnotherTypeFailsNamingItsTypeAndTheAcceptedOnes() {
    assertThatThrownBy(() -> operations.query(exchange(42, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the body is a java.lang.Integer")
        .hasMessageContaining(SearchOperations.QUERY_BODIES);
    assertThatThrownBy(() -> operations.query(exchange("  ", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the body is blank");
    server.verify(0, postRequestedFor(urlEqualTo(SEARCH_ROOT + "camli/search/query")));
  }

  @Test
  void malformedPagingHeadersFailNamingTheHeader() {
    assertThatThrownBy(
            () -> operations.query(exchange("tag:a", Map.of(CamlistoreConstants.QUERY_LIMIT, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CamlistoreConstants.QUERY_LIMIT)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(
            () ->
                operations.query(
                    exchange("tag:a", Map.of(CamlistoreConstants.QUERY_LIMIT, "many"))))
        .hasMessageContaining("'many'");
    assertThatThrownBy(
            () ->
                operations.query(
                    exchange("tag:a", Map.of(CamlistoreConstants.CONTINUE_TOKEN, " "))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CamlistoreConstants.CONTINUE_TOKEN)
        .hasMessageContaining("remove the header");
  }

  @Test
  void aQueryTheClientCannotBuildFailsNamingTheOperation() {
    SearchQuery map =
        SearchQuery.builder().expression("is:image").sort(SearchQuery.Sort.MAP).build();

    assertThatThrownBy(
            () ->
                operations.query(
                    exchange(map, Map.of(CamlistoreConstants.CONTINUE_TOKEN, CONTINUE_TOKEN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("query: ")
        .hasMessageContaining("continueToken cannot be used with sort MAP");
  }

  @Test
  void claimsWithABlankAttributeHeaderFailsInsteadOfListingEveryClaim() {
    assertThatThrownBy(
            () ->
                operations.claims(
                    exchange(FIXTURE_PERMANODE, Map.of(CamlistoreConstants.ATTRIBUTE, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claims: header " + CamlistoreConstants.ATTRIBUTE + " is blank");
  }

  @Test
  void claimsWithoutAPermanodeFailsNamingTheHeader() {
    assertThatThrownBy(() -> operations.claims(exchange(null, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claims needs a blobref")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
  }
}
