package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A server with search turned off serves the blob protocol only, as a real server without an index;
 * with it on (the default, for the builder and the annotation) it serves search too.
 */
class BlobsOnlyServerIT {
  private static final String QUERY = "/my-search/camli/search/query";
  private static final String EVERYTHING = "{\"constraint\": {\"anything\": true}}";

  @Test
  void withoutSearchDiscoveryHasNoSearchRootAndTheSearchHandlerIsNotThere() {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().search(false).start()) {
      Http.upload(server, Http.bytes("a blob"));

      String discovery = Http.text(Http.get(server, "/?camli.mode=config"));

      assertThat(discovery).contains("\"blobRoot\"").doesNotContain("searchRoot");
      assertThat(Http.postJson(server, QUERY, EVERYTHING).statusCode()).isEqualTo(404);
      assertThat(server.blobCount()).isEqualTo(1);
      assertThat(Http.get(server, "/bs-and-maybe-also-index/camli/enumerate-blobs").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void byDefaultTheBuilderEmulatesSearch() {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      assertThat(Http.text(Http.get(server, "/?camli.mode=config")))
          .contains("\"searchRoot\": \"/my-search/\"");
      assertThat(Http.postJson(server, QUERY, EVERYTHING).statusCode()).isEqualTo(200);
    }
  }
}
