package io.camlistore.camel;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobInputStream;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users do with the producer: {@code ProducerTemplate.request(...)}, then read the body after
 * the exchange completed, as String, byte[], InputStream and File, twice each; and what put stores.
 * Against the embedded server, with Camel's stream cache spooling bodies over 64 KiB to disk.
 */
class CamlistoreBodiesTest extends ServerRouteTestSupport {
  private static final EmbeddedCamlistoreServer SERVER =
      EmbeddedCamlistoreServer.builder().build().start();

  @TempDir Path spool;
  @TempDir Path dir;

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @Override
  String serverUrl() {
    return SERVER.url();
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    BodyReads.spoolBodies(context, spool);
    return context;
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        // The route reads the body too; the caller reads it again afterwards.
        from("direct:getAndRead")
            .to("camlistore:get")
            .process(e -> e.setProperty("readInRoute", e.getMessage().getBody(String.class)));
      }
    };
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static Exchange request(ProducerTemplate template, String uri, Object ref) {
    Exchange exchange = template.request(uri, e -> e.getMessage().setBody(ref));
    assertThat(exchange.getException()).as("the exchange's exception").isNull();
    return exchange;
  }

  private long spooledFiles() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(f -> f.getFileName().toString().startsWith("cos")).count();
    }
  }

  @Test
  void aSmallBlobIsReadableAfterTheRequestInEveryFormAndTwice() throws IOException {
    byte[] content = "Hello after the exchange!\n".getBytes(StandardCharsets.UTF_8);
    BlobRef ref = SERVER.putBlob(content);

    Exchange out = request(template, "camlistore:get", ref);

    assertThat(out.getMessage().getBody()).isInstanceOf(CachedContent.class);
    assertThat(out.getMessage().getBody(CachedContent.class).inMemory()).isTrue();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE))
        .isEqualTo((long) content.length);
    BodyReads.assertReadableTwiceInEveryForm(out.getMessage(), content);
  }

  @Test
  void aBlobOverTheSpoolThresholdIsSpooledReadableTwiceAndDeletedWhenClosed() throws IOException {
    byte[] content = random(1 << 20, 1);
    BlobRef ref = SERVER.putBlob(content);
    long spooledBefore = spooledFiles();

    Exchange out = request(template, "camlistore:get", ref);

    CachedContent body = out.getMessage().getBody(CachedContent.class);
    assertThat(body.inMemory()).isFalse();
    assertThat(body.length()).isEqualTo(content.length);
    assertThat(spooledFiles()).isEqualTo(spooledBefore + 1);
    assertThat(out.getMessage().getBody(byte[].class)).isEqualTo(content);
    assertThat(out.getMessage().getBody(byte[].class)).isEqualTo(content);
    File file = out.getMessage().getBody(File.class);
    assertThat(out.getMessage().getBody(File.class)).isEqualTo(file);
    assertThat(Files.readAllBytes(file.toPath())).isEqualTo(content);

    body.close();

    assertThat(spooledFiles()).isEqualTo(spooledBefore);
    assertThat(file).doesNotExist();
    assertThatThrownBy(() -> out.getMessage().getBody(byte[].class))
        .hasStackTraceContaining("closed");
  }

  @Test
  void theRouteAndTheCallerBothReadTheBody() throws IOException {
    byte[] content = "read twice: in the route and after it\n".getBytes(StandardCharsets.UTF_8);
    BlobRef ref = SERVER.putBlob(content);

    Exchange out = request(template, "direct:getAndRead", ref);

    assertThat(out.getProperty("readInRoute", String.class))
        .isEqualTo(new String(content, StandardCharsets.UTF_8));
    BodyReads.assertReadableTwiceInEveryForm(out.getMessage(), content);
  }

  @Test
  void aFileOver16MibIsSpooledAndReadableAfterTheRequestTwice() throws Exception {
    byte[] content = random(20 << 20, 2);
    BlobRef file =
        template.requestBodyAndHeader(
            "camlistore:putFile",
            content,
            CamlistoreConstants.FILE_NAME,
            "twenty.bin",
            BlobRef.class);

    Exchange out = request(template, "camlistore:getFile", file);

    assertThat(out.getMessage().getBody(CachedContent.class).inMemory()).isFalse();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.FILE_NAME)).isEqualTo("twenty.bin");
    BodyReads.assertLargeBodyReadableTwice(out.getMessage(), content);
  }

  @Test
  void withoutSpoolingAFileOver16MibFailsBeforeAnyChunkIsFetched() throws Exception {
    BlobRef file =
        template.requestBodyAndHeader(
            "camlistore:putFile",
            random(17 << 20, 3),
            CamlistoreConstants.FILE_NAME,
            "seventeen.bin",
            BlobRef.class);
    try (DefaultCamelContext defaults = new DefaultCamelContext()) {
      defaults.start();
      SERVER.clearRequests();

      Exchange out =
          defaults
              .createProducerTemplate()
              .request(
                  "camlistore:getFile?serverUrl=" + SERVER.url(),
                  e -> e.getMessage().setBody(file));

      assertThat(out.getException())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("stream-caching-spool-enabled")
          .hasMessageContaining("streamDownload=true");
      // Discovery, then the file schema and its bytes tree: the size is known before any chunk.
      assertThat(SERVER.requests())
          .filteredOn(r -> r.method().equals("GET") && r.path().contains("/camli/sha224-"))
          .allSatisfy(r -> assertThat(schemaRequested(r.path())).isTrue());
    }
  }

  private static boolean schemaRequested(String path) {
    BlobRef ref = BlobRef.parse(path.substring(path.lastIndexOf('/') + 1));
    return new String(requireNonNull(SERVER.blob(ref)), StandardCharsets.UTF_8)
        .startsWith("{\"camliVersion\"");
  }

  @Test
  void streamDownloadAnswersTheStreamWhichTheExchangeClosesWhenItCompletes() {
    BlobRef ref = SERVER.putBlob("read me in the route".getBytes(StandardCharsets.UTF_8));

    Exchange out = request(template, "camlistore:get?streamDownload=true", ref);

    assertThat(out.getMessage().getBody()).isInstanceOf(BlobInputStream.class);
    assertThatThrownBy(() -> out.getMessage().getBody(InputStream.class).read())
        .isInstanceOf(IOException.class);
  }

  @Test
  void putOfWhatGetAnsweredStoresTheSameBlob() {
    BlobRef ref = SERVER.putBlob(random(200_000, 4));
    Exchange fetched = request(template, "camlistore:get", ref);

    Exchange stored =
        template.request(
            "camlistore:put", e -> e.getMessage().setBody(fetched.getMessage().getBody()));

    assertThat(stored.getException()).isNull();
    assertThat(stored.getMessage().getHeader(CamlistoreConstants.BLOB_REF)).isEqualTo(ref);
  }

  @Test
  void putOfSeventeenMibFailsNamingPutFileAndSendsNoUpload() throws IOException {
    Path big = Files.write(dir.resolve("big.bin"), random(17 << 20, 5));
    SERVER.clearRequests();

    Exchange out = template.request("camlistore:put", e -> e.getMessage().setBody(big));

    assertThat(out.getException())
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessageContaining("putFile");
    assertThat(SERVER.requests()).noneMatch(r -> r.isBlobAction("POST", "upload"));
    assertThat(SERVER.contains(BlobRef.compute("sha224", Files.readAllBytes(big)))).isFalse();
  }

  @Test
  void putStoresExactlyOneBlobThatGetAnswersByteForByte() {
    byte[] content = random(Blob.MAX_SIZE, 6);

    Exchange stored =
        template.request(
            "camlistore:put", e -> e.getMessage().setBody(new ByteArrayInputStream(content)));
    Exchange fetched =
        request(
            template,
            "camlistore:get",
            stored.getMessage().getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class));

    assertThat(stored.getException()).isNull();
    assertThat(stored.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE))
        .isEqualTo((long) Blob.MAX_SIZE);
    assertThat(fetched.getMessage().getBody(byte[].class)).isEqualTo(content);
  }

  @Test
  @SuppressWarnings("UnnecessaryStringBuilder") // any body Camel converts, such as this one
  void putMultiStoresEachItemAndAnswersListHeaders() {
    List<Object> items = List.of("first item", new StringBuilder("second item"), new byte[] {3});

    Exchange stored = template.request("camlistore:putMulti", e -> e.getMessage().setBody(items));

    assertThat(stored.getException()).isNull();
    List<?> refs = stored.getMessage().getHeader(CamlistoreConstants.BLOB_REFS, List.class);
    assertThat(refs)
        .isEqualTo(
            List.of(
                BlobRef.compute("sha224", "first item".getBytes(StandardCharsets.UTF_8)),
                BlobRef.compute("sha224", "second item".getBytes(StandardCharsets.UTF_8)),
                BlobRef.compute("sha224", new byte[] {3})));
    assertThat(refs).allSatisfy(ref -> assertThat(SERVER.contains((BlobRef) ref)).isTrue());
    assertThat(stored.getMessage().getHeader(CamlistoreConstants.BLOB_SIZES))
        .isEqualTo(List.of(10L, 11L, 1L));
  }
}
