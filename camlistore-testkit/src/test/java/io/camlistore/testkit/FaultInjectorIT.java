package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each fault hook makes the server misbehave as documented, then it behaves again. */
class FaultInjectorIT {
  /** A server per test, so that no fault or listener outlives its test. */
  @RegisterExtension
  final EmbeddedCamlistoreServerExtension camlistore = EmbeddedCamlistoreServerExtension.create();

  @Test
  void failNextRequestsAnswersTheStatusThenRecovers(EmbeddedCamlistoreServer server) {
    server.faults().failNextRequests(2, 503);

    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(503);
    HttpResponse<byte[]> second = Http.get(server, "/?camli.mode=config");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(Http.text(second)).isEqualTo("fault injected by the test: HTTP 503\n");
    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
  }

  @Test
  void failuresCanTargetOneKindOfRequest(EmbeddedCamlistoreServer server) {
    server.faults().failNextRequests(1, 500, r -> r.isBlobAction("POST", "upload"));

    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
    assertThat(Http.upload(server, Http.bytes("first try")).statusCode()).isEqualTo(500);
    assertThat(server.blobCount()).isZero();
    assertThat(Http.upload(server, Http.bytes("first try")).statusCode()).isEqualTo(200);
    assertThat(server.blobCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionsLookLikeANetworkFailure(EmbeddedCamlistoreServer server) {
    server.faults().dropNextConnections(1);

    // A POST, because the JDK client silently retries a GET whose connection was dropped.
    assertThatThrownBy(
            () ->
                Http.send(
                    Http.request(server, "/bs/camli/stat")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("camliversion=1"))
                        .build()))
        .isInstanceOf(IOException.class);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
  }

  @Test
  void truncatedResponsesEndBeforeTheirContentLength(EmbeddedCamlistoreServer server) {
    BlobRef ref = server.putBlob(new byte[10_000]);
    server.faults().truncateNextResponses(1, 100);

    assertThatThrownBy(() -> Http.send(Http.request(server, "/bs/camli/" + ref).GET().build()))
        .isInstanceOf(IOException.class);
    assertThat(Http.getBlob(server, ref).body()).hasSize(10_000);
  }

  @Test
  void aDelayedRequestOutlastsAShorterClientTimeoutWhileOthersAreAnswered(
      EmbeddedCamlistoreServer server) {
    // An hour against half a second: only the delay can make the client give up.
    server
        .faults()
        .delayNextRequests(1, Duration.ofHours(1), r -> r.path().equals("/bs/camli/stat"));
    HttpRequest delayed =
        Http.request(server, "/bs/camli/stat?camliversion=1")
            .timeout(Duration.ofMillis(500))
            .GET()
            .build();

    assertThatThrownBy(() -> Http.send(delayed)).isInstanceOf(HttpTimeoutException.class);
    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
  }

  @Test
  void aDelayedRequestIsThenHandledNormally(EmbeddedCamlistoreServer server) {
    server.faults().delayNextRequests(1, Duration.ofMillis(50));

    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
    assertThat(server.faults().pendingRequestFaults()).isZero();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void corruptedBlobsAreServedChangedButStoredIntact(EmbeddedCamlistoreServer server) {
    byte[] content = Http.bytes("pristine content");
    BlobRef ref = server.putBlob(content);
    BlobRef empty = server.putBlob(new byte[0]);

    server.faults().corruptBlob(ref).corruptBlob(empty);

    byte[] served = Http.getBlob(server, ref).body();
    assertThat(served).hasSameSizeAs(content).isNotEqualTo(content);
    assertThat(Arrays.copyOfRange(served, 1, served.length))
        .isEqualTo(Arrays.copyOfRange(content, 1, content.length));
    assertThat(Http.getBlob(server, empty).body()).hasSize(1);
    assertThat(server.blob(ref)).satisfies(b -> assertThat(b).isEqualTo(content));
  }

  @Test
  void aRefusedBlobStopsTheUploadAsACorruptOneWouldUntilCleared(EmbeddedCamlistoreServer server) {
    BlobRef refused = BlobRef.compute("sha224", Http.bytes("refused"));
    server.faults().refuseBlob(refused);

    HttpResponse<byte[]> response =
        Http.upload(server, Http.bytes("before"), Http.bytes("refused"), Http.bytes("after"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response))
        .contains("Error receiving blob " + refused + ": corrupt blob; digest doesn't match");
    assertThat(server.blobRefs()).containsExactly(BlobRef.compute("sha224", Http.bytes("before")));
    server.faults().clear();
    Http.upload(server, Http.bytes("refused"));
    assertThat(server.contains(refused)).isTrue();
  }

  @Test
  void blobsMarkedForRemovalVanishRightAfterBeingListed(EmbeddedCamlistoreServer server) {
    BlobRef ref = server.putBlob(Http.bytes("listed then gone"));
    server.faults().removeBlobWhenEnumerated(ref);

    assertThat(Http.text(Http.get(server, "/bs/camli/enumerate-blobs"))).contains(ref.toString());

    assertThat(Http.getBlob(server, ref).statusCode()).isEqualTo(404);
  }

  @Test
  void clearForgetsQueuedFaults(EmbeddedCamlistoreServer server) {
    server.faults().failNextRequests(3, 500).dropNextConnections(2);
    assertThat(server.faults().pendingRequestFaults()).isEqualTo(5);

    server.faults().clear();

    assertThat(server.faults().pendingRequestFaults()).isZero();
    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
  }

  @Test
  void faultsApplyBeforeAuthentication() {
    try (EmbeddedCamlistoreServer guarded =
        EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start()) {
      guarded.faults().failNextRequests(1, 502);

      assertThat(Http.get(guarded, "/?camli.mode=config").statusCode()).isEqualTo(502);
      assertThat(Http.get(guarded, "/?camli.mode=config").statusCode()).isEqualTo(401);
    }
  }
}
