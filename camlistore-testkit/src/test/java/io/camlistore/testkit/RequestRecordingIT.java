package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server records what it receives, so tests can count round trips. */
class RequestRecordingIT {
  @Test
  void requestsAreRecordedWithMethodPathQueryAndHeaders() throws Exception {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      Http.send(
          Http.request(server, "/bs/camli/enumerate-blobs?limit=5&after=sha1-a")
              .header("Authorization", "Basic c2VjcmV0")
              .build());
      Http.upload(server, Http.bytes("recorded"));

      List<RecordedRequest> requests = server.requests();

      assertThat(server.requestCount()).isEqualTo(2);
      RecordedRequest first = requests.get(0);
      assertThat(first.method()).isEqualTo("GET");
      assertThat(first.path()).isEqualTo("/bs/camli/enumerate-blobs");
      assertThat(first.query()).isEqualTo("limit=5&after=sha1-a");
      assertThat(first.queryParameter("limit")).isEqualTo("5");
      assertThat(first.queryParameter("missing")).isNull();
      assertThat(first.header("authorization")).isEqualTo("Basic c2VjcmV0");
      assertThat(first.toString()).contains("authorization: <masked>").doesNotContain("c2VjcmV0");
      assertThat(first.isBlobAction("GET", "enumerate-blobs")).isTrue();
      assertThat(requests.get(1).isBlobAction("POST", "upload")).isTrue();
      assertThat(requests.get(1).header("Content-Type")).startsWith("multipart/form-data");
    }
  }

  @Test
  void historyKeepsTheMostRecentRequestsButCountsAll() {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().requestHistoryLimit(2).start()) {
      Http.get(server, "/one");
      Http.get(server, "/two");
      Http.get(server, "/three");

      assertThat(server.requests())
          .extracting(RecordedRequest::path)
          .containsExactly("/two", "/three");
      assertThat(server.requestCount()).isEqualTo(3);

      server.clearRequests();

      assertThat(server.requests()).isEmpty();
      assertThat(server.requestCount()).isZero();
    }
  }
}
