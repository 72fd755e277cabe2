package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.HttpForwardProxy;
import io.camlistore.testkit.TestCertificate;
import io.camlistore.testkit.TlsTerminatingProxy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the embedded server behind the testkit's TLS front (a private, self-signed
 * certificate) and its forward proxy: what goes through them, with which credentials, and the typed
 * failures when the certificate is not trusted or the proxy refuses.
 */
class TlsAndProxyIT {
  private static final Auth ALICE = Auth.basic("alice", "secret");

  @TempDir static Path certificates;

  private static EmbeddedCamlistoreServer server;
  private static TestCertificate certificate;
  private static TlsTerminatingProxy tls;

  private @Nullable HttpForwardProxy proxy;

  @BeforeAll
  static void start() {
    server = EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start();
    certificate = TestCertificate.create(certificates);
    tls = TlsTerminatingProxy.start(certificate, server.port());
  }

  @AfterAll
  static void stop() {
    tls.close();
    server.close();
  }

  @AfterEach
  void closeProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Stores a blob and a multi-chunk file and reads both back, checking every byte. */
  private static void roundTrip(Connection conn) throws IOException {
    Blob blob = Blob.of(random(100_000, 1));
    BlobRef stored = conn.blobs().put(blob);
    assertThat(conn.blobs().get(stored).data()).isEqualTo(blob.data());
    byte[] content = random(3 << 20, 2);
    BlobRef file =
        conn.files()
            .putFile(new ByteArrayInputStream(content), "through.bin", FileMetadata.empty());
    try (FileContentStream in = conn.files().getFile(file)) {
      assertThat(Arrays.equals(in.readAllBytes(), content)).isTrue();
    }
    assertThat(server.contains(file)).isTrue();
  }

  @Test
  void httpsWithAPrivateCertificateWorksWhenTheClientTrustsIt() throws IOException {
    long handshakesBefore = tls.handshakes();
    ConnectOptions options =
        ConnectOptions.builder().auth(ALICE).sslContext(certificate.clientContext()).build();

    try (Connection conn = Camlistore.connect(tls.url(), options)) {
      roundTrip(conn);
      assertThat(conn.discovery().blobRoot()).asString().startsWith(tls.url());
    }

    assertThat(tls.handshakes()).isGreaterThan(handshakesBefore);
  }

  @Test
  void httpsWithAnUntrustedCertificateFailsWithTheHandshakeAsCause() {
    ConnectOptions options = ConnectOptions.builder().auth(ALICE).maxAttempts(1).build();

    assertThatThrownBy(() -> Camlistore.connect(tls.url(), options))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining(tls.url())
        .hasCauseInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void everyRequestGoesThroughTheProxyWithItsCredentials() throws IOException {
    HttpForwardProxy through = HttpForwardProxy.requiring("bob", "swordfish");
    proxy = through;
    server.clearRequests();
    ConnectOptions options =
        ConnectOptions.builder()
            .auth(ALICE)
            .proxy(HttpProxy.of(through.host(), through.port()).withCredentials("bob", "swordfish"))
            .build();

    try (Connection conn = Camlistore.connect(server.url(), options)) {
      roundTrip(conn);
    }

    assertThat(through.requests())
        .hasSize((int) server.requestCount())
        .allSatisfy(
            request -> {
              assertThat(request.authorized()).isTrue();
              assertThat(request.proxyAuthorization())
                  .isEqualTo(HttpForwardProxy.basicAuthorization("bob", "swordfish"));
              assertThat(request.target()).startsWith(server.url());
              assertThat(request.toString())
                  .contains("Proxy-Authorization: <masked>")
                  .doesNotContain(HttpForwardProxy.basicAuthorization("bob", "swordfish"));
            });
    assertThat(server.requests())
        .allSatisfy(request -> assertThat(request.header("Proxy-Authorization")).isNull());
  }

  @Test
  void httpsTunnelsThroughTheProxy() throws IOException {
    HttpForwardProxy through = HttpForwardProxy.requiring("bob", "swordfish");
    proxy = through;
    ConnectOptions options =
        ConnectOptions.builder()
            .auth(ALICE)
            .sslContext(certificate.clientContext())
            .proxy(HttpProxy.of(through.host(), through.port()).withCredentials("bob", "swordfish"))
            .build();

    try (Connection conn = Camlistore.connect(tls.url(), options)) {
      roundTrip(conn);
    }

    assertThat(through.requests())
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.method()).isEqualTo("CONNECT");
              assertThat(request.target()).isEqualTo("127.0.0.1:" + tls.port());
              assertThat(request.proxyAuthorization())
                  .isEqualTo(HttpForwardProxy.basicAuthorization("bob", "swordfish"));
            });
  }

  @Test
  void wrongProxyCredentialsFailWithTheProxysStatus() {
    HttpForwardProxy through = HttpForwardProxy.requiring("bob", "swordfish");
    proxy = through;
    ConnectOptions options =
        ConnectOptions.builder()
            .auth(ALICE)
            .proxy(HttpProxy.of(through.host(), through.port()).withCredentials("bob", "wrong"))
            .build();

    assertThatThrownBy(() -> Camlistore.connect(server.url(), options))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.statusCode()).isEqualTo(407))
        .hasMessageContaining("refused by the proxy")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void withoutAProxyOptionTheJvmsProxyPropertiesApply() {
    HttpForwardProxy through = HttpForwardProxy.open();
    proxy = through;
    BlobRef stored =
        through.withJvmProxyProperties(
            () -> {
              try (Connection conn =
                  Camlistore.connect(server.url(), ConnectOptions.builder().auth(ALICE).build())) {
                return conn.blobs().put(Blob.of("through the JVM's proxy"));
              }
            });

    assertThat(server.contains(stored)).isTrue();
    assertThat(through.requests())
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.target()).startsWith(server.url());
              assertThat(request.proxyAuthorization()).isNull();
            });
  }
}
