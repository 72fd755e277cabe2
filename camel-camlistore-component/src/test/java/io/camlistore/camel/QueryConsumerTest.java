package io.camlistore.camel;

import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The query consumer's scenarios against the embedded server, which signs with its identity. */
class QueryConsumerTest extends QueryConsumerScenarios {
  @CamlistoreServer(signing = true)
  static EmbeddedCamlistoreServer server;

  private static Connection connection;

  @BeforeAll
  static void connect() {
    connection = Camlistore.connect(server.url());
  }

  @AfterAll
  static void disconnect() {
    connection.close();
  }

  @Override
  Connection connection() {
    return connection;
  }
}
