package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.ConnectionException;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.HttpForwardProxy;
import io.camlistore.testkit.TestCertificate;
import io.camlistore.testkit.TlsTerminatingProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component reaching the embedded server over https with a private, self-signed certificate it
 * trusts through {@code sslContextParameters} (or the CamelContext's global ones), and through an
 * HTTP proxy given by the proxy options or by the JVM's proxy properties.
 */
class CamlistoreTlsAndProxyTest {
  private static final String CONTENT = "over TLS and proxies\n";

  @TempDir static Path certificates;

  private static EmbeddedCamlistoreServer server;
  private static TlsTerminatingProxy tls;
  private static SSLContextParameters trustTheTestCertificate;
  private static BlobRef ref;

  private final DefaultCamelContext context = new DefaultCamelContext();
  private @Nullable HttpForwardProxy proxy;

  @BeforeAll
  static void start() {
    server = EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start();
    TestCertificate certificate = TestCertificate.create(certificates);
    tls = TlsTerminatingProxy.start(certificate, server.port());
    trustTheTestCertificate = trusting(certificate);
    ref = server.putBlob(CONTENT.getBytes(StandardCharsets.UTF_8));
  }

  /** The Camel way to trust a certificate: a trust store named in SSLContextParameters. */
  static SSLContextParameters trusting(TestCertificate certificate) {
    KeyStoreParameters store = new KeyStoreParameters();
    store.setResource("file:" + certificate.trustStore());
    store.setPassword(TestCertificate.PASSWORD);
    store.setType("PKCS12");
    TrustManagersParameters trust = new TrustManagersParameters();
    trust.setKeyStore(store);
    SSLContextParameters parameters = new SSLContextParameters();
    parameters.setTrustManagers(trust);
    return parameters;
  }

  @AfterAll
  static void stop() {
    tls.close();
    server.close();
  }

  @AfterEach
  void stopContext() {
    context.stop();
    if (proxy != null) {
      proxy.close();
    }
  }

  private ProducerTemplate started() {
    context.start();
    return context.createProducerTemplate();
  }

  private static void assertFetched(Exchange out) throws IOException {
    assertThat(out.getException()).isNull();
    BodyReads.assertReadableTwiceInEveryForm(
        out.getMessage(), CONTENT.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void httpsWithAPrivateCertificateWorksWithSslContextParameters() throws IOException {
    context.getRegistry().bind("tls", trustTheTestCertificate);
    long handshakes = tls.handshakes();

    Exchange out =
        started()
            .request(
                "camlistore:get?serverUrl="
                    + tls.url()
                    + "&username=alice&password=secret&sslContextParameters=#tls",
                e -> e.getMessage().setBody(ref));

    assertFetched(out);
    assertThat(tls.handshakes()).isGreaterThan(handshakes);
  }

  @Test
  void theComponentCanUseTheCamelContextsGlobalSslContextParameters() throws IOException {
    context.setSSLContextParameters(trustTheTestCertificate);
    CamlistoreComponent component = context.getComponent("camlistore", CamlistoreComponent.class);
    component.setUseGlobalSslContextParameters(true);
    component.getConfiguration().setServerUrl(tls.url());
    component.getConfiguration().setUsername("alice");
    component.getConfiguration().setPassword("secret");

    assertFetched(started().request("camlistore:get", e -> e.getMessage().setBody(ref)));
  }

  @Test
  void httpsWithoutTrustingTheCertificateFailsWithTheHandshakeAsCause() {
    Exchange out =
        started()
            .request(
                "camlistore:get?maxAttempts=1&serverUrl="
                    + tls.url()
                    + "&username=alice&password=secret",
                e -> e.getMessage().setBody(ref));

    assertThat(out.getException())
        .isInstanceOf(ConnectionException.class)
        .hasCauseInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theProxyOptionsSendEveryRequestThroughTheProxyWithItsCredentials() throws IOException {
    HttpForwardProxy through = HttpForwardProxy.requiring("bob", "swordfish");
    proxy = through;
    server.clearRequests();

    Exchange out =
        started()
            .request(
                "camlistore:get?serverUrl="
                    + server.url()
                    + "&username=alice&password=secret&proxyHost="
                    + through.host()
                    + "&proxyPort="
                    + through.port()
                    + "&proxyUsername=bob&proxyPassword=swordfish",
                e -> e.getMessage().setBody(ref));

    assertFetched(out);
    assertThat(through.requests())
        .hasSize((int) server.requestCount())
        .allSatisfy(
            request -> {
              assertThat(request.authorized()).isTrue();
              assertThat(request.proxyAuthorization())
                  .isEqualTo(HttpForwardProxy.basicAuthorization("bob", "swordfish"));
            });
    assertThat(through.requests())
        .extracting(HttpForwardProxy.ProxiedRequest::target)
        .contains(
            server.url() + "?camli.mode=config",
            server.url() + "bs-and-maybe-also-index/camli/" + ref);
  }

  @Test
  void httpsTunnelsThroughTheProxy() throws IOException {
    HttpForwardProxy through = HttpForwardProxy.requiring("bob", "swordfish");
    proxy = through;
    context.getRegistry().bind("tls", trustTheTestCertificate);

    Exchange out =
        started()
            .request(
                "camlistore:get?serverUrl="
                    + tls.url()
                    + "&username=alice&password=secret&sslContextParameters=#tls&proxyHost="
                    + through.host()
                    + "&proxyPort="
                    + through.port()
                    + "&proxyUsername=bob&proxyPassword=swordfish",
                e -> e.getMessage().setBody(ref));

    assertFetched(out);
    assertThat(through.requests())
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.method()).isEqualTo("CONNECT");
              assertThat(request.target()).isEqualTo("127.0.0.1:" + tls.port());
            });
  }

  @Test
  void withoutProxyOptionsTheJvmsProxyPropertiesApply() throws IOException {
    HttpForwardProxy through = HttpForwardProxy.open();
    proxy = through;
    ProducerTemplate template = started();

    Exchange out =
        through.withJvmProxyProperties(
            () ->
                template.request(
                    "camlistore:get?serverUrl=" + server.url() + "&username=alice&password=secret",
                    e -> e.getMessage().setBody(ref)));

    assertFetched(out);
    assertThat(through.requests())
        .isNotEmpty()
        .allSatisfy(request -> assertThat(request.target()).startsWith(server.url()));
  }
}
