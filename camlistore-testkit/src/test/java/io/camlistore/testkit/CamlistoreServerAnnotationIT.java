package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @CamlistoreServer} on a class: one configured server, injected into parameters. */
@CamlistoreServer(user = "alice", password = "secret", removeEnabled = true, maxBlobSize = 1024)
class CamlistoreServerAnnotationIT {
  private static final AtomicReference<EmbeddedCamlistoreServer> FIRST = new AtomicReference<>();

  private final EmbeddedCamlistoreServer fromConstructor;

  CamlistoreServerAnnotationIT(EmbeddedCamlistoreServer server) {
    this.fromConstructor = server;
  }

  @BeforeAll
  static void rememberTheServer(EmbeddedCamlistoreServer server) {
    FIRST.set(server);
  }

  @Test
  void theServerIsRunningAndConfiguredFromTheAnnotation(EmbeddedCamlistoreServer server) {
    assertThat(server.isRunning()).isTrue();
    assertThat(server.toString()).contains("auth=basic alice");
    assertThat(Http.get(server, "/?camli.mode=config").statusCode()).isEqualTo(401);
    assertThatThrownBy(() -> server.putBlob(new byte[1025])).hasMessageContaining("limit of 1024");
  }

  @Test
  void everyInjectionPointGetsTheSameServer(EmbeddedCamlistoreServer server) {
    assertThat(server).isSameAs(FIRST.get()).isSameAs(fromConstructor);
  }

  @Nested
  class NestedTests {
    @Test
    void nestedClassesShareTheOuterServer(EmbeddedCamlistoreServer server) {
      assertThat(server).isSameAs(FIRST.get());
    }
  }
}
