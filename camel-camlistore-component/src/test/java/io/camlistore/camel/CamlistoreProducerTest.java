package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.camel.PerkeepStubs.BINARY_REF;
import static io.camlistore.camel.PerkeepStubs.BLOB_ONE_REF;
import static io.camlistore.camel.PerkeepStubs.BLOB_ROOT;
import static io.camlistore.camel.PerkeepStubs.BLOB_TWO_REF;
import static io.camlistore.camel.PerkeepStubs.HELLO_REF;
import static io.camlistore.camel.PerkeepStubs.MISSING_REF;
import static io.camlistore.camel.PerkeepStubs.PAGE_ONE_LAST;
import static io.camlistore.camel.PerkeepStubs.SCHEMA_REF;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.Blob;
import io.camlistore.client.BlobMeta;
import io.camlistore.client.BlobRef;
import io.camlistore.client.HashMismatchException;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.ServerException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every producer operation through a route against a stub answering with the real server's bodies:
 * what the server receives and what the route gets back, on success and failure.
 */
class CamlistoreProducerTest extends StubRouteTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  private static final String HELLO = "Hello, Perkeep!\n";
  private static final String BLOB_ONE = "fixture blob one (sha224)\n";
  private static final String BLOB_TWO = "fixture blob two (sha1)\n";

  CamlistoreProducerTest() {
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

  @Test
  void putAsksWhetherTheServerHasTheBlobThenUploadsIt() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "31-upload-multipart-already-present.json");

    Exchange out = send("direct:put", BLOB_ONE, Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_ONE_REF));
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(26L);
    assertThat(out.getMessage().getBody()).isEqualTo(BLOB_ONE);
    server.verify(
        1,
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/stat"))
            .withRequestBody(containing("blob1=" + BLOB_ONE_REF)));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/upload"))
            .withRequestBodyPart(
                aMultipart().withName(BLOB_ONE_REF).withBody(equalTo(BLOB_ONE)).build()));
  }

  @Test
  void putSendsNothingWhenTheServerAlreadyHasTheBlob() {
    PerkeepStubs.stat(server, "22-stat-post.json");

    Exchange out = send("direct:put", HELLO.getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(HELLO_REF));
    server.verify(0, postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/upload")));
  }

  @Test
  void putMultiOfAListIsOneBatchedStatAndOneUploadWithListHeaders() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "30-upload-multipart-two-blobs.json");
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
    server.verify(
        1,
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/stat"))
            .withRequestBody(containing("blob1=" + BLOB_ONE_REF))
            .withRequestBody(containing("blob2=" + BLOB_TWO_REF)));
    server.verify(
        1,
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/upload"))
            .withRequestBodyPart(aMultipart().withName(BLOB_ONE_REF).build())
            .withRequestBodyPart(
                aMultipart().withName(BLOB_TWO_REF).withBody(equalTo(BLOB_TWO)).build()));
  }

  @Test
  void putNamesTheBlobWithTheHashFunctionHeader() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "30-upload-multipart-two-blobs.json");

    Exchange out = send("direct:put", BLOB_TWO, Map.of(CamlistoreConstants.HASH_FUNCTION, "sha1"));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_TWO_REF));
    server.verify(
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/upload"))
            .withRequestBodyPart(aMultipart().withName(BLOB_TWO_REF).build()));
  }

  @Test
  void putReplacesAStreamBodyItConsumedWithTheStoredBlob() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "31-upload-multipart-already-present.json");

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
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void putOfACollectionFailsNamingPutMultiBeforeSendingAnything() {
    Exchange out = send("direct:put", List.of(BLOB_ONE, BLOB_TWO), Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putMulti");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void putMultiOfASingleBodyFailsNamingPut() {
    Exchange out = send("direct:putMulti", BLOB_ONE, Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putMulti needs a Collection body")
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("send a single body to put");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @SuppressWarnings("UnnecessaryStringBuilder") // a StringBuilder body is what is tested
  void putStoresAnyBodyCamelConvertsToBytesSuchAsAStringBuilder() {
    PerkeepStubs.stat(server, "29-stat-empty.json");
    PerkeepStubs.upload(server, "31-upload-multipart-already-present.json");

    Exchange out = send("direct:put", new StringBuilder(BLOB_ONE), Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_ONE_REF));
    server.verify(
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/upload"))
            .withRequestBodyPart(
                aMultipart().withName(BLOB_ONE_REF).withBody(equalTo(BLOB_ONE)).build()));
  }

  @Test
  void putRefusesABodyCamelCannotConvertToBytesNamingItsType() {
    Exchange out = send("direct:put", new Object(), Map.of());

    assertThat(out.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("no type converter");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void getAnswersTheVerifiedBlobReadableAfterTheExchangeAndReleasesTheConnection() {
    PerkeepStubs.blob(server, HELLO_REF, "42-get-text-blob.txt");

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
    PerkeepStubs.blob(server, BINARY_REF, "44-get-binary-blob.bin");

    Exchange out = send("direct:get", BlobRef.parse(BINARY_REF), Map.of());

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody(byte[].class))
        .isEqualTo(PerkeepStubs.fixture("44-get-binary-blob.bin"));
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(262_144L);
  }

  @Test
  void getOfAnUnknownBlobFailsTheExchangeWithNotFound() {
    PerkeepStubs.missingBlob(server, MISSING_REF);

    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF));

    assertThat(out.getException()).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) out.getException()).statusCode()).isEqualTo(404);
    assertThat(out.getException()).hasMessageContaining(MISSING_REF);
  }

  @Test
  void getOfCorruptContentFailsWithHashMismatchAndAnswersNoBody() {
    // The server answers the text blob's bytes for the binary blob's ref.
    PerkeepStubs.blob(server, BINARY_REF, "42-get-text-blob.txt");

    Exchange out = send("direct:get", "", Map.of(CamlistoreConstants.BLOB_REF, BINARY_REF));

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
    server.verify(0, anyRequestedFor(anyUrl()));
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
    server.stubFor(
        head(urlEqualTo(BLOB_ROOT + "camli/" + BINARY_REF))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBodyFile("44-get-binary-blob.bin")));

    Exchange out = send("direct:exists", "", Map.of(CamlistoreConstants.BLOB_REF, BINARY_REF));

    assertThat(out.getException()).isNull();
    assertThat(out.getMessage().getBody()).isEqualTo(true);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(262_144L);
    server.verify(1, headRequestedFor(urlEqualTo(BLOB_ROOT + "camli/" + BINARY_REF)));
  }

  @Test
  void existsAnswersFalseForAnUnknownBlobAndDropsAStaleSize() {
    PerkeepStubs.missingBlob(server, MISSING_REF);

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
    PerkeepStubs.stat(server, "22-stat-post.json");
    String refs = String.join(",", SCHEMA_REF, MISSING_REF, HELLO_REF);

    Exchange out = send("direct:stat", "", Map.of(CamlistoreConstants.BLOB_REF, refs));

    assertThat(out.getException()).isNull();
    @SuppressWarnings("unchecked")
    Map<BlobRef, Long> sizes = out.getMessage().getBody(Map.class);
    assertThat(sizes)
        .containsExactly(
            Map.entry(BlobRef.parse(SCHEMA_REF), 403L), Map.entry(BlobRef.parse(HELLO_REF), 16L));
    server.verify(
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/stat"))
            .withRequestBody(containing("blob1=" + SCHEMA_REF))
            .withRequestBody(containing("blob2=" + MISSING_REF))
            .withRequestBody(containing("blob3=" + HELLO_REF)));
  }

  @Test
  void enumerateAnswersOnePageAndTheCursorForTheNext() {
    PerkeepStubs.enumerate(server, "", 5, "54-enumerate-limit-5.json");

    Exchange out = send("direct:enumerate", "", Map.of(CamlistoreConstants.LIMIT, 5));

    assertThat(out.getException()).isNull();
    List<?> page = out.getMessage().getBody(List.class);
    assertThat(page).hasSize(5);
    assertThat(((BlobMeta) page.get(0)).blobRef()).isEqualTo(BlobRef.parse(BLOB_TWO_REF));
    assertThat(((BlobMeta) page.get(0)).size()).isEqualTo(24L);
    assertThat(out.getMessage().getHeader(CamlistoreConstants.CONTINUE_AFTER))
        .isEqualTo(PAGE_ONE_LAST);
  }

  @Test
  void enumerateStartsAfterTheHeaderAndDropsTheCursorOnTheLastPage() {
    PerkeepStubs.enumerate(server, "sha224-ffff", 10, "60-enumerate-end.json");

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
  }

  @Test
  void removeFailsWithTheServersRefusal() {
    server.stubFor(
        post(urlEqualTo(BLOB_ROOT + "camli/remove"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/javascript")
                    .withBodyFile("61-remove-forbidden.json")));

    Exchange out = send("direct:remove", "", Map.of(CamlistoreConstants.BLOB_REF, HELLO_REF));

    assertThat(out.getException()).isInstanceOf(ServerException.class);
    assertThat(((ServerException) out.getException()).statusCode()).isEqualTo(403);
    assertThat(out.getException()).hasMessageContaining("removal is disabled");
    server.verify(
        postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/remove"))
            .withRequestBody(equalTo("blob1=" + HELLO_REF)));
  }

  @Test
  void theOperationHeaderOverridesTheEndpointsOperation() {
    PerkeepStubs.missingBlob(server, MISSING_REF);

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
    server.verify(1, headRequestedFor(urlEqualTo(BLOB_ROOT + "camli/" + MISSING_REF)));
    server.verify(0, postRequestedFor(urlEqualTo(BLOB_ROOT + "camli/stat")));
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
    PerkeepStubs.missingBlob(server, MISSING_REF);

    Exchange out = send("direct:asAlice", "", Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF));

    assertThat(out.getException()).isNull();
    server.verify(
        getRequestedFor(urlEqualTo("/?camli.mode=config"))
            .withHeader("Authorization", equalTo("Basic YWxpY2U6c2VjcmV0")));
    server.verify(
        headRequestedFor(urlEqualTo(BLOB_ROOT + "camli/" + MISSING_REF))
            .withHeader("Authorization", equalTo("Basic YWxpY2U6c2VjcmV0")));
  }

  @Test
  void anAuthTokenIsSentAsTokenAuth() {
    PerkeepStubs.missingBlob(server, MISSING_REF);

    Exchange out = send("direct:withToken", "", Map.of(CamlistoreConstants.BLOB_REF, MISSING_REF));

    assertThat(out.getException()).isNull();
    server.verify(
        headRequestedFor(urlEqualTo(BLOB_ROOT + "camli/" + MISSING_REF))
            .withHeader(
                "Authorization", equalTo("Token eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53")));
  }

  @Test
  void maxAttemptsBoundsTheTriesOfARequestTheServerCannotServeNow() {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo(BLOB_ROOT + "camli/" + HELLO_REF))
            .willReturn(aResponse().withStatus(503)));

    Exchange out = send("direct:getTwice", HELLO_REF, Map.of());

    assertThat(out.getException()).isInstanceOf(ServerException.class);
    assertThat(((ServerException) out.getException()).statusCode()).isEqualTo(503);
    server.verify(2, getRequestedFor(urlEqualTo(BLOB_ROOT + "camli/" + HELLO_REF)));
  }

  @Test
  void failuresSurfaceAsTheExchangeException() {
    PerkeepStubs.missingBlob(server, MISSING_REF);

    Exchange out = send("direct:get", MISSING_REF, Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(rethrow(out))
        .isInstanceOf(NotFoundException.class);
  }
}
