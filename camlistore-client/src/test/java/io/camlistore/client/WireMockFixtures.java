package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Shared test set-up: a WireMock server per test class serving the captured Perkeep fixtures
 * (bodies under {@code wiremock/__files/}), failing on any request no stub expects.
 */
final class WireMockFixtures {
  /** HTTP Basic credentials of the fixture server ({@code alice:secret}). */
  static final String BASIC_AUTH = "Basic YWxpY2U6c2VjcmV0";

  private WireMockFixtures() {}

  static WireMockExtension server(Extension... extensions) {
    return WireMockExtension.newInstance()
        .options(
            wireMockConfig()
                .dynamicPort()
                .usingFilesUnderClasspath("wiremock")
                .extensions(extensions))
        .failOnUnmatchedRequests(true)
        .build();
  }

  /** Answers a fixture's body with its recorded status and content type. */
  static ResponseDefinitionBuilder fixture(int status, String contentType, String bodyFile) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withBodyFile(bodyFile);
  }

  /** A {@code text/javascript} JSON fixture answer, as the search handler sends it. */
  static ResponseDefinitionBuilder json(int status, String bodyFile) {
    return fixture(status, "text/javascript", bodyFile);
  }

  /** Stubs discovery with fixture 01 and connects with the fixture credentials. */
  static Connection connect(WireMockExtension server) {
    return connect(server, ConnectOptions.builder());
  }

  /** Stubs discovery with fixture 01 and connects with the given options plus credentials. */
  static Connection connect(WireMockExtension server, ConnectOptions.Builder options) {
    server.stubFor(
        get(urlPathEqualTo("/"))
            .withQueryParam("camli.mode", equalTo("config"))
            .willReturn(json(200, "01-discovery-accept-header.json")));
    return Camlistore.connect(
        server.baseUrl(), options.auth(Auth.basic("alice", "secret")).maxAttempts(1).build());
  }

  /** Reads a recorded request body ({@code fixture-requests/<name>.req.body}) as UTF-8. */
  static String request(String name) {
    return resource("fixture-requests/" + name + ".req.body");
  }

  /** Reads a fixture response body ({@code wiremock/__files/<file>}) as UTF-8. */
  static String responseBody(String file) {
    return resource("wiremock/__files/" + file);
  }

  /** Reads a signed schema blob made by pk-put or the sign helper, by its ref. */
  static String signedBlob(String ref) {
    return resource("signed-blobs/" + ref + ".txt");
  }

  static String resource(String path) {
    try (InputStream in = WireMockFixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
