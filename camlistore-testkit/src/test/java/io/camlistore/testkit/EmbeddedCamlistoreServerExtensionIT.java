package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered programmatically: any builder, server reachable from the field. */
class EmbeddedCamlistoreServerExtensionIT {
  private static final Path BLOBS = Path.of("target", "extension-it-blobs");

  @RegisterExtension
  static final EmbeddedCamlistoreServerExtension CAMLISTORE =
      EmbeddedCamlistoreServerExtension.create(
          EmbeddedCamlistoreServer.builder().storageDirectory(BLOBS).basicAuth("bob", "pw"));

  @Test
  void theServerIsBuiltFromTheBuilder() {
    EmbeddedCamlistoreServer server = CAMLISTORE.server();

    assertThat(server.isRunning()).isTrue();
    assertThat(server.toString()).contains("auth=basic bob");
    server.putBlob(Http.bytes("stored on disk"));
    assertThat(BLOBS.resolve("sha224")).isDirectory();
  }

  @Test
  void parametersGetTheSameServer(EmbeddedCamlistoreServer server) {
    assertThat(server).isSameAs(CAMLISTORE.server());
  }

  @Test
  void anExtensionOutsideATestRunHasNoServer() {
    EmbeddedCamlistoreServerExtension idle = EmbeddedCamlistoreServerExtension.create();

    assertThatThrownBy(idle::server).hasMessageContaining("only while the tests run");
    assertThatThrownBy(new EmbeddedCamlistoreServerExtension()::server)
        .hasMessageContaining("declare an EmbeddedCamlistoreServer parameter");
  }
}
