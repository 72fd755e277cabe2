package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery: PC-01..PC-04, D-07, X-09, X-10 and the real server's discovery answers. */
class CamlistoreTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private String baseUrl() {
    return server.baseUrl() + "/";
  }

  @Test
  void discoveryResolvesEveryRootAgainstTheServer() {
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("01-discovery-accept-header").response()));

    try (Connection conn = Camlistore.connect(baseUrl())) {
      Discovery discovery = conn.discovery();

      assertThat(discovery.blobRoot())
          .isEqualTo(URI.create(baseUrl() + "bs-and-maybe-also-index/"));
      assertThat(discovery.searchRoot()).isEqualTo(URI.create(baseUrl() + "my-search/"));
      assertThat(discovery.jsonSignRoot()).isEqualTo(URI.create(baseUrl() + "sighelper/"));
      assertThat(discovery.helpRoot()).isEqualTo(URI.create(baseUrl() + "help/"));
      assertThat(discovery.statusRoot()).isEqualTo(URI.create(baseUrl() + "status/"));
      assertThat(discovery.storageGeneration())
          .isEqualTo("64ede931dc769acb0c81782032e3b71f347f876b");
      assertThat(discovery.storageInitTime()).isEqualTo("2026-11-25T09:27:41.903404525Z");
      assertThat(discovery.ownerName()).isEqualTo("nobody");
      assertThat(discovery.authToken()).isEqualTo("eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53");
      Discovery.SigningInfo signing = java.util.Objects.requireNonNull(discovery.signing());
      assertThat(signing).isNotNull();
      assertThat(signing.publicKeyBlobRef())
          .hasToString("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");
      assertThat(signing.publicKeyId()).isEqualTo("7559C29EFA90DC38");
      assertThat(signing.signHandler())
          .isEqualTo(URI.create(baseUrl() + "sighelper/camli/sig/sign"));
      assertThat(signing.verifyHandler())
          .isEqualTo(URI.create(baseUrl() + "sighelper/camli/sig/verify"));
      assertThat(discovery.toString())
          .contains("bs-and-maybe-also-index")
          .doesNotContain("eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53");
    }
    server.verify(
        getRequestedFor(urlEqualTo("/?camli.mode=config"))
            .withHeader("Accept", equalTo("text/x-camli-configuration, text/javascript, */*"))
            .withHeader("User-Agent", equalTo("camlistore-java/" + Version.VERSION)));
  }

  @Test
  void rootsResolveAgainstTheUrlAfterRedirects() {
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "/moved/?camli.mode=config")));
    server.stubFor(
        get("/moved/?camli.mode=config")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/javascript")
                    .withBody(
                        "{\"blobRoot\": \"mock-blobs/\", \"searchRoot\": \"/mock-search/\","
                            + " \"jsonSignRoot\": \"/mock-sign/\"}")));

    try (Connection conn = Camlistore.connect(baseUrl())) {
      assertThat(conn.discovery().serverUrl())
          .isEqualTo(URI.create(baseUrl() + "moved/?camli.mode=config"));
      assertThat(conn.discovery().blobRoot())
          .isEqualTo(URI.create(baseUrl() + "moved/mock-blobs/"));
      assertThat(conn.discovery().searchRoot()).isEqualTo(URI.create(baseUrl() + "mock-search/"));
      assertThat(conn.discovery().jsonSignRoot()).isEqualTo(URI.create(baseUrl() + "mock-sign/"));
    }
  }

  @Test
  void notFoundIsNotACamliServer() {
    server.stubFor(
        get("/?camli.mode=config").willReturn(aResponse().withStatus(404).withBody("Not Found")));

    assertThatThrownBy(() -> Camlistore.connect(baseUrl()))
        .isInstanceOf(NotCamliServerException.class)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining(server.baseUrl());
  }

  @Test
  void aServerStillFailingAfterTheRetriesIsAServerErrorNotAnotherKindOfServer() {
    server.stubFor(get("/?camli.mode=config").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () ->
                Camlistore.connect(
                    baseUrl(),
                    ConnectOptions.builder().maxAttempts(2).retryBackoff(Duration.ZERO).build()))
        .isInstanceOf(ServerException.class)
        .isNotInstanceOf(NotCamliServerException.class)
        .hasMessageContaining("503");
    server.verify(2, getRequestedFor(urlEqualTo("/?camli.mode=config")));
  }

  @Test
  void nonJsonIsNotACamliServer() {
    server.stubFor(
        get("/?camli.mode=config").willReturn(aResponse().withBody("la la i am not json")));

    assertThatThrownBy(() -> Camlistore.connect(baseUrl()))
        .isInstanceOf(NotCamliServerException.class)
        .hasMessageContaining("la la i am not json");
  }

  @Test
  void redirectToTheUiMeansNotACamliServer() {
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("09-root-get-no-discovery").response()));
    server.stubFor(get("/ui/").willReturn(aResponse().withBody("<html>ui</html>")));

    assertThatThrownBy(() -> Camlistore.connect(baseUrl()))
        .isInstanceOf(NotCamliServerException.class);
  }

  @Test
  void missingRootsAreNullAndFailOnFirstUseWithoutARequest() {
    server.stubFor(get("/?camli.mode=config").willReturn(aResponse().withBody("{}")));

    try (Connection conn = Camlistore.connect(baseUrl())) {
      assertThat(conn.discovery().blobRoot()).isNull();
      assertThat(conn.discovery().searchRoot()).isNull();
      assertThat(conn.discovery().jsonSignRoot()).isNull();
      assertThat(conn.discovery().signing()).isNull();

      BlobRef ref = BlobRef.parse("sha1-7f9281ff490b7930c7fdb1861d234dba8680e702");
      assertThatThrownBy(() -> conn.blobs().get(ref))
          .isInstanceOf(ServerFeatureUnavailableException.class)
          .hasMessageContaining("blobRoot");
    }
    server.verify(1, getRequestedFor(urlPathEqualTo("/")));
  }

  @Test
  void basicCredentialsAreSentAndARefusalIsAnAuthenticationError() {
    server.stubFor(
        get("/?camli.mode=config")
            .withHeader("Authorization", equalTo("Basic YWxpY2U6c2VjcmV0"))
            .willReturn(Fixture.named("01-discovery-accept-header").response()));
    server.stubFor(
        get("/?camli.mode=config")
            .withHeader("Authorization", equalTo("Basic YWxpY2U6d3Jvbmc="))
            .willReturn(Fixture.named("05-discovery-wrong-password-401").response()));

    ConnectOptions good =
        ConnectOptions.builder().auth(Auth.parse("userpass:alice:secret")).build();
    try (Connection conn = Camlistore.connect(baseUrl(), good)) {
      assertThat(conn.discovery().blobRoot()).isNotNull();
    }
    ConnectOptions bad = ConnectOptions.builder().auth(Auth.basic("alice", "wrong")).build();
    assertThatThrownBy(() -> Camlistore.connect(baseUrl(), bad))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(401))
        .hasMessageContaining("401")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void noCredentialsAgainstAProtectedServerIsAnAuthenticationError() {
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("04-discovery-no-auth-401").response()));

    assertThatThrownBy(() -> Camlistore.connect(baseUrl()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Unauthorized");
  }

  @Test
  void tokenIsSentWithTheTokenScheme() {
    server.stubFor(
        get("/?camli.mode=config")
            .withHeader("Authorization", equalTo("Token eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53"))
            .willReturn(Fixture.named("01-discovery-accept-header").response()));

    ConnectOptions options =
        ConnectOptions.builder()
            .auth(Auth.token("eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53"))
            .build();
    try (Connection conn = Camlistore.connect(baseUrl(), options)) {
      assertThat(conn.discovery().storageGeneration()).isNotNull();
    }
  }

  @Test
  void transientFailureIsRetried() {
    server.stubFor(
        get("/?camli.mode=config")
            .inScenario("flaky")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("recovered"));
    server.stubFor(
        get("/?camli.mode=config")
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(Fixture.named("01-discovery-accept-header").response()));

    ConnectOptions options = ConnectOptions.builder().retryBackoff(java.time.Duration.ZERO).build();
    try (Connection conn = Camlistore.connect(baseUrl(), options)) {
      assertThat(conn.discovery().blobRoot()).isNotNull();
    }
    server.verify(2, getRequestedFor(urlEqualTo("/?camli.mode=config")));
  }

  @Test
  void serverDownIsAConnectionErrorNamingTheUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/";
    ConnectOptions options =
        ConnectOptions.builder().maxAttempts(2).retryBackoff(java.time.Duration.ZERO).build();

    assertThatThrownBy(() -> Camlistore.connect(url, options))
        .isExactlyInstanceOf(ConnectionException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("2 attempts");
  }

  @Test
  void badUrlsAreRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> Camlistore.connect("localhost:3179"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'localhost:3179'");
    assertThatThrownBy(() -> Camlistore.connect("http://alice:secret@localhost/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret@");
  }
}
