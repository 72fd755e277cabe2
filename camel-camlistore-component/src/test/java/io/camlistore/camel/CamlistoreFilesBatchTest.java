package io.camlistore.camel;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.FileResult;
import io.camlistore.client.FileUpload;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * putFiles through real routes on the embedded server: a file consumer's poll aggregated into one
 * batch, each file with its own result and content permanode; a batch stored again sends stats
 * only; a failed file fails the exchange after the others are stored, so that Camel's redelivery
 * completes the batch; bad input fails before anything is sent.
 */
class CamlistoreFilesBatchTest extends ServerRouteTestSupport {
  private static final EmbeddedCamlistoreServer SERVER =
      EmbeddedCamlistoreServer.builder().build().start();

  @TempDir static Path inbox;
  @TempDir Path dir;

  @BeforeAll
  static void writeInbox() throws Exception {
    for (String name : List.of("a.txt", "b.txt", "c.txt")) {
      Files.writeString(inbox.resolve(name), "content of " + name);
    }
  }

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @AfterEach
  void clearFaults() {
    SERVER.faults().clear();
  }

  @Override
  String serverUrl() {
    return SERVER.url();
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    String signing = "secretKeyring=" + TestKeyring.file() + "&keyId=" + TestKeyring.KEY_ID;
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("file:" + inbox + "?noop=true&initialDelay=0&sortBy=file:name")
            .routeId("inbox")
            // Started by the one test that polls, so that no other test's requests (or faults)
            // meet the poll's.
            .autoStartup(false)
            .aggregate(constant(true), AggregationStrategies.groupedExchange())
            .completionFromBatchConsumer()
            // The grouped exchange is a new one, without the poll's batch size: check each file's.
            .eagerCheckCompletion()
            .to("camlistore:putFiles?permanode=true&" + signing)
            .to("mock:batches");
        from("direct:putFiles").to("camlistore:putFiles?permanode=true&" + signing);
        from("direct:retried")
            .onException(FilesNotStoredException.class)
            .maximumRedeliveries(2)
            .redeliveryDelay(0)
            .end()
            .to("camlistore:putFiles?maxAttempts=1");
        from("direct:retriedAfterRefusal")
            .onException(FilesNotStoredException.class)
            .maximumRedeliveries(1)
            .redeliveryDelay(0)
            // The server accepts the refused file again before the batch is redelivered.
            .onRedelivery(exchange -> SERVER.faults().clear())
            .end()
            .to("camlistore:putFiles");
      }
    };
  }

  @Test
  void anAggregatedPollIsStoredAsOneBatchWithAResultAndAContentPermanodePerFile() throws Exception {
    MockEndpoint batches = getMockEndpoint("mock:batches");
    batches.expectedMessageCount(1);

    context.getRouteController().startRoute("inbox");

    batches.assertIsSatisfied();

    List<FileResult> results = resultsOf(batches.getExchanges().get(0));
    assertThat(results)
        .extracting(result -> result.source().fileName())
        .containsExactly("a.txt", "b.txt", "c.txt");
    assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(stored()));
    for (FileResult result : results) {
      FileUpload upload = result.uploadOrThrow();
      assertThat(schemaOf(upload.contentRef())).contains("\"fileName\": \"" + fileName(result));
      BlobRef permanode = requireNonNull(upload.permanodeRef());
      // A content permanode: keyed by the content, signed at time 0, as pk-put -filenodes makes.
      assertThat(schemaOf(permanode)).contains("\"camliType\": \"permanode\"").contains("\"key\"");
    }
  }

  @Test
  void aBatchStoredAgainIsAlreadyStoredWithTheSamePermanodesAndUploadsNothing() throws Exception {
    List<Path> files = List.of(write("again-1.txt", "one"), write("again-2.txt", "two"));
    List<FileResult> first = request(files);

    SERVER.clearRequests();
    List<FileResult> second = request(files);

    assertThat(first).allSatisfy(result -> assertThat(result.status()).isEqualTo(stored()));
    assertThat(second)
        .allSatisfy(
            result -> assertThat(result.status()).isEqualTo(FileResult.Status.ALREADY_STORED));
    assertThat(second.stream().map(FileResult::uploadOrThrow).toList())
        .isEqualTo(first.stream().map(FileResult::uploadOrThrow).toList());
    assertThat(SERVER.requests())
        .extracting(RecordedRequest::path)
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path).contains("/camli/stat"));
  }

  @Test
  void aFileTheServerRefusesFailsTheExchangeAfterEveryOtherFileIsStored() throws Exception {
    Path refused = write("refused.txt", "refused content");
    Path fine = write("fine.txt", "fine content");
    SERVER.faults().refuseBlob(Blob.of(Files.readAllBytes(refused)).blobRef());

    Exchange exchange =
        template.request("direct:putFiles", e -> e.getMessage().setBody(List.of(refused, fine)));

    assertThat(exchange.getException())
        .isInstanceOf(FilesNotStoredException.class)
        .hasMessageStartingWith("1 of 2 files not stored (every other one is): refused.txt (")
        .hasMessageContaining("refused.txt");
    FilesNotStoredException failure = (FilesNotStoredException) exchange.getException();
    assertThat(failure.failures())
        .singleElement()
        .satisfies(result -> assertThat(result.source().fileName()).isEqualTo("refused.txt"));
    FileResult stored = failure.results().get(1);
    assertThat(stored.status()).isEqualTo(stored());
    assertThat(SERVER.blob(stored.uploadOrThrow().contentRef())).isNotNull();
  }

  @Test
  void camelRedeliveryCompletesABatchAfterTheServerFailedForAMoment() throws Exception {
    List<Path> files = List.of(write("retried-1.txt", "r1"), write("retried-2.txt", "r2"));
    // The first attempt's stat fails (the client does not retry it here), as when the server
    // restarts.
    SERVER.faults().failNextRequests(1, 503, request -> request.path().endsWith("/camli/stat"));

    Exchange exchange = template.request("direct:retried", e -> e.getMessage().setBody(files));

    assertThat(exchange.getException()).isNull();
    assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class))
        .isEqualTo(1);
    assertThat(resultsOf(exchange))
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(stored()));
    for (Path file : files) {
      assertThat(SERVER.blob(Blob.of(Files.readAllBytes(file)).blobRef())).isNotNull();
    }
  }

  @Test
  void aRedeliveredBatchReportsTheFilesAnEarlierAttemptStoredAsStored() throws Exception {
    Path refused = write("refused-once.txt", "refused once");
    Path fine = write("fine-at-once.txt", "fine at once");
    SERVER.faults().refuseBlob(Blob.of(Files.readAllBytes(refused)).blobRef());

    Exchange exchange =
        template.request(
            "direct:retriedAfterRefusal", e -> e.getMessage().setBody(List.of(refused, fine)));

    assertThat(exchange.getException()).isNull();
    // The second attempt found fine-at-once.txt stored by the first: it is still reported stored.
    assertThat(resultsOf(exchange))
        .allSatisfy(result -> assertThat(result.status()).isEqualTo(stored()));
    assertThat(exchange.getProperties())
        .doesNotContainKey("CamelCamlistoreStoredByEarlierAttempts");
  }

  @Test
  void groupedExchangesAreNamedByTheirHeaders() throws Exception {
    Path local = write("local-name.txt", "renamed content");
    Exchange named = new DefaultExchange(context);
    named.getMessage().setBody(local);
    named.getMessage().setHeader(CamlistoreConstants.FILE_NAME, "renamed.txt");
    Exchange bytes = new DefaultExchange(context);
    bytes.getMessage().setBody("bytes content".getBytes(StandardCharsets.UTF_8));
    bytes.getMessage().setHeader(Exchange.FILE_NAME, "inbox/bytes.txt");

    List<FileResult> results = request(List.of(named, bytes));

    assertThat(results)
        .extracting(result -> result.source().fileName())
        .containsExactly("renamed.txt", "bytes.txt");
    assertThat(schemaOf(results.get(0).uploadOrThrow().contentRef()))
        .contains("\"fileName\": \"renamed.txt\"")
        .contains("\"unixMtime\"");
  }

  @Test
  void aBodyThatIsNoCollectionFailsNamingWhatPutFilesTakes() {
    Exchange exchange =
        template.request("direct:putFiles", e -> e.getMessage().setBody("just text"));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putFiles needs a collection body")
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("putFile");
  }

  @Test
  void anItemWithoutANameFailsNamingItBeforeAnythingIsSent() throws Exception {
    Path named = write("named.txt", "named");
    List<Object> batch =
        new ArrayList<>(List.of(named, "nameless bytes".getBytes(StandardCharsets.UTF_8)));
    SERVER.clearRequests();

    Exchange exchange = template.request("direct:putFiles", e -> e.getMessage().setBody(batch));

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putFiles: item 1")
        .hasMessageContaining(CamlistoreConstants.FILE_NAME);
    assertThat(SERVER.requests())
        .extracting(RecordedRequest::path)
        .noneSatisfy(path -> assertThat(path).contains("/camli/"));
  }

  private static FileResult.Status stored() {
    return FileResult.Status.STORED;
  }

  private List<FileResult> request(List<?> batch) {
    Exchange exchange = template.request("direct:putFiles", e -> e.getMessage().setBody(batch));
    assertThat(exchange.getException()).isNull();
    return resultsOf(exchange);
  }

  @SuppressWarnings("unchecked")
  private static List<FileResult> resultsOf(Exchange exchange) {
    return (List<FileResult>) exchange.getMessage().getBody(List.class);
  }

  private static String fileName(FileResult result) {
    return result.source().fileName();
  }

  private static String schemaOf(BlobRef ref) {
    return new String(requireNonNull(SERVER.blob(ref)), StandardCharsets.UTF_8);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
