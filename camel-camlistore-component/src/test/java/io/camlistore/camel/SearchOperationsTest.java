package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.client.BlobDescription;
import io.camlistore.client.Constraint;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.SearchQuery;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The search operations on their own, without a route: exchange in, body and headers out. */
@CamlistoreServer(signing = true)
class SearchOperationsTest extends OperationsTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A continue token as the server writes them, for the requests refused before sending. */
  private static final String CONTINUE_TOKEN =
      "pn:1795599023874987106:sha224-c724b97139b9153fb1e5af5663479181cb2440760c4a14aada5ba16a";

  private final SearchOperations operations =
      new SearchOperations(
          conn::searcher, new CamlistoreConfigurationOptionsProxy(new CamlistoreConfiguration()));

  SearchOperationsTest(EmbeddedCamlistoreServer server) {
    super(server);
  }

  @Test
  void describeAnswersTheDescriptionAndItsCamliType() {
    BlobRef file =
        conn.files()
            .putFile(
                new ByteArrayInputStream(new byte[] {0, 1, 2}), "random.bin", FileMetadata.empty());
    server.clearRequests();

    CamlistoreOperationResult result = operations.describe(exchange(file.toString(), Map.of()));

    assertThat(result.body())
        .asInstanceOf(InstanceOfAssertFactories.type(BlobDescription.class))
        .extracting(BlobDescription::mimeType, BlobDescription::fileName)
        .containsExactly(null, "random.bin");
    assertThat(result.headers()).containsEntry(CamlistoreConstants.CAMLI_TYPE, "file");
    assertThat(server.requests("GET", "search/describe"))
        .singleElement()
        .extracting(request -> request.queryParameter("blobref"))
        .isEqualTo(file.toString());
  }

  @Test
  void theLimitHeaderOverridesTheLimitOfASearchQueryBody() throws Exception {
    for (int i = 0; i < 3; i++) {
      conn.permanodes().create(Map.of("title", "permanode " + i));
    }
    SearchQuery query =
        SearchQuery.builder()
            .constraint(Constraint.camliType("permanode"))
            .limit(50)
            .sort(SearchQuery.Sort.CREATED_DESC)
            .build();

    CamlistoreOperationResult result =
        operations.query(exchange(query, Map.of(CamlistoreConstants.QUERY_LIMIT, "2")));

    assertThat(result.body()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
    assertThat(result.headers()).containsKey(CamlistoreConstants.CONTINUE_TOKEN);
    List<RecordedRequest> queries = server.requests("POST", "search/query");
    assertThat(queries).hasSize(1);
    assertThat(JSON.readTree(queries.get(0).bodyText()))
        .isEqualTo(
            JSON.readTree(
                "{\"constraint\": {\"camliType\": \"permanode\"}, \"limit\": 2,"
                    + " \"sort\": \"-created\"}"));
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
    assertThat(server.requests()).isEmpty();
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
                    exchange(HelloBlob.REF, Map.of(CamlistoreConstants.ATTRIBUTE, ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claims: header " + CamlistoreConstants.ATTRIBUTE + " is blank");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void claimsWithoutAPermanodeFailsNamingTheHeader() {
    assertThatThrownBy(() -> operations.claims(exchange(null, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claims needs a blobref")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
  }
}
