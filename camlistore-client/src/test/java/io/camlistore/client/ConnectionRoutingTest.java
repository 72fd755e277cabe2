package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.protocol.BlobRef;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How requests reach the server: through the proxy option (with its credentials), through the JVM's
 * proxy selector when no proxy is set, and through a client the customizer adjusted. The stub plays
 * the proxy: a request for the unresolvable {@code perkeep.test} only answers through it.
 */
class ConnectionRoutingTest {
  @RegisterExtension static final WireMockExtension proxy = WireMockFixtures.server();

  private static final String SERVER = "http://perkeep.test:3179/";
  private static final String MISSING =
      "sha224-0000000000000000000000000000000000000000000000000000000a";
  private static final String BLOB_PATH = "/bs-and-maybe-also-index/camli/" + MISSING;

  @BeforeEach
  void stubTheServerBehindTheProxy() {
    proxy.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("01-discovery-accept-header").response()));
    proxy.stubFor(head(urlEqualTo(BLOB_PATH)).willReturn(aResponse().withStatus(404)));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theProxyOptionSendsEveryRequestThroughTheProxyWithItsCredentialsFromTheFirstOn() {
    ConnectOptions options =
        ConnectOptions.builder()
            .proxy(HttpProxy.of("127.0.0.1", proxy.getPort()).withCredentials("bob", "swordfish"))
            .build();

    try (Connection conn = Camlistore.connect(SERVER, options)) {
      assertThat(conn.blobs().blobExists(BlobRef.parse(MISSING))).isFalse();
      assertThat(conn.discovery().blobRoot())
          .as("the server's own URL, not the proxy's")
          .hasToString(SERVER + "bs-and-maybe-also-index/");
    }

    proxy.verify(
        getRequestedFor(urlEqualTo("/?camli.mode=config"))
            .withHeader("Host", equalTo("perkeep.test:3179"))
            .withHeader("Proxy-Authorization", equalTo(basic("bob", "swordfish"))));
    proxy.verify(
        headRequestedFor(urlEqualTo(BLOB_PATH))
            .withHeader("Proxy-Authorization", equalTo(basic("bob", "swordfish"))));
    proxy.verify(2, anyRequestedFor(anyUrl()));
  }

  @Test
  void aProxyRefusingTheCredentialsIsAnAuthenticationErrorThatDoesNotShowThem() {
    proxy.stubFor(
        get("/?camli.mode=config")
            .withHeader("Proxy-Authorization", equalTo(basic("bob", "wrong")))
            .willReturn(aResponse().withStatus(407)));
    ConnectOptions options =
        ConnectOptions.builder()
            .proxy(HttpProxy.of("127.0.0.1", proxy.getPort()).withCredentials("bob", "wrong"))
            .build();

    assertThatThrownBy(() -> Camlistore.connect(SERVER, options))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(407))
        .hasMessageContaining("refused by the proxy")
        .hasMessageContaining("ConnectOptions.proxy")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void withoutAProxyOptionTheJvmsProxySelectorDecidesAndNoProxyCredentialsAreSent() {
    ProxySelector jvmDefault = ProxySelector.getDefault();
    ProxySelector.setDefault(
        ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.getPort())));
    try (Connection conn = Camlistore.connect(SERVER)) {
      assertThat(conn.blobs().blobExists(BlobRef.parse(MISSING))).isFalse();
    } finally {
      ProxySelector.setDefault(jvmDefault);
    }

    proxy.verify(
        getRequestedFor(urlEqualTo("/?camli.mode=config"))
            .withHeader("Host", equalTo("perkeep.test:3179"))
            .withHeader("Proxy-Authorization", absent()));
    proxy.verify(headRequestedFor(urlEqualTo(BLOB_PATH)));
  }

  @Test
  void theCustomizerAdjustsTheClientAfterTheConnectionConfiguredIt() {
    ConnectOptions options =
        ConnectOptions.builder()
            .proxy(HttpProxy.of("127.0.0.1", proxy.getPort()))
            .userAgent("camlistore-java/test")
            .httpClientCustomizer(
                builder ->
                    builder
                        .setUserAgent("customised/1")
                        .addRequestInterceptorFirst(
                            (request, entity, context) -> request.addHeader("X-Trace", "42")))
            .build();

    try (Connection conn = Camlistore.connect(SERVER, options)) {
      assertThat(conn.blobs().blobExists(BlobRef.parse(MISSING))).isFalse();
    }

    proxy.verify(
        2,
        anyRequestedFor(anyUrl())
            .withHeader("X-Trace", equalTo("42"))
            .withHeader("User-Agent", equalTo("customised/1")));
  }
}
