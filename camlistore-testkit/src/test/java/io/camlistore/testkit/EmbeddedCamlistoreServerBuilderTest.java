package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.testkit.internal.FaultPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings fail fast with a message naming the option and the value. */
class EmbeddedCamlistoreServerBuilderTest {
  private final EmbeddedCamlistoreServer.Builder builder = EmbeddedCamlistoreServer.builder();
  private final FaultInjector faults = new FaultInjector(new FaultPlan());

  @Test
  void portMustBeAValidTcpPort() {
    assertThatThrownBy(() -> builder.port(-1)).hasMessage("port must be 0 to 65535, was -1");
    assertThatThrownBy(() -> builder.port(65536)).hasMessageContaining("was 65536");
  }

  @Test
  void basicAuthNeedsAUserWithoutColonAndAPassword() {
    assertThatThrownBy(() -> builder.basicAuth("", "pw")).hasMessageContaining("user");
    assertThatThrownBy(() -> builder.basicAuth("a:b", "pw")).hasMessageContaining("'a:b'");
    assertThatThrownBy(() -> builder.basicAuth("alice", "")).hasMessageContaining("password");
  }

  @Test
  void maxBlobSizeMustBePositiveAndAtMostAGibibyte() {
    assertThatThrownBy(() -> builder.maxBlobSize(0)).hasMessageContaining("maxBlobSize");
    assertThatThrownBy(() -> builder.maxBlobSize((1 << 30) + 1))
        .hasMessageContaining(String.valueOf((1 << 30) + 1));
  }

  @Test
  void requestHistoryLimitMustBePositive() {
    assertThatThrownBy(() -> builder.requestHistoryLimit(0))
        .hasMessage("requestHistoryLimit must be at least 1, was 0");
  }

  @Test
  void faultArgumentsAreChecked() {
    assertThatThrownBy(() -> faults.failNextRequests(0, 500)).hasMessageContaining("count");
    assertThatThrownBy(() -> faults.failNextRequests(1, 99)).hasMessageContaining("was 99");
    assertThatThrownBy(() -> faults.failNextRequests(1, 600)).hasMessageContaining("was 600");
    assertThatThrownBy(() -> faults.truncateNextResponses(1, -1)).hasMessageContaining("keepBytes");
    assertThatThrownBy(() -> faults.delayNextRequests(1, Duration.ofMillis(-1)))
        .hasMessageContaining("delay");
    assertThatThrownBy(() -> faults.dropNextConnections(-2)).hasMessageContaining("was -2");
  }
}
