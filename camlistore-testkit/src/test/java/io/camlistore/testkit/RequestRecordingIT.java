package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server records what it receives, so tests can count round trips and check what was sent. */
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
      assertThat(server.requests("POST", "upload")).containsExactly(requests.get(1));
      assertThat(server.requests("GET", "upload")).isEmpty();
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

  @Test
  void aFormBodyIsRecordedAndItsParametersDecoded() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      String ref = "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";
      Http.postForm(server, "/bs/camli/stat", "camliversion=1&blob1=" + ref);
      Http.postJson(server, "/my-search/camli/search/query", "{\"expression\": \"tag:a b\"}");

      RecordedRequest stat = server.requests().get(0);
      RecordedRequest query = server.requests().get(1);

      assertThat(stat.bodyText()).isEqualTo("camliversion=1&blob1=" + ref);
      assertThat(stat.formParameter("blob1")).isEqualTo(ref);
      assertThat(stat.formParameter("blob2")).isNull();
      assertThat(query.bodyText()).isEqualTo("{\"expression\": \"tag:a b\"}");
      assertThat(query.formParameter("expression")).as("not a form").isNull();
    }
  }

  @Test
  void onlyTheStartOfABodyIsKeptUpToTheLimitAndABodylessRequestHasAnEmptyOne() {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().recordedBodyLimit(10).start()) {
      Http.postForm(server, "/bs/camli/stat", "camliversion=1&blob1=sha224-00");
      Http.get(server, "/bs/camli/enumerate-blobs");

      assertThat(server.requests().get(0).bodyText())
          .isEqualTo("camliversion=1&blob1=sha224-00".substring(0, 10));
      assertThat(server.requests().get(1).body()).isEmpty();
    }
  }

  @Test
  void theRecordedBodyIsACopy() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      Http.postForm(server, "/bs/camli/stat", "camliversion=1");
      RecordedRequest stat = server.requests().get(0);

      stat.body()[0] = 'X';

      assertThat(stat.bodyText()).isEqualTo("camliversion=1");
    }
  }

  @Test
  void theRecordedBodyLimitIsChecked() {
    assertThatThrownBy(() -> EmbeddedCamlistoreServer.builder().recordedBodyLimit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recordedBodyLimit");
  }
}
