package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import org.junit.jupiter.api.Test;

/** The query consumer's scenarios against the embedded server, which signs with its identity. */
class QueryConsumerTest extends QueryConsumerScenarios {
  @CamlistoreServer(signing = true)
  static EmbeddedCamlistoreServer server;

  @Override
  Connection openConnection() {
    return Camlistore.connect(server.url());
  }

  @Test
  void twoConsumersCannotShareAStateFile() throws Exception {
    String options = "stateFile=" + dir.resolve("shared.state");
    try (ConsumerRun first = ConsumerRun.start(connection(), uri(options))) {
      assertThatThrownBy(() -> ConsumerRun.start(connection(), uri(options)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is the state file of another running consumer");
      assertThat(first.context().getRouteController().getRouteStatus("consumer").isStarted())
          .isTrue();
    }
  }
}
