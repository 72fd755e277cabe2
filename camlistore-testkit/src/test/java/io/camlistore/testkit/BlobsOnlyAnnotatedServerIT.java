package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code @CamlistoreServer(search = false)} starts a blob server only. */
@CamlistoreServer(search = false)
class BlobsOnlyAnnotatedServerIT {
  @Test
  void theAnnotationTurnsSearchOff(EmbeddedCamlistoreServer server) {
    assertThat(Http.text(Http.get(server, "/?camli.mode=config"))).doesNotContain("searchRoot");
    assertThat(Http.postJson(server, "/my-search/camli/search/query", "{}").statusCode())
        .isEqualTo(404);
  }
}
