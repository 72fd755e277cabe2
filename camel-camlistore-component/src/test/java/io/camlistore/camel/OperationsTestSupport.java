package io.camlistore.camel;

import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

/**
 * A test of one operations class on its own, without a route: a fresh embedded server and a
 * connection to it per test, and exchanges built by hand.
 */
abstract class OperationsTestSupport {
  private final CamelContext context = new DefaultCamelContext();

  /** The test class's server, emptied (but for the key of a signing server) for each test. */
  final EmbeddedCamlistoreServer server;

  /** The connection to the server, with one attempt per request. */
  final Connection conn;

  /** Takes the test class's server, injected by its {@code @CamlistoreServer}, and connects. */
  OperationsTestSupport(EmbeddedCamlistoreServer server) {
    this.server = server;
    server.reset();
    conn = connect(server);
    server.clearRequests();
  }

  /** {@return a connection to the server, with one attempt per request and short timeouts} */
  static Connection connect(EmbeddedCamlistoreServer server) {
    return Camlistore.connect(
        server.url(),
        ConnectOptions.builder().maxAttempts(1).readTimeout(Duration.ofSeconds(10)).build());
  }

  @AfterEach
  void closeConnection() {
    conn.close();
  }

  /** {@return an exchange carrying the body and headers} */
  final Exchange exchange(@Nullable Object body, Map<String, Object> headers) {
    Exchange exchange = new DefaultExchange(context);
    exchange.getMessage().setBody(body);
    headers.forEach(exchange.getMessage()::setHeader);
    return exchange;
  }
}
