package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobInputStream;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob operations on their own, without a route: exchange in, body and headers out. */
@CamlistoreServer
class BlobOperationsTest extends OperationsTestSupport {
  private static final String BLOB_ONE = "fixture blob one (sha224)\n";
  private static final String BLOB_ONE_REF =
      "sha224-645a09d3d849166386d2d3b144010524c8d3ca6cfc31567d2e1be781";

  @TempDir Path dir;

  private final CamlistoreConfiguration configuration = new CamlistoreConfiguration();
  private final BlobOperations operations =
      new BlobOperations(conn::blobs, new CamlistoreConfigurationOptionsProxy(configuration));

  BlobOperationsTest(EmbeddedCamlistoreServer server) {
    super(server);
  }

  @Test
  void putOfAFileKeepsTheBodyAndAnswersTheRefAndSize() throws Exception {
    Path file = Files.writeString(dir.resolve("one.txt"), BLOB_ONE);

    CamlistoreOperationResult result = operations.put(exchange(file.toFile(), Map.of()));

    assertThat(result.replacesBody()).isFalse();
    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.BLOB_REF, BlobRef.parse(BLOB_ONE_REF))
        .containsEntry(CamlistoreConstants.BLOB_SIZE, 26L);
    assertThat(server.blob(BlobRef.parse(BLOB_ONE_REF)))
        .isEqualTo(BLOB_ONE.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void putMultiOfACollectionHoldingAStreamAnswersTheStoredBlobsAsTheBody() {
    var stream = new java.io.ByteArrayInputStream(BLOB_ONE.getBytes(StandardCharsets.UTF_8));

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
    assertThat(server.contains(BlobRef.parse(BLOB_ONE_REF))).isTrue();
  }

  @Test
  void putMultiOfAnEmptyCollectionSendsNothing() {
    CamlistoreOperationResult result = operations.putMulti(exchange(List.of(), Map.of()));

    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.BLOB_REFS, List.of())
        .containsEntry(CamlistoreConstants.BLOB_SIZES, List.of());
    assertThat(server.requests()).isEmpty();
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
    server.putBlob(HelloBlob.TEXT.getBytes(StandardCharsets.UTF_8));
    Exchange exchange = exchange(null, Map.of(CamlistoreConstants.BLOB_REF, HelloBlob.REF));

    CamlistoreOperationResult result = operations.get(exchange);

    assertThat(result.body())
        .isInstanceOfSatisfying(
            CachedContent.class,
            content -> {
              assertThat(content.length()).isEqualTo(16);
              assertThat(content.inMemory()).isTrue();
              assertThat(content.toByteArray())
                  .isEqualTo(HelloBlob.TEXT.getBytes(StandardCharsets.UTF_8));
            });
    assertThat(result.headers()).containsEntry(CamlistoreConstants.BLOB_SIZE, 16L);
    assertThat(conn.leasedHttpConnections()).isZero();
    assertThat(exchange.getExchangeExtension().handoverCompletions()).isNullOrEmpty();
  }

  @Test
  void getWithStreamDownloadAnswersAStreamThatIsClosedWhenTheExchangeCompletes() {
    configuration.setStreamDownload(true);
    server.putBlob(HelloBlob.TEXT.getBytes(StandardCharsets.UTF_8));
    Exchange exchange = exchange(null, Map.of(CamlistoreConstants.BLOB_REF, HelloBlob.REF));

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
    CamlistoreOperationResult result =
        operations.exists(exchange(BlobRef.parse(HelloBlob.REF), Map.of()));

    assertThat(result.body()).isEqualTo(false);
    assertThat(result.headers()).containsEntry(CamlistoreConstants.BLOB_SIZE, null);
  }

  @Test
  void statTakesACollectionOfRefsFromTheBody() {
    server.putBlob(HelloBlob.TEXT.getBytes(StandardCharsets.UTF_8));
    BlobRef missing = BlobRef.parse(BLOB_ONE_REF);

    CamlistoreOperationResult result =
        operations.stat(exchange(List.of(HelloBlob.REF, missing), Map.of()));

    assertThat(result.body()).isEqualTo(Map.of(BlobRef.parse(HelloBlob.REF), 16L));
    assertThat(server.requests("POST", "stat"))
        .singleElement()
        .satisfies(
            stat -> {
              assertThat(stat.formParameter("blob1")).isEqualTo(HelloBlob.REF);
              assertThat(stat.formParameter("blob2")).isEqualTo(BLOB_ONE_REF);
            });
  }

  @Test
  void enumerateUsesTheConfiguredLimitWhenNoHeaderGivesOne() {
    configuration.setLimit(5);
    for (int i = 0; i < 6; i++) {
      server.putBlob(("blob " + i).getBytes(StandardCharsets.UTF_8));
    }

    CamlistoreOperationResult result = operations.enumerate(exchange(null, Map.of()));

    assertThat(result.body()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(5);
    assertThat(result.headers())
        .containsEntry(CamlistoreConstants.CONTINUE_AFTER, server.blobRefs().get(4).toString());
    assertThat(server.requests("GET", "enumerate-blobs"))
        .singleElement()
        .extracting(request -> request.queryParameter("limit"))
        .isEqualTo("5");
  }

  @Test
  void removeWithAnEmptyRefListFailsNamingTheOperation() {
    assertThatThrownBy(() -> operations.remove(exchange(List.of(), Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove needs a blobref");
  }
}
