package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code @CamlistoreServer} on fields: the server is injected into static and instance fields. */
class CamlistoreServerFieldIT {
  @CamlistoreServer static EmbeddedCamlistoreServer shared;

  @CamlistoreServer EmbeddedCamlistoreServer perInstance;

  @Test
  void bothFieldsHoldTheSameRunningServer() {
    assertThat(shared).isNotNull().isSameAs(perInstance);
    assertThat(shared.isRunning()).isTrue();
    assertThat(Http.get(shared, "/?camli.mode=config").statusCode()).isEqualTo(200);
  }
}
