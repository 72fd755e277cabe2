package io.camlistore.camel;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * putFile and getFile round-tripped through the embedded server, with Camel's stream cache spooling
 * large bodies to disk; and put, which stores one blob only.
 */
class CamlistoreFileProducerTest extends ServerRouteTestSupport {
  private static final EmbeddedCamlistoreServer SERVER =
      EmbeddedCamlistoreServer.builder().build().start();
  private static final int TWENTY_MIB = 20 << 20;

  @TempDir Path dir;
  @TempDir Path spool;

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
    // Files over 16 MiB are kept for after the exchange only when spooled to disk.
    BodyReads.spoolBodies(context, spool);
    return context;
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:putFile").to("camlistore:putFile");
        from("direct:put").to("camlistore:put");
        from("direct:putWithPermanode")
            .to(
                "camlistore:putFile?permanode=true&secretKeyring="
                    + TestKeyring.file()
                    + "&keyId="
                    + TestKeyring.KEY_ID);
        from("direct:getFile").to("camlistore:getFile").convertBodyTo(byte[].class);
        from("direct:getFileUnread").to("camlistore:getFile");
        // Read one byte while the body is open; completing the exchange closes it.
        // Without stream caching, which would read the whole body into a cache first.
        from("direct:firstByteWithoutReadAhead")
            .streamCache("false")
            .to("camlistore:getFile?downloadParallelism=1&streamDownload=true")
            .process(e -> e.getMessage().setBody(e.getMessage().getBody(InputStream.class).read()));
        from("direct:firstByteWithReadAhead")
            .streamCache("false")
            .to("camlistore:getFile?streamDownload=true")
            .process(e -> e.getMessage().setBody(e.getMessage().getBody(InputStream.class).read()))
            // The chunks after the first are fetched in the background: wait for one to arrive.
            .process(e -> await().atMost(Duration.ofSeconds(30)).until(() -> chunkGets() >= 2));
      }
    };
  }

  @Test
  void putFileStoresBytesAsANamedFileThatGetFileReadsBack() {
    byte[] content = "Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8);

    Exchange stored =
        template.request(
            "direct:putFile",
            e -> {
              e.getMessage().setBody(content);
              e.getMessage().setHeader(CamlistoreConstants.FILE_NAME, "hello.txt");
            });

    assertThat(stored.getException()).isNull();
    BlobRef ref = stored.getMessage().getBody(BlobRef.class);
    Map<String, Object> headers = stored.getMessage().getHeaders();
    assertThat(headers)
        .containsEntry(CamlistoreConstants.BLOB_REF, ref)
        .containsEntry(CamlistoreConstants.BLOB_SIZE, 16L)
        .containsEntry(CamlistoreConstants.FILE_NAME, "hello.txt")
        .containsEntry(CamlistoreConstants.CAMLI_TYPE, "file")
        .doesNotContainKey(CamlistoreConstants.PERMANODE_REF);
    assertThat(new String(requireNonNull(SERVER.blob(ref)), StandardCharsets.UTF_8))
        .contains("\"camliType\": \"file\"")
        .contains("\"fileName\": \"hello.txt\"");

    Exchange fetched = template.request("direct:getFile", e -> e.getMessage().setBody(ref));

    assertThat(fetched.getException()).isNull();
    assertThat(fetched.getMessage().getBody(byte[].class)).isEqualTo(content);
    assertThat(fetched.getMessage().getHeaders())
        .containsEntry(CamlistoreConstants.FILE_NAME, "hello.txt")
        .containsEntry(CamlistoreConstants.BLOB_SIZE, 16L)
        .containsEntry(CamlistoreConstants.BLOB_REF, ref);
  }

  @Test
  void putFileNamesAPathAfterCamelFileNameElseTheFileItself() throws Exception {
    Path path = Files.writeString(dir.resolve("local.txt"), "some text");

    BlobRef own = template.requestBody("direct:putFile", path, BlobRef.class);
    BlobRef renamed =
        template.requestBodyAndHeader(
            "direct:putFile",
            path.toFile(),
            Exchange.FILE_NAME,
            "inbox/renamed.txt",
            BlobRef.class);

    assertThat(fileNameOf(own)).isEqualTo("local.txt");
    assertThat(fileNameOf(renamed)).isEqualTo("renamed.txt");
    assertThat(template.requestBody("direct:getFile", renamed, byte[].class))
        .isEqualTo("some text".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void putFileOfAStreamWithoutANameFailsNamingTheHeaders() {
    InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});

    assertThatThrownBy(() -> template.requestBody("direct:putFile", in))
        .isInstanceOf(CamelExecutionException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CamlistoreConstants.FILE_NAME)
        .hasMessageContaining(Exchange.FILE_NAME);
  }

  @Test
  void putOfAStreamOver16MibFailsNamingPutFileAndStoresNothing() {
    int blobsBefore = SERVER.blobCount();

    Exchange stored =
        template.request(
            "direct:put",
            e -> e.getMessage().setBody(new ByteArrayInputStream(randomBytes(17 << 20))));

    assertThat(stored.getException())
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessageContaining("putFile");
    assertThat(SERVER.blobCount()).isEqualTo(blobsBefore);
  }

  @Test
  void putFileStoresAFileOver16MibThatGetFileReadsBackAfterTheExchange() throws Exception {
    Path big = Files.write(dir.resolve("big.bin"), randomBytes(TWENTY_MIB));

    Exchange stored = template.request("direct:putFile", e -> e.getMessage().setBody(big));
    BlobRef ref = stored.getMessage().getBody(BlobRef.class);
    Exchange fetched = template.request("direct:getFileUnread", e -> e.getMessage().setBody(ref));

    assertThat(stored.getException()).isNull();
    assertThat(stored.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE))
        .isEqualTo((long) TWENTY_MIB);
    assertThat(fileNameOf(ref)).isEqualTo("big.bin");
    assertThat(fetched.getException()).isNull();
    CachedContent body = fetched.getMessage().getBody(CachedContent.class);
    assertThat(body.inMemory()).as("spooled to disk").isFalse();
    assertThat(Files.mismatch(fetched.getMessage().getBody(File.class).toPath(), big))
        .isEqualTo(-1L);
    assertThat(Arrays.equals(fetched.getMessage().getBody(byte[].class), Files.readAllBytes(big)))
        .isTrue();
  }

  @Test
  void putStoresASmallFileAsOneBlobAndRemovesAStaleFileType() throws Exception {
    Path small = Files.writeString(dir.resolve("small.txt"), "Hello, Perkeep!\n");

    Exchange asBlob =
        template.request(
            "direct:put",
            e -> {
              e.getMessage().setBody(small);
              e.getMessage().setHeader(CamlistoreConstants.CAMLI_TYPE, "file");
            });

    assertThat(asBlob.getMessage().getHeader(CamlistoreConstants.BLOB_REF).toString())
        .isEqualTo(HelloBlob.REF);
    assertThat(asBlob.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.CAMLI_TYPE);
    assertThat(asBlob.getMessage().getBody()).isEqualTo(small);
  }

  @Test
  void thePermanodeOptionGivesTheFileAPermanodeDerivedFromItsContent() {
    Exchange stored = storeWithPermanode("photo.jpg");
    Exchange again = storeWithPermanode("photo.jpg");

    assertThat(stored.getException()).isNull();
    BlobRef fileRef = stored.getMessage().getBody(BlobRef.class);
    BlobRef permanode =
        stored.getMessage().getHeader(CamlistoreConstants.PERMANODE_REF, BlobRef.class);
    assertThat(new String(requireNonNull(SERVER.blob(permanode)), StandardCharsets.UTF_8))
        .contains("\"camliType\": \"permanode\"")
        .contains("\"key\"");
    // The claim pointing the permanode at the file is on the server too.
    assertThat(
            SERVER.blobRefs().stream()
                .map(ref -> new String(requireNonNull(SERVER.blob(ref)), StandardCharsets.UTF_8))
                .filter(text -> text.contains("\"camliContent\""))
                .filter(text -> text.contains(fileRef.toString())))
        .hasSize(1);
    // Storing the same file again makes no second permanode.
    assertThat(again.getException()).isNull();
    assertThat(again.getMessage().getHeader(CamlistoreConstants.PERMANODE_REF, BlobRef.class))
        .isEqualTo(permanode);
  }

  private Exchange storeWithPermanode(String name) {
    return template.request(
        "direct:putWithPermanode",
        e -> {
          e.getMessage().setBody("photo bytes");
          e.getMessage().setHeader(CamlistoreConstants.FILE_NAME, name);
        });
  }

  @Test
  void getFileOfABlobThatIsNoFileFails() {
    BlobRef plain = SERVER.putBlob("not a schema".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> template.requestBody("direct:getFileUnread", plain))
        .isInstanceOf(CamelExecutionException.class)
        .cause()
        .isInstanceOf(io.camlistore.client.InvalidSchemaException.class);
  }

  @Test
  void downloadParallelismOfOneFetchesOnlyTheChunkBeingReadWhereTheDefaultReadsAhead() {
    byte[] content = randomBytes(3 << 20);
    BlobRef ref =
        template.requestBodyAndHeader(
            "direct:putFile", content, CamlistoreConstants.FILE_NAME, "ahead.bin", BlobRef.class);

    SERVER.clearRequests();
    Exchange withoutReadAhead =
        template.request("direct:firstByteWithoutReadAhead", e -> e.getMessage().setBody(ref));
    long fetchedWithoutReadAhead = chunkGets();
    SERVER.clearRequests();
    Exchange withReadAhead =
        template.request("direct:firstByteWithReadAhead", e -> e.getMessage().setBody(ref));

    assertThat(withoutReadAhead.getException()).isNull();
    assertThat(withoutReadAhead.getMessage().getBody(Integer.class))
        .isEqualTo(Byte.toUnsignedInt(content[0]));
    assertThat(fetchedWithoutReadAhead).isEqualTo(1);
    assertThat(withReadAhead.getException()).isNull();
    assertThat(withReadAhead.getMessage().getBody(Integer.class))
        .isEqualTo(Byte.toUnsignedInt(content[0]));
  }

  /** {@return how many GETs of chunk (non-schema) blobs the server received} */
  private static long chunkGets() {
    return SERVER.requests().stream()
        .filter(request -> request.method().equals("GET"))
        .map(request -> request.path().substring(request.path().lastIndexOf('/') + 1))
        .filter(name -> name.startsWith("sha"))
        .map(BlobRef::parse)
        .filter(blob -> !isSchema(requireNonNull(SERVER.blob(blob))))
        .count();
  }

  private static boolean isSchema(byte[] blob) {
    return new String(blob, 0, Math.min(blob.length, 16), StandardCharsets.ISO_8859_1)
        .startsWith("{\"camliVersion\"");
  }

  private String fileNameOf(BlobRef ref) {
    return template
        .request("direct:getFile", e -> e.getMessage().setBody(ref))
        .getMessage()
        .getHeader(CamlistoreConstants.FILE_NAME, String.class);
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
