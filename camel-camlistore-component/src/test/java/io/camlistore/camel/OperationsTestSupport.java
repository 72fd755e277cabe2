package io.camlistore.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.Connection;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

/**
 * A test of one operations class on its own, without a route: a connection to the stub per test,
 * and exchanges built by hand.
 */
abstract class OperationsTestSupport {
  private final CamelContext context = new DefaultCamelContext();

  /** The connection to the stub, made after it answered discovery. */
  final Connection conn;

  /** Connects; runs once per test, after the stub server started and before the test's stubs. */
  OperationsTestSupport(WireMockExtension server) {
    PerkeepStubs.discovery(server);
    conn = PerkeepStubs.connect(server);
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
