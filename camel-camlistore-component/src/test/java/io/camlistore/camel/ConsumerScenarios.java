package io.camlistore.camel;

import io.camlistore.client.Connection;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the consumer scenarios share, whichever server they run against: a connection to it for each
 * test (to write the test's data; the routes use it too) and a folder for state files.
 */
abstract class ConsumerScenarios {
  @TempDir Path dir;

  private Connection connection;

  /** {@return a new connection to the server under test} */
  abstract Connection openConnection();

  @BeforeEach
  void connect() {
    connection = openConnection();
  }

  @AfterEach
  void disconnect() {
    connection.close();
  }

  /** {@return the test's connection to the server} */
  final Connection connection() {
    return connection;
  }
}
