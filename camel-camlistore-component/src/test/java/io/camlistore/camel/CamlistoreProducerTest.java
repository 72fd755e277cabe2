package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobMeta;
import io.camlistore.client.HashMismatchException;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.ServerException;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Every producer operation through a route against the embedded server: what the server receives
 * and stores, and what the route gets back, on success and failure.
 */
@CamlistoreServer
class CamlistoreProducerTest extends EmbeddedRouteTestSupport {
  private static final String HELLO = HelloBlob.TEXT;
  private static final String HELLO_REF = HelloBlob.REF;
  private static final String BLOB_ONE = "fixture blob one (sha224)\n";
  private static final String BLOB_ONE_REF =
      "sha224-645a09d3d849166386d2d3b144010524c8d3ca6cfc31567d2e1be781";
  private static final String BLOB_TWO = "fixture blob two (sha1)\n";
  private static final String BLOB_TWO_REF = "sha1-7f9281ff490b7930c7fdb1861d234dba8680e702";

  /** A well-formed ref of a blob no test stores. */
  private static final String MISSING_REF =
      "sha224-00000000000000000000000000000000000000000000000000000000";

  CamlistoreProducerTest(EmbeddedCamlistoreServer server) {
    super(server);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:put").to("camlistore:put");
        from("direct:putMulti").to("camlistore:putMulti");
        from("direct:get").to("camlistore:get");
        from("direct:exists").to("camlistore:exists");
        from("direct:stat").to("camlistore:stat");
        from("direct:enumerate").to("camlistore:enumerate");
        from("direct:remove").to("camlistore:remove");
        from("direct:getTwice").to("camlistore:get?maxAttempts=2");
        from("direct:asAlice").to("camlistore:exists?username=alice&password=secret");
        from("direct:withToken")
            .to("camlistore:exists?authToken=eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53");
      }
    };
  }

  private static ThrowableAssert.ThrowingCallable rethrow(Exchange exchange) {
    return () -> {
      throw exchange.getException();
    };
  }

  private String stored(String ref) {
    return new String(
        Objects.requireNonNull(server.blob(BlobRef.parse(ref))), StandardCharsets.UTF_8);
  }

  private List<RecordedRequest> received(String method, String action) {
    return server.requests(method, action);
  }

  @Test
  void putAsksWhetherTheServerHasTheBlobThenUploadsIt() {
    Exchange out = send("direct:put", BLOB_ONE, Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_ONE_REF));
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(26L);
    assertThat(out.getMessage().getBody()).isEqualTo(BLOB_ONE);
    assertThat(received("POST", "stat"))
        .singleElement()
        .extracting(stat -> stat.formParameter("blob1"))
        .isEqualTo(BLOB_ONE_REF);
    assertThat(received("POST", "upload")).hasSize(1);
    assertThat(stored(BLOB_ONE_REF)).isEqualTo(BLOB_ONE);
  }

  @Test
  void putSendsNothingWhenTheServerAlreadyHasTheBlob() {
    server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));

    Exchange out = send("direct:put", HELLO.getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(HELLO_REF));
    assertThat(received("POST", "stat")).hasSize(1);
    assertThat(received("POST", "upload")).isEmpty();
  }

  @Test
  void putMultiOfAListIsOneBatchedStatAndOneUploadWithListHeaders() {
    Blob sha1Blob = Blob.withHash(BLOB_TWO.getBytes(StandardCharsets.UTF_8), "sha1");

    Exchange out =
        send(
            "direct:putMulti",
            List.of(BLOB_ONE, sha1Blob),
            Map.of(CamlistoreConstants.BLOB_REF, "stale", CamlistoreConstants.BLOB_SIZE, 1L));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REFS))
        .isEqualTo(List.of(BlobRef.parse(BLOB_ONE_REF), BlobRef.parse(BLOB_TWO_REF)));
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZES))
        .isEqualTo(List.of(26L, 24L));
    assertThat(out.getMessage().getHeaders())
        .doesNotContainKeys(CamlistoreConstants.BLOB_REF, CamlistoreConstants.BLOB_SIZE);
    assertThat(received("POST", "stat"))
        .singleElement()
        .satisfies(
            stat -> {
              assertThat(stat.formParameter("blob1")).isEqualTo(BLOB_ONE_REF);
              assertThat(stat.formParameter("blob2")).isEqualTo(BLOB_TWO_REF);
            });
    assertThat(received("POST", "upload")).hasSize(1);
    assertThat(stored(BLOB_ONE_REF)).isEqualTo(BLOB_ONE);
    assertThat(stored(BLOB_TWO_REF)).isEqualTo(BLOB_TWO);
  }

  @Test
  void putNamesTheBlobWithTheHashFunctionHeader() {
    Exchange out = send("direct:put", BLOB_TWO, Map.of(CamlistoreConstants.HASH_FUNCTION, "sha1"));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_TWO_REF));
    assertThat(stored(BLOB_TWO_REF)).isEqualTo(BLOB_TWO);
  }

  @Test
  void putReplacesAStreamBodyItConsumedWithTheStoredBlob() {
    Exchange out =
        send(
            "direct:put",
            new ByteArrayInputStream(BLOB_ONE.getBytes(StandardCharsets.UTF_8)),
            Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(String.class)).isEqualTo(BLOB_ONE);
    assertThat(out.getMessage().getBody(Blob.class).blobRef())
        .isEqualTo(BlobRef.parse(BLOB_ONE_REF));
  }

  @Test
  void putOfBytesOver16MibFailsNamingPutFileBeforeSendingAnything() {
    Exchange out = send("direct:put", new byte[Blob.MAX_SIZE + 1], Map.of());

    assertThat(out.getException())
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessageContaining("putFile");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void putOfACollectionFailsNamingPutMultiBeforeSendingAnything() {
    Exchange out = send("direct:put", List.of(BLOB_ONE, BLOB_TWO), Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putMulti");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void putMultiOfASingleBodyFailsNamingPut() {
    Exchange out = send("direct:putMulti", BLOB_ONE, Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putMulti needs a Collection body")
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("send a single body to put");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  @SuppressWarnings("UnnecessaryStringBuilder") // a StringBuilder body is what is tested
  void putStoresAnyBodyCamelConvertsToBytesSuchAsAStringBuilder() {
    Exchange out = send("direct:put", new StringBuilder(BLOB_ONE), Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_ONE_REF));
    assertThat(stored(BLOB_ONE_REF)).isEqualTo(BLOB_ONE);
  }

  @Test
  void putRefusesABodyCamelCannotConvertToBytesNamingItsType() {
    Exchange out = send("direct:put", new Object(), Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("no type converter");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void getAnswersTheVerifiedBlobReadableAfterTheExchangeAndReleasesTheConnection() {
    server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));

    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.BLOB_REF, HELLO_REF));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(String.class)).isEqualTo(HELLO);
    assertThat(out.getMessage().getBody(String.class)).as("read again").isEqualTo(HELLO);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(16L);
    assertThat(
            context
                .getEndpoint("camlistore:get", CamlistoreEndpoint.class)
                .connection()
                .leasedHttpConnections())
        .isZero();
  }

  @Test
  void getTakesTheRefFromTheBodyWhenNoHeaderNamesOne() {
    byte[] binary = new byte[262_144];
    new Random(44).nextBytes(binary);
    BlobRef ref = server.putBlob(binary);

    Exchange out = send("direct:get", ref, Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(byte[].class)).isEqualTo(binary);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(262_144L);
  }

  @Test
  void getOfAnUnknownBlobFailsTheExchangeWithNotFound() {
    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF));

    assertThat(out.getException()).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) out.getException()).statusCode()).isEqualTo(404);
    assertThat(out.getException()).hasMessageContaining(MISSING_REF);
  }

  @Test
  void getOfCorruptContentFailsWithHashMismatchAndAnswersNoBody() {
    BlobRef ref = server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));
    server.faults().corruptBlob(ref);

    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.BLOB_REF, HELLO_REF));

    assertThat(out.getException()).isInstanceOf(HashMismatchException.class);
    assertThat(out.getMessage().getBody()).isEqualTo("");
  }

  @Test
  void getWithoutARefFailsNamingTheHeaderToSet() {
    Exchange out = send("direct:get", "", Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("get needs a blobref")
        .hasMessageContaining(CamlistoreConstants.BLOB_REF);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void getWithAMalformedRefFailsQuotingIt() {
    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.BLOB_REF, "sha224-xyz"));

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header " + CamlistoreConstants.BLOB_REF)
        .hasMessageContaining("'sha224-xyz'");
  }

  @Test
  void existsAnswersTrueAndTheSizeForAPresentBlob() {
    BlobRef ref = server.putBlob(new byte[262_144]);

    Exchange out = send("direct:exists", "", Map.of(CamlistoreConstants.BLOB_REF, ref.toString()));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody()).isEqualTo(true);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(262_144L);
    assertThat(received("HEAD", ref.toString())).hasSize(1);
    assertThat(received("GET", ref.toString())).isEmpty();
  }

  @Test
  void existsAnswersFalseForAnUnknownBlobAndDropsAStaleSize() {
    Exchange out =
        send(
            "direct:exists",
            "",
            Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF, CamlistoreConstants.BLOB_SIZE, 5L));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody()).isEqualTo(false);
    assertThat(out.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.BLOB_SIZE);
  }

  @Test
  void statAnswersTheSizesOfThePresentBlobsInRequestOrder() {
    BlobRef schema =
        server.putBlob(
            "{\"camliVersion\": 1,\n  \"camliType\": \"bytes\"\n}"
                .getBytes(StandardCharsets.UTF_8));
    server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));
    String refs = String.join(",", schema.toString(), MISSING_REF, HELLO_REF);

    Exchange out = send("direct:stat", "", Map.of(CamlistoreConstants.BLOB_REF, refs));

    assertThat(out.getException()).isNull();
    @SuppressWarnings("unchecked")
    Map<BlobRef, Long> sizes = out.getMessage().getBody(Map.class);
    assertThat(sizes)
        .containsExactly(
            Map.entry(schema, (long) Objects.requireNonNull(server.blob(schema)).length),
            Map.entry(BlobRef.parse(HELLO_REF), 16L));
    assertThat(received("POST", "stat"))
        .singleElement()
        .satisfies(
            stat -> {
              assertThat(stat.formParameter("blob1")).isEqualTo(schema.toString());
              assertThat(stat.formParameter("blob2")).isEqualTo(MISSING_REF);
              assertThat(stat.formParameter("blob3")).isEqualTo(HELLO_REF);
            });
  }

  @Test
  void enumerateAnswersOnePageAndTheCursorForTheNext() {
    for (int i = 0; i < 7; i++) {
      server.putBlob(("blob " + i).getBytes(StandardCharsets.UTF_8));
    }
    List<BlobRef> inOrder = server.blobRefs();

    Exchange out = send("direct:enumerate", "", Map.of(CamlistoreConstants.LIMIT, 5));

    assertThat(out.getException()).isNull();
    List<?> page = out.getMessage().getBody(List.class);
    assertThat(page)
        .hasSize(5)
        .map(meta -> ((BlobMeta) meta).blobRef())
        .isEqualTo(inOrder.subList(0, 5));
    assertThat(((BlobMeta) page.get(0)).size()).isEqualTo(6L);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.CONTINUE_AFTER))
        .isEqualTo(inOrder.get(4).toString());
    assertThat(received("GET", "enumerate-blobs"))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.queryParameter("limit")).isEqualTo("5");
              assertThat(request.queryParameter("after")).isNull();
            });
  }

  @Test
  void enumerateStartsAfterTheHeaderAndDropsTheCursorOnTheLastPage() {
    server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));

    Exchange out =
        send(
            "direct:enumerate",
            "",
            Map.of(
                CamlistoreConstants.AFTER,
                "sha224-ffff",
                CamlistoreConstants.LIMIT,
                10,
                CamlistoreConstants.CONTINUE_AFTER,
                "stale"));

    assertThat(out.getException()).isNull();
    List<?> page = out.getMessage().getBody(List.class);
    assertThat(page).isEmpty();
    assertThat(out.getMessage().getHeaders()).doesNotContainKey(CamlistoreConstants.CONTINUE_AFTER);
    assertThat(received("GET", "enumerate-blobs"))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.queryParameter("limit")).isEqualTo("10");
              assertThat(request.queryParameter("after")).isEqualTo("sha224-ffff");
            });
  }

  @Test
  void removeFailsWithTheServersRefusal() {
    server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));

    Exchange out = send("direct:remove", "", Map.of(CamlistoreConstants.BLOB_REF, HELLO_REF));

    assertThat(out.getException()).isInstanceOf(ServerException.class);
    assertThat(((ServerException) out.getException()).statusCode()).isEqualTo(403);
    assertThat(out.getException()).hasMessageContaining("removal is disabled");
    assertThat(received("POST", "remove"))
        .singleElement()
        .extracting(RecordedRequest::bodyText)
        .isEqualTo("blob1=" + HELLO_REF);
    assertThat(server.contains(BlobRef.parse(HELLO_REF))).isTrue();
  }

  @Test
  void theOperationHeaderOverridesTheEndpointsOperation() {
    Exchange out =
        send(
            "direct:stat",
            "",
            Map.of(
                CamlistoreConstants.BLOB_REF,
                MISSING_REF,
                CamlistoreConstants.OPERATION,
                "exists"));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(Boolean.class)).isFalse();
    assertThat(received("HEAD", MISSING_REF)).hasSize(1);
    assertThat(received("POST", "stat")).isEmpty();
  }

  @Test
  void anUnknownOperationHeaderFailsListingTheValidOperations() {
    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.OPERATION, "frobnicate"));

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'frobnicate'")
        .hasMessageContaining("put, putMulti, get, exists, stat, enumerate, remove");
  }

  @Test
  void usernameAndPasswordAreSentAsBasicAuth() {
    Exchange out = send("direct:asAlice", "", Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF));

    assertThat(out.getException()).isNull();
    assertThat(server.requests())
        .filteredOn(request -> request.path().equals("/"))
        .singleElement()
        .satisfies(
            discovery -> {
              assertThat(discovery.queryParameter("camli.mode")).isEqualTo("config");
              assertThat(discovery.header("Authorization")).isEqualTo("Basic YWxpY2U6c2VjcmV0");
            });
    assertThat(received("HEAD", MISSING_REF))
        .singleElement()
        .extracting(request -> request.header("Authorization"))
        .isEqualTo("Basic YWxpY2U6c2VjcmV0");
  }

  @Test
  void anAuthTokenIsSentAsTokenAuth() {
    Exchange out = send("direct:withToken", "", Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF));

    assertThat(out.getException()).isNull();
    assertThat(received("HEAD", MISSING_REF))
        .singleElement()
        .extracting(request -> request.header("Authorization"))
        .isEqualTo("Token eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53");
  }

  @Test
  void maxAttemptsBoundsTheTriesOfARequestTheServerCannotServeNow() {
    server.putBlob(HELLO.getBytes(StandardCharsets.UTF_8));
    server.faults().failNextRequests(3, 503, request -> request.isBlobAction("GET", HELLO_REF));

    Exchange out = send("direct:getTwice", HELLO_REF, Map.of());

    assertThat(out.getException()).isInstanceOf(ServerException.class);
    assertThat(((ServerException) out.getException()).statusCode()).isEqualTo(503);
    assertThat(received("GET", HELLO_REF)).hasSize(2);
  }

  @Test
  void failuresSurfaceAsTheExchangeException() {
    Exchange out = send("direct:get", MISSING_REF, Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(rethrow(out))
        .isInstanceOf(NotFoundException.class);
  }
}
