package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blob store against WireMock serving the real server's answers: the seed client's cases
 * (PC-06..PC-16, D-01..D-08), the deliberate differences (X-01, X-03..X-06, X-10), batching limits,
 * and faults. Every test also checks that no pooled connection leaked.
 */
class BlobClientTest {
  private static final String P = "/bs-and-maybe-also-index/camli/";
  private static final BlobRef HELLO =
      BlobRef.parse("sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3");
  private static final BlobRef HELLO_FILE =
      BlobRef.parse("sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6");
  private static final BlobRef MISSING =
      BlobRef.parse("sha224-00000000000000000000000000000000000000000000000000000000");
  private static final BlobRef MISSING_SHA1 =
      BlobRef.parse("sha1-0000000000000000000000000000000000000000");

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private Connection conn;
  private BlobClient blobs;

  @BeforeEach
  void connect() {
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("01-discovery-accept-header").response()));
    conn = connect(ConnectOptions.builder().retryBackoff(Duration.ZERO).enumeratePageSize(5));
    blobs = conn.blobs();
  }

  private Connection connect(ConnectOptions.Builder options) {
    return Camlistore.connect(server.baseUrl() + "/", options.build());
  }

  @AfterEach
  void noConnectionLeaks() {
    assertThat(conn.leasedHttpConnections()).as("leased HTTP connections").isZero();
    conn.close();
  }

  @Test
  void blobUrlIsBlobRootCamliRef() {
    assertThat(blobs.blobUrl(HELLO)).isEqualTo(URI.create(server.baseUrl() + P + HELLO));
  }

  @Test
  void getReturnsTheVerifiedBlob() {
    server.stubFor(get(P + HELLO).willReturn(Fixture.named("42-get-text-blob").response()));

    Blob blob = blobs.get(HELLO);

    assertThat(blob.blobRef()).isEqualTo(HELLO);
    assertThat(blob.text()).isEqualTo("Hello, Perkeep!\n");
    server.verify(getRequestedFor(urlEqualTo(P + HELLO)));
  }

  @Test
  void getVerifiesWithTheHashTheRefNames() {
    BlobRef sha1 = BlobRef.parse("sha1-7928f34bd3263b86e67d11efff30d67fe7f3d176");
    server.stubFor(get(P + sha1).willReturn(aResponse().withBody("dummy blob")));

    assertThat(blobs.get(sha1).text()).isEqualTo("dummy blob");
    assertThat(blobs.get(sha1).hashFuncName()).isEqualTo("sha1");
  }

  @Test
  void getOfCorruptContentThrowsHashMismatch() {
    server.stubFor(get(P + HELLO).willReturn(aResponse().withBody("dummy blob")));

    assertThatThrownBy(() -> blobs.get(HELLO))
        .isInstanceOfSatisfying(
            HashMismatchException.class, e -> assertThat(e.expected()).isEqualTo(HELLO))
        .hasMessageContaining(HELLO.toString());
    server.verify(getRequestedFor(urlEqualTo(P + HELLO)));
  }

  @Test
  void getOfAMissingBlobThrowsNotFoundNamingIt() {
    server.stubFor(get(P + MISSING).willReturn(Fixture.named("47-get-missing-404").response()));

    assertThatThrownBy(() -> blobs.get(MISSING))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
        .hasMessageContaining(MISSING.toString());
  }

  @Test
  void getOnServerErrorThrowsServerExceptionWithStatusAndNoRetry() {
    server.stubFor(get(P + HELLO).willReturn(aResponse().withStatus(500).withBody("boom")));

    assertThatThrownBy(() -> blobs.get(HELLO))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.serverError()).isEqualTo("boom");
            });
    server.verify(1, getRequestedFor(urlEqualTo(P + HELLO)));
  }

  @Test
  void getRetriesAGatewayError() {
    server.stubFor(
        get(P + HELLO)
            .inScenario("gateway")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    server.stubFor(
        get(P + HELLO)
            .inScenario("gateway")
            .whenScenarioStateIs("up")
            .willReturn(Fixture.named("42-get-text-blob").response()));

    assertThat(blobs.get(HELLO).text()).isEqualTo("Hello, Perkeep!\n");
    server.verify(2, getRequestedFor(urlEqualTo(P + HELLO)));
  }

  @Test
  void getOfATruncatedBodyIsAConnectionErrorAfterRetries() {
    server.stubFor(
        get(P + HELLO).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThatThrownBy(() -> blobs.get(HELLO))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining(P + HELLO);
    server.verify(3, getRequestedFor(urlEqualTo(P + HELLO)));
  }

  @Test
  void unauthorizedBlobRequestIsAnAuthenticationError() {
    server.stubFor(get(P + HELLO).willReturn(Fixture.named("92-blob-no-auth-401").response()));

    assertThatThrownBy(() -> blobs.get(HELLO))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("401");
  }

  @Test
  void getStreamVerifiesAtTheEnd() throws IOException {
    server.stubFor(get(P + HELLO).willReturn(Fixture.named("42-get-text-blob").response()));

    try (BlobInputStream in = blobs.getStream(HELLO)) {
      assertThat(in.blobRef()).isEqualTo(HELLO);
      assertThat(in.size()).isEqualTo(16);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Hello, Perkeep!\n");
    }
  }

  @Test
  void getStreamOfCorruptContentThrowsFromReadAtTheEnd() throws IOException {
    server.stubFor(get(P + HELLO).willReturn(aResponse().withBody("Hello, Perkeep?\n")));

    try (BlobInputStream in = blobs.getStream(HELLO)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(HashMismatchException.class);
    }
  }

  @Test
  void getStreamOfCorruptContentThrowsFromCloseWhenAllBytesWereRead() throws IOException {
    server.stubFor(
        get(P + HELLO)
            .willReturn(
                aResponse().withHeader("Content-Length", "16").withBody("Hello, Perkeep?\n")));

    BlobInputStream in = blobs.getStream(HELLO);
    assertThat(in.readNBytes(16)).hasSize(16);
    assertThatThrownBy(in::close).isInstanceOf(HashMismatchException.class);
  }

  @Test
  void getStreamClosedEarlyReleasesTheConnection() throws IOException {
    server.stubFor(
        get(P + "sha224-0000d70a7c5328e50e6f50ee49fda8a5a99bfb4f9d6ace72dee96927")
            .willReturn(Fixture.named("44-get-binary-blob").response()));
    BlobRef big = BlobRef.parse("sha224-0000d70a7c5328e50e6f50ee49fda8a5a99bfb4f9d6ace72dee96927");

    try (InputStream in = blobs.getStream(big)) {
      assertThat(in.read()).isNotNegative();
      assertThat(conn.leasedHttpConnections()).isEqualTo(1);
    }
  }

  @Test
  void getStreamOfAMissingBlobThrowsNotFound() {
    server.stubFor(get(P + MISSING).willReturn(Fixture.named("47-get-missing-404").response()));

    assertThatThrownBy(() -> blobs.getStream(MISSING)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void getSizeUsesHead() {
    BlobRef ref = BlobRef.parse("sha224-0000d70a7c5328e50e6f50ee49fda8a5a99bfb4f9d6ace72dee96927");
    server.stubFor(
        head(urlEqualTo(P + ref))
            .willReturn(
                Fixture.named("45-head-blob").response().withHeader("Content-Length", "262144")));

    assertThat(blobs.getSize(ref)).isEqualTo(262_144L);
    server.verify(headRequestedFor(urlEqualTo(P + ref)));
  }

  @Test
  void getSizeOfMissingBlobThrowsNotFoundAndServerErrorThrowsServerException() {
    server.stubFor(head(urlEqualTo(P + MISSING)).willReturn(aResponse().withStatus(404)));
    server.stubFor(head(urlEqualTo(P + HELLO)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> blobs.getSize(MISSING)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> blobs.getSize(HELLO))
        .isInstanceOfSatisfying(
            ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }

  @Test
  void blobExistsFollowsHeadAndPropagatesServerErrors() {
    server.stubFor(
        head(urlEqualTo(P + HELLO)).willReturn(aResponse().withHeader("Content-Length", "16")));
    server.stubFor(head(urlEqualTo(P + MISSING)).willReturn(aResponse().withStatus(404)));
    server.stubFor(head(urlEqualTo(P + HELLO_FILE)).willReturn(aResponse().withStatus(500)));

    assertThat(blobs.blobExists(HELLO)).isTrue();
    assertThat(blobs.blobExists(MISSING)).isFalse();
    assertThatThrownBy(() -> blobs.blobExists(HELLO_FILE)).isInstanceOf(ServerException.class);
  }

  @Test
  void getSizeMultiPostsTheRealStatFormAndKeepsRequestOrder() {
    server.stubFor(post(P + "stat").willReturn(Fixture.named("22-stat-post").response()));

    Map<BlobRef, @Nullable Long> sizes =
        blobs.getSizeMulti(HELLO, HELLO_FILE, MISSING, MISSING_SHA1);

    assertThat(sizes.keySet()).containsExactly(HELLO, HELLO_FILE, MISSING, MISSING_SHA1);
    assertThat(sizes.get(HELLO)).isEqualTo(16L);
    assertThat(sizes.get(HELLO_FILE)).isEqualTo(403L);
    assertThat(sizes.get(MISSING)).isNull();
    assertThat(sizes.get(MISSING_SHA1)).isNull();
    server.verify(
        postRequestedFor(urlEqualTo(P + "stat"))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    new String(
                        Fixture.named("22-stat-post").requestBody(), StandardCharsets.UTF_8))));
  }

  @Test
  void getSizeMultiWithNothingPresentGivesNullSizes() {
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));

    assertThat(blobs.getSizeMulti(List.of(MISSING))).containsEntry(MISSING, null);
  }

  @Test
  void getSizeMultiSplitsIntoRequestsOfAtMostAThousandGapFreeRefs() {
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    List<BlobRef> refs = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      refs.add(Blob.of("blob " + i).blobRef());
    }

    Map<BlobRef, @Nullable Long> sizes = blobs.getSizeMulti(refs);

    assertThat(sizes).hasSize(2500);
    List<LoggedRequest> stats = server.findAll(postRequestedFor(urlEqualTo(P + "stat")));
    assertThat(stats).hasSize(3);
    assertThat(stats)
        .extracting(r -> r.getBodyAsString().split("&").length - 1)
        .containsExactly(1000, 1000, 500);
    assertThat(stats.get(2).getBodyAsString())
        .startsWith("camliversion=1&blob1=" + refs.get(2000))
        .contains("&blob500=" + refs.get(2499))
        .doesNotContain("blob501=");
  }

  @Test
  void getSizeMultiOfMalformedJsonIsAClearServerError() {
    server.stubFor(post(P + "stat").willReturn(aResponse().withBody("{\"stat\": [")));

    assertThatThrownBy(() -> blobs.getSizeMulti(HELLO))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("malformed JSON")
        .hasMessageContaining(P + "stat");
  }

  @Test
  void badStatRequestIsNotRetried() {
    server.stubFor(post(P + "stat").willReturn(Fixture.named("26-stat-bad-blobref").response()));

    assertThatThrownBy(() -> blobs.getSizeMulti(HELLO))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.serverError()).isEqualTo("Bad Request");
            });
    server.verify(1, postRequestedFor(urlEqualTo(P + "stat")));
  }

  @Test
  void putMultiUploadsOnlyWhatTheServerLacksAndReturnsRefsInInputOrder() {
    Blob present1 = Blob.of("dummy1");
    Blob present2 = Blob.of("dummy2");
    Blob missing = Blob.of("dummy3");
    server.stubFor(post(P + "stat").willReturn(statAnswer(present1, present2)));
    server.stubFor(post(P + "upload").willReturn(receivedAnswer(missing)));

    List<BlobRef> refs = blobs.putMulti(present1, present2, missing);

    assertThat(refs).containsExactly(present1.blobRef(), present2.blobRef(), missing.blobRef());
    server.verify(
        postRequestedFor(urlEqualTo(P + "stat"))
            .withRequestBody(
                equalTo(
                    "camliversion=1&blob1="
                        + present1.blobRef()
                        + "&blob2="
                        + present2.blobRef()
                        + "&blob3="
                        + missing.blobRef())));
    List<LoggedRequest> uploads = server.findAll(postRequestedFor(urlEqualTo(P + "upload")));
    assertThat(uploads).hasSize(1);
    assertThat(uploads.get(0).getParts()).hasSize(1);
    server.verify(
        postRequestedFor(urlEqualTo(P + "upload"))
            .withHeader("Content-Type", containing("multipart/form-data"))
            .withRequestBodyPart(
                aMultipart()
                    .withName(missing.blobRef().toString())
                    .withHeader(
                        "Content-Disposition", containing("filename=\"" + missing.blobRef() + "\""))
                    .withHeader("Content-Type", containing("application/octet-stream"))
                    .withBody(binaryEqualTo(missing.data()))
                    .build()));
  }

  @Test
  void putOfABlobTheServerHasSendsNoUpload() {
    server.stubFor(post(P + "stat").willReturn(Fixture.named("22-stat-post").response()));

    assertThat(blobs.put(Blob.of("Hello, Perkeep!\n"))).isEqualTo(HELLO);
    server.verify(0, postRequestedFor(urlEqualTo(P + "upload")));
  }

  @Test
  void putUploadsAndChecksTheReceivedList() {
    Blob blob = Blob.of("new content");
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    server.stubFor(post(P + "upload").willReturn(receivedAnswer(blob)));

    assertThat(blobs.put(blob)).isEqualTo(blobs.putMulti(blob).get(0)).isEqualTo(blob.blobRef());
  }

  @Test
  void uploadAnsweredWithoutTheBlobFailsNamingItAndTheServersText() {
    Blob blob = Blob.of("corrupted on the way");
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    server.stubFor(
        post(P + "upload").willReturn(Fixture.named("33-upload-digest-mismatch").response()));

    assertThatThrownBy(() -> blobs.put(blob))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.serverError()).contains("corrupt blob; digest doesn't match");
            })
        .hasMessageContaining(blob.blobRef().toString())
        .hasMessageContaining("did not store 1 of 1");
  }

  @Test
  void uploadAnsweredWithOnlySomeBlobsNamesTheMissingOnes() {
    Blob stored = Blob.of("stored");
    Blob lost = Blob.of("lost");
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    server.stubFor(post(P + "upload").willReturn(receivedAnswer(stored)));

    assertThatThrownBy(() -> blobs.putMulti(stored, lost))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining(lost.blobRef().toString())
        .hasMessageNotContaining(stored.blobRef().toString());
  }

  @Test
  void oversizeBlobIsRefusedBeforeAnythingIsSent() {
    Blob huge = Blob.of(new byte[Blob.MAX_SIZE + 1]);

    assertThatThrownBy(() -> blobs.putMulti(Blob.of("small"), huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(huge.blobRef().toString())
        .hasMessageContaining("16777217 bytes");
    server.verify(0, postRequestedFor(urlPathEqualTo(P + "stat")));
  }

  @Test
  void fortyMegabytesGoInUploadsOfAFewMegabytesEachAfterAStatOfTheirBlobs() {
    Random random = new Random(7);
    List<Blob> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] data = new byte[4_000_000];
      random.nextBytes(data);
      batch.add(Blob.of(data));
    }
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    server.stubFor(post(P + "upload").willReturn(receivedAnswer(batch.toArray(new Blob[0]))));

    ConnectOptions serial = conn.options().toBuilder().uploadParallelism(1).build();
    try (Connection sequential = Camlistore.connect(server.baseUrl() + "/", serial)) {
      sequential.blobs().putMulti(batch);
    }

    List<LoggedRequest> uploads = server.findAll(postRequestedFor(urlEqualTo(P + "upload")));
    assertThat(uploads)
        .allSatisfy(r -> assertThat(r.getBody().length).isLessThanOrEqualTo(4_200_000));
    assertThat(uploads.stream().mapToInt(r -> r.getParts().size()).sum()).isEqualTo(10);
    // A stat names what fits in one request: here one blob each.
    assertThat(server.findAll(postRequestedFor(urlEqualTo(P + "stat")))).hasSize(10);
  }

  @Test
  void twoThousandFiveHundredSmallBlobsTakeThreeStatsAndTenUploads() {
    List<Blob> batch = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      batch.add(Blob.of("small blob " + i));
    }
    server.stubFor(post(P + "stat").willReturn(Fixture.named("29-stat-empty").response()));
    server.stubFor(post(P + "upload").willReturn(receivedAnswer(batch.toArray(new Blob[0]))));

    assertThat(blobs.putMulti(batch))
        .containsExactlyElementsOf(batch.stream().map(Blob::blobRef).toList());

    List<LoggedRequest> stats = server.findAll(postRequestedFor(urlEqualTo(P + "stat")));
    assertThat(stats).hasSize(3);
    assertThat(stats).allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("blob1001="));
    List<LoggedRequest> uploads = server.findAll(postRequestedFor(urlEqualTo(P + "upload")));
    assertThat(uploads).hasSize(10);
    assertThat(uploads).allSatisfy(r -> assertThat(r.getParts()).hasSizeLessThanOrEqualTo(250));
  }

  @Test
  void enumerateFollowsContinueAfterLazily() {
    server.stubFor(
        get(P + "enumerate-blobs?limit=5")
            .willReturn(Fixture.named("54-enumerate-limit-5").response()));
    String cursor = "sha224-00041fb0ff1dda643f25e14688879641f71310c47cd5d56a303c30e5";
    server.stubFor(
        get(P + "enumerate-blobs?limit=5&after=" + cursor)
            .willReturn(Fixture.named("60-enumerate-end").response()));

    List<BlobMeta> firstTwo = blobs.enumerate().limit(2).collect(Collectors.toList());
    server.verify(1, getRequestedFor(urlPathEqualTo(P + "enumerate-blobs")));

    List<BlobMeta> all = blobs.enumerate().collect(Collectors.toList());

    assertThat(firstTwo).hasSize(2);
    assertThat(all)
        .extracting(m -> m.blobRef().toString())
        .containsExactly(
            "sha1-7f9281ff490b7930c7fdb1861d234dba8680e702",
            "sha224-0000d70a7c5328e50e6f50ee49fda8a5a99bfb4f9d6ace72dee96927",
            "sha224-00012c3546efef217cce68add4a587323a87e4099868f1f01bae88b8",
            "sha224-0003452bb094658556c1fd925d33502d78c865b0d668cb0b25e7f6cc",
            cursor);
    assertThat(all).extracting(BlobMeta::size).containsExactly(24L, 4096L, 4096L, 4096L, 4096L);
    server.verify(getRequestedFor(urlEqualTo(P + "enumerate-blobs?limit=5&after=" + cursor)));
  }

  @Test
  void enumerateAfterAPrefixUrlEncodesTheCursor() {
    server.stubFor(
        get(P + "enumerate-blobs?limit=10&after=a%2Bb%26c")
            .willReturn(Fixture.named("60-enumerate-end").response()));

    BlobPage page = blobs.enumeratePage("a+b&c", 10);

    assertThat(page.blobs()).isEmpty();
    assertThat(page.continueAfter()).isNull();
  }

  @Test
  void enumerateAfterARefStartsThere() {
    server.stubFor(
        get(P + "enumerate-blobs?limit=5&after=" + HELLO)
            .willReturn(Fixture.named("60-enumerate-end").response()));

    assertThat(blobs.enumerate(HELLO)).isEmpty();
  }

  @Test
  void enumerateErrorSurfacesWhileIterating() {
    server.stubFor(get(P + "enumerate-blobs?limit=5").willReturn(aResponse().withStatus(500)));

    var stream = blobs.enumerate();
    assertThatThrownBy(() -> stream.findFirst()).isInstanceOf(ServerException.class);
  }

  @Test
  void enumeratePageRejectsLimitsTheServerWouldClamp() {
    assertThatThrownBy(() -> blobs.enumeratePage(null, 10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10001");
  }

  @Test
  void blobMetaGetDataFetchesTheBlob() {
    server.stubFor(
        get(P + "enumerate-blobs?limit=5")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/javascript; charset=utf-8")
                    .withBody(
                        "{\n  \"blobs\": [\n    {\"blobRef\": \""
                            + HELLO
                            + "\", \"size\": 16}\n  ],\n  \"canLongPoll\": true\n}\n")));
    server.stubFor(get(P + HELLO).willReturn(Fixture.named("42-get-text-blob").response()));

    BlobMeta meta = blobs.enumerate().findFirst().orElseThrow();

    assertThat(meta.getData()).isEqualTo(blobs.get(HELLO));
    assertThat(meta).hasToString(HELLO + " (16 bytes)");
  }

  @Test
  void removeOnAnAppendOnlyServerSaysRemovalIsDisabled() {
    server.stubFor(post(P + "remove").willReturn(Fixture.named("61-remove-forbidden").response()));

    assertThatThrownBy(() -> blobs.remove(HELLO))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e).isNotInstanceOf(AuthenticationException.class);
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.serverError()).contains("does not permit deletes");
            })
        .hasMessageContaining("removal is disabled");
    server.verify(
        postRequestedFor(urlEqualTo(P + "remove")).withRequestBody(equalTo("blob1=" + HELLO)));
  }

  @Test
  void removeReturnsWhatTheServerRemoved() {
    server.stubFor(
        post(P + "remove")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/javascript")
                    .withBody("{\n  \"removed\": [\n    \"" + HELLO + "\"\n  ]\n}\n")));

    assertThat(blobs.remove(HELLO)).containsExactly(HELLO);
  }

  /** A stat answer in the real server's shape listing the given blobs as present. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder statAnswer(
      Blob... present) {
    return jsonAnswer("stat", present, "  \"canLongPoll\": true\n");
  }

  /** An upload answer in the real server's shape (fixture 30) listing the given blobs. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder receivedAnswer(
      Blob... received) {
    return jsonAnswer("received", received, null);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonAnswer(
      String field, Blob[] blobs, @Nullable String trailer) {
    StringBuilder json = new StringBuilder("{\n  \"" + field + "\": [");
    for (int i = 0; i < blobs.length; i++) {
      json.append(i == 0 ? "\n" : ",\n")
          .append("    {\n      \"blobRef\": \"")
          .append(blobs[i].blobRef())
          .append("\",\n      \"size\": ")
          .append(blobs[i].size())
          .append("\n    }");
    }
    json.append(blobs.length == 0 ? "]" : "\n  ]");
    json.append(trailer == null ? "\n" : ",\n" + trailer).append("}\n");
    return aResponse().withHeader("Content-Type", "text/javascript").withBody(json.toString());
  }
}
