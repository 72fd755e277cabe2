package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's own features: lifecycle, storage modes, settings, listeners. */
class EmbeddedCamlistoreServerIT {
  @TempDir Path temp;

  @Test
  void turnsOnTcpNoDelaySoResponsesAreNotHeldBackByNagle() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      assertThat(Http.get(server, "/nope").statusCode()).isEqualTo(404);
      assertThat(System.getProperty(EmbeddedCamlistoreServer.NO_DELAY_PROPERTY)).isEqualTo("true");
    }
  }

  @Test
  void restartKeepsBlobsAndPortButIssuesANewToken() {
    EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start();
    try {
      BlobRef ref = server.putBlob(Http.bytes("kept across restarts"));
      String url = server.url();
      String token = server.authToken();

      server.close();
      assertThat(server.isRunning()).isFalse();
      server.start();

      assertThat(server.url()).isEqualTo(url);
      assertThat(server.authToken()).isNotEqualTo(token).matches("[0-9a-f]{40}");
      assertThat(Http.text(Http.getBlob(server, ref))).isEqualTo("kept across restarts");
    } finally {
      server.close();
    }
  }

  @Test
  void directoryStorageLaysBlobsOutLikePerkeepAndSurvivesANewServer() throws Exception {
    BlobRef ref;
    String generation;
    try (EmbeddedCamlistoreServer first =
        EmbeddedCamlistoreServer.builder().storageDirectory(temp).start()) {
      ref = BlobRef.compute("sha224", Http.bytes("on disk"));
      assertThat(Http.upload(first, Http.bytes("on disk")).statusCode()).isEqualTo(200);
      generation =
          discovery(first).replaceAll("(?s).*\"storageGeneration\": \"([0-9a-f]+)\".*", "$1");
    }
    String digest = ref.digest();
    Path file =
        temp.resolve("sha224")
            .resolve(digest.substring(0, 2))
            .resolve(digest.substring(2, 4))
            .resolve(ref + ".dat");
    assertThat(file).hasContent("on disk");

    try (EmbeddedCamlistoreServer second =
        EmbeddedCamlistoreServer.builder().storageDirectory(temp).start()) {
      assertThat(second.blobRefs()).containsExactly(ref);
      assertThat(second.blobBytes()).isEqualTo(7);
      assertThat(Http.text(Http.getBlob(second, ref))).isEqualTo("on disk");
      assertThat(discovery(second)).contains("\"storageGeneration\": \"" + generation + "\"");
    }
  }

  @Test
  void clearingADirectoryStoreDeletesTheFiles() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().storageDirectory(temp).start()) {
      server.putBlob(Http.bytes("to be deleted"));

      server.clearBlobs();

      try (var files = Files.walk(temp)) {
        assertThat(files.filter(p -> p.toString().endsWith(".dat")))
            .containsExactly(temp.resolve("GENERATION.dat"));
      }
      assertThat(server.blobCount()).isZero();
    }
  }

  @Test
  void withoutAuthEveryRequestIsAllowed() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void basicAuthRefusesAnonymousRequestsButAcceptsTheToken() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start()) {
      assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(401);
      HttpResponse<byte[]> withToken =
          Http.send(
              Http.request(server, "/?camli.mode=config")
                  .header("Authorization", "Token " + server.authToken())
                  .build());
      assertThat(withToken.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void enabledRemoveDeletesAndListsTheRefs() {
    List<BlobRef> removed = new CopyOnWriteArrayList<>();
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().removeEnabled(true).start()) {
      BlobRef ref = server.putBlob(Http.bytes("remove me"));
      server.addBlobListener(
          new BlobListener() {
            @Override
            public void blobStored(BlobRef stored, byte[] content) {}

            @Override
            public void blobRemoved(BlobRef gone) {
              removed.add(gone);
            }
          });

      HttpResponse<byte[]> response = Http.postForm(server, "/bs/camli/remove", "blob1=" + ref);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Http.text(response))
          .isEqualTo("{\n  \"removed\": [\n    \"" + ref + "\"\n  ],\n  \"error\": \"\"\n}\n");
      assertThat(server.contains(ref)).isFalse();
      assertThat(removed).containsExactly(ref);
    }
  }

  @Test
  void removeOfAThousandRefsIsRefusedAsIn0Point11() {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().removeEnabled(true).start()) {
      StringBuilder form = new StringBuilder();
      for (int n = 1; n <= 1000; n++) {
        form.append(n == 1 ? "" : "&")
            .append("blob")
            .append(n)
            .append('=')
            .append(BlobRef.compute("sha224", Http.bytes("r" + n)));
      }

      assertThat(Http.postForm(server, "/bs/camli/remove", form.toString()).statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void maxBlobSizeLimitsUploadsAndPuts() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().maxBlobSize(10).start()) {
      byte[] eleven = Http.bytes("eleven byte");

      assertThat(Http.text(Http.upload(server, eleven))).contains("digest doesn't match");
      HttpResponse<byte[]> put =
          Http.send(
              Http.request(server, "/bs/camli/" + BlobRef.compute("sha224", eleven))
                  .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(eleven))
                  .build());
      assertThat(put.statusCode()).isEqualTo(400);
      assertThat(server.blobCount()).isZero();
      assertThatThrownBy(() -> server.putBlob(eleven))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("11 bytes");
    }
  }

  @Test
  void listenersSeeEachNewBlobOnceBeforeTheUploadIsAcknowledged() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      List<BlobRef> seen = new CopyOnWriteArrayList<>();
      BlobListener listener = (ref, content) -> seen.add(ref);
      server.addBlobListener(listener);
      byte[] content = Http.bytes("observed");

      Http.upload(server, content);
      Http.upload(server, content);

      assertThat(seen).containsExactly(BlobRef.compute("sha224", content));
      server.removeBlobListener(listener);
      server.putBlob(Http.bytes("not observed"));
      assertThat(seen).hasSize(1);
    }
  }

  @Test
  void manyConcurrentUploadsAreAllStored() throws Exception {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<HttpResponse<byte[]>>> uploads = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        byte[] content = Http.bytes("concurrent blob " + i);
        uploads.add(pool.submit(() -> Http.upload(server, content)));
      }
      for (Future<HttpResponse<byte[]>> upload : uploads) {
        assertThat(upload.get().statusCode()).isEqualTo(200);
      }
      pool.shutdown();

      assertThat(server.blobCount()).isEqualTo(200);
    }
  }

  @Test
  void seedingHelpersReadAndWriteTheStore() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      BlobRef ref = server.putBlob(Http.bytes("seed"));

      assertThat(server.contains(ref)).isTrue();
      assertThat(server.blob(ref)).isEqualTo(Http.bytes("seed"));
      assertThat(server.blobCount()).isEqualTo(1);
      assertThat(server.blobBytes()).isEqualTo(4);
      assertThat(server.removeBlob(ref)).isTrue();
      assertThat(server.blob(ref)).isNull();
      assertThat(server.removeBlob(ref)).isFalse();
    }
  }

  @Test
  void resetClearsBlobsFaultsAndRequests() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      server.putBlob(Http.bytes("x"));
      server.faults().failNextRequests(5, 503);
      Http.get(server, "/?camli.mode=config");

      server.reset();

      assertThat(server.blobCount()).isZero();
      assertThat(server.faults().pendingRequestFaults()).isZero();
      assertThat(server.requestCount()).isZero();
      assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void lifecycleMisuseIsReportedClearly() {
    EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().build();
    assertThatThrownBy(server::url).hasMessageContaining("not been started");
    assertThatThrownBy(server::authToken).hasMessageContaining("not running");
    server.start();
    try {
      assertThatThrownBy(server::start).hasMessageContaining("already running at " + server.url());
      assertThat(server.toString()).contains(server.url()).contains("auth=none");
    } finally {
      server.close();
      server.close();
    }
    assertThat(server.toString()).contains("stopped");
  }

  @Test
  void aBusyPortIsReportedWithTheAddress() {
    try (EmbeddedCamlistoreServer first = EmbeddedCamlistoreServer.builder().start()) {
      EmbeddedCamlistoreServer second =
          EmbeddedCamlistoreServer.builder().port(first.port()).build();

      assertThatThrownBy(second::start).hasMessageContaining("127.0.0.1:" + first.port());
    }
  }

  @Test
  void blobRootUrlIsTheAdvertisedBlobRoot() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      assertThat(server.blobRootUrl()).isEqualTo(server.url() + "bs-and-maybe-also-index/");
    }
  }

  @Test
  void enumerateClampsTheLimitToTenThousandAndAZeroLimitListsNothing() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      for (int i = 0; i <= 10_000; i++) {
        server.putBlob(Http.bytes("blob " + i));
      }
      BlobRef tenThousandth = server.blobRefs().get(9_999);

      String page = Http.text(Http.get(server, "/bs/camli/enumerate-blobs?limit=20000"));
      String empty = Http.text(Http.get(server, "/bs/camli/enumerate-blobs?limit=0"));

      assertThat(page.split("\"blobRef\"", -1)).hasSize(10_001);
      assertThat(page).contains("\"continueAfter\": \"" + tenThousandth + "\"");
      assertThat(empty).isEqualTo("{\n  \"blobs\": [\n\n  ],\n  \"canLongPoll\": true\n}\n");
    }
  }

  @Test
  void unknownPathsAre404() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      HttpResponse<byte[]> response = Http.get(server, "/status/status.json");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(Http.text(response)).isEqualTo("404 page not found\n");
    }
  }

  @Test
  void withoutSignerThereIsNoSignHelper() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      HttpResponse<byte[]> response = Http.get(server, "/sighelper/camli/sig/discovery");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(discovery(server)).doesNotContain("jsonSignRoot", "signing");
      assertThat(server.signer()).isNull();
    }
  }

  private static String discovery(EmbeddedCamlistoreServer server) {
    return Http.text(Http.get(server, "/?camli.mode=config"));
  }
}
