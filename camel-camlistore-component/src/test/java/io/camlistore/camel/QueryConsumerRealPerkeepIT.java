package io.camlistore.camel;

import io.camlistore.client.Connection;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The query consumer's scenarios against a real Perkeep server. */
@RealPerkeep
class QueryConsumerRealPerkeepIT extends QueryConsumerScenarios {
  private static Connection connection;

  @BeforeAll
  static void connect(RealPerkeepServer server) {
    connection = server.connect();
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
