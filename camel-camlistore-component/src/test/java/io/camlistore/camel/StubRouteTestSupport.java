package io.camlistore.camel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;

/** A route test against the WireMock stub, which answers discovery before each test. */
abstract class StubRouteTestSupport extends ServerRouteTestSupport {
  private final WireMockExtension server;

  StubRouteTestSupport(WireMockExtension server) {
    this.server = server;
  }

  @Override
  final String serverUrl() {
    return server.baseUrl() + "/";
  }

  @BeforeEach
  void answerDiscovery() {
    PerkeepStubs.discovery(server);
  }
}
