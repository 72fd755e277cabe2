package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;

/**
 * Set-up shared by the search, signing and permanode tests: a strict WireMock server per test class
 * (any request no stub expects fails the test) and a connection made through the captured discovery
 * answer.
 */
final class WireMockFixtures {
  /** HTTP Basic credentials of the fixture server ({@code alice:secret}). */
  static final String BASIC_AUTH = "Basic YWxpY2U6c2VjcmV0";

  private WireMockFixtures() {}

  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .failOnUnmatchedRequests(true)
        .build();
  }

  /** Stubs discovery with fixture 01 and connects with the fixture credentials. */
  static Connection connect(WireMockExtension server) {
    return connect(server, ConnectOptions.builder());
  }

  /** Stubs discovery with fixture 01 and connects with the given options plus the credentials. */
  static Connection connect(WireMockExtension server, ConnectOptions.Builder options) {
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("01-discovery-accept-header").response()));
    return Camlistore.connect(
        server.baseUrl() + "/", options.auth(Auth.basic("alice", "secret")).maxAttempts(1).build());
  }

  /** The recorded request body of a fixture, as UTF-8 text. */
  static String requestText(String name) {
    return new String(Fixture.named(name).requestBody(), StandardCharsets.UTF_8);
  }
}
