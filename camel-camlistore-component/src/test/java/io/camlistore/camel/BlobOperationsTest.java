package io.camlistore.camel;

import static io.camlistore.camel.PerkeepStubs.BINARY_REF;
import static io.camlistore.camel.PerkeepStubs.BLOB_ONE_REF;
import static io.camlistore.camel.PerkeepStubs.HELLO_REF;
import static io.camlistore.camel.PerkeepStubs.MISSING_REF;
import static io.camlistore.camel.PerkeepStubs.PAGE_ONE_LAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.Blob;
import io.camlistore.client.BlobInputStream;
import io.camlistore.protocol.BlobRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The blob operations on their own, without a route: exchange in, body and headers out. */
class BlobOperationsTest extends OperationsTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  @TempDir Path dir;

  private final CamlistoreConfiguration configuration = new CamlistoreConfiguration();
  private final BlobOperations operations =
      new BlobOperations(conn::blobs, new CamlistoreConfigurationOptionsProxy(configuration));

  BlobOperationsTest() {
    super(server);
  }

  @Test
  void putOfAFileKeepsTheBodyAndAnswersTheRefAndSize() throws Exception {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "31-upload-multipart-already-present.json");
    Path file = Files.writeString(dir.resolve("one.txt"), "fixture blob one (sha224)\n");

    CamlistoreOperationResult result = operations.put(exchange(file.toFile(), Map.of()));

    assertThat(result.replacesBody()).isFalse();
    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.BLOB_REF, BlobRef.parse(BLOB_ONE_REF))
        .containsEntry(CamlistoreConstants.BLOB_SIZE, 26L);
  }

  @Test
  void putMultiOfACollectionHoldingAStreamAnswersTheStoredBlobsAsTheBody() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "31-upload-multipart-already-present.json");
    var stream =
        new java.io.ByteArrayInputStream(
            "fixture blob one (sha224)\n".getBytes(StandardCharsets.UTF_8));

    CamlistoreOperationResult result = operations.putMulti(exchange(List.of(stream), Map.of()));

    assertThat(result.replacesBody()).isTrue();
    assertThat(result.body())
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .hasSize(1)
        .first()
        .isInstanceOf(Blob.class);
    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.BLOB_REFS, List.of(BlobRef.parse(BLOB_ONE_REF)))
        .containsEntry(CamlistoreConstants.BLOB_SIZES, List.of(26L))
        .containsEntry(CamlistoreConstants.BLOB_REF, null);
  }

  @Test
  void putMultiOfAnEmptyCollectionSendsNothing() {
    CamlistoreOperationResult result = operations.putMulti(exchange(List.of(), Map.of()));

    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.BLOB_REFS, List.of())
        .containsEntry(CamlistoreConstants.BLOB_SIZES, List.of());
  }

  @Test
  void putMultiNamesTheItemThatIsNullOrTooLarge() {
    List<Object> withNull = new java.util.ArrayList<>();
    withNull.add("one");
    withNull.add(null);

    assertThatThrownBy(() -> operations.putMulti(exchange(withNull, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 1 of the collection body is null");
    assertThatThrownBy(
            () ->
                operations.putMulti(
                    exchange(List.of("small", new byte[Blob.MAX_SIZE + 1]), Map.of())))
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessageStartingWith("putMulti: item 1 (a [B) has more than 16777216 bytes");
  }

  @Test
  void putWithoutABodyFailsSayingWhatItAccepts() {
    assertThatThrownBy(() -> operations.put(exchange(null, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("put needs a message body");
  }

  @Test
  void getAnswersTheContentKeptAndTheConnectionReleased() {
    PerkeepStubs.blob(server, HELLO_REF, "42-get-text-blob.txt");
    Exchange exchange = exchange(null, Map.of(CamlistoreConstants.BLOB_REF, HELLO_REF));

    CamlistoreOperationResult result = operations.get(exchange);

    assertThat(result.body())
        .isInstanceOfSatisfying(
            CachedContent.class,
            content -> {
              assertThat(content.length()).isEqualTo(16);
              assertThat(content.inMemory()).isTrue();
              assertThat(content.toByteArray())
                  .isEqualTo("Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8));
            });
    assertThat(result.headers()).containsEntry(CamlistoreConstants.BLOB_SIZE, 16L);
    assertThat(conn.leasedHttpConnections()).isZero();
    assertThat(exchange.getExchangeExtension().handoverCompletions()).isNullOrEmpty();
  }

  @Test
  void getWithStreamDownloadAnswersAStreamThatIsClosedWhenTheExchangeCompletes() {
    configuration.setStreamDownload(true);
    PerkeepStubs.blob(server, HELLO_REF, "42-get-text-blob.txt");
    Exchange exchange = exchange(null, Map.of(CamlistoreConstants.BLOB_REF, HELLO_REF));

    CamlistoreOperationResult result = operations.get(exchange);

    assertThat(result.body()).isInstanceOf(BlobInputStream.class);
    assertThat(result.headers()).containsEntry(CamlistoreConstants.BLOB_SIZE, 16L);
    assertThat(conn.leasedHttpConnections()).isEqualTo(1);
    List<Synchronization> completions = exchange.getExchangeExtension().handoverCompletions();
    completions.forEach(done -> done.onComplete(exchange));
    assertThat(conn.leasedHttpConnections()).isZero();
  }

  @Test
  void existsAnswersFalseAndRemovesTheSizeForAMissingBlob() {
    PerkeepStubs.missingBlob(server, MISSING_REF);

    CamlistoreOperationResult result =
        operations.exists(exchange(BlobRef.parse(MISSING_REF), Map.of()));

    assertThat(result.body()).isEqualTo(false);
    assertThat(result.headers()).containsEntry(CamlistoreConstants.BLOB_SIZE, null);
  }

  @Test
  void statTakesACollectionOfRefsFromTheBody() {
    PerkeepStubs.stat(server, "22-stat-post.json");

    CamlistoreOperationResult result =
        operations.stat(exchange(List.of(HELLO_REF, BlobRef.parse(BINARY_REF)), Map.of()));

    assertThat(result.body()).isEqualTo(Map.of(BlobRef.parse(HELLO_REF), 16L));
  }

  @Test
  void enumerateUsesTheConfiguredLimitWhenNoHeaderGivesOne() {
    configuration.setLimit(5);
    PerkeepStubs.enumerate(server, "", 5, "54-enumerate-limit-5.json");

    CamlistoreOperationResult result = operations.enumerate(exchange(null, Map.of()));

    assertThat(result.body()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(5);
    assertThat(result.headers()).containsEntry(CamlistoreConstants.CONTINUE_AFTER, PAGE_ONE_LAST);
  }

  @Test
  void removeWithAnEmptyRefListFailsNamingTheOperation() {
    assertThatThrownBy(() -> operations.remove(exchange(List.of(), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove needs a blobref");
  }
}
