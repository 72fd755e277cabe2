package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.HttpForwardProxy;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestCertificate;
import io.camlistore.testkit.TlsTerminatingProxy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producer against a real Perkeep 0.11 server, as a user drives it: {@code
 * ProducerTemplate.request(...)}, then the body read afterwards; put and putMulti; https through a
 * TLS front with a private certificate; an authenticating HTTP proxy; one connection shared by two
 * endpoints. Every test stores its own uniquely named data; the store is shared with other tests.
 */
@RealPerkeep
class CamlistoreRealPerkeepIT {
  @TempDir Path spool;
  @TempDir Path dir;

  private final DefaultCamelContext context = new DefaultCamelContext();
  private final String tag = UUID.randomUUID().toString();
  private ProducerTemplate template;
  private String credentials = "";

  @BeforeEach
  void start(RealPerkeepServer server) {
    BodyReads.spoolBodies(context, spool);
    CamlistoreConfiguration defaults =
        context.getComponent("camlistore", CamlistoreComponent.class).getConfiguration();
    String[] auth = authFromEnvironment();
    if (auth.length == 2) {
      defaults.setUsername(auth[0]);
      defaults.setPassword(auth[1]);
      credentials = "&username=" + auth[0] + "&password=RAW(" + auth[1] + ")";
    }
    defaults.setServerUrl(server.url());
    context.start();
    template = context.createProducerTemplate();
  }

  /**
   * {@return user and password of the environment's {@code userpass:USER:PASS}, else nothing} The
   * component takes them as options, where the client takes the {@code Auth} the server names.
   */
  private static String[] authFromEnvironment() {
    String spec = System.getenv(RealPerkeepServer.AUTH_VARIABLE);
    if (spec == null || !spec.startsWith("userpass:")) {
      return new String[0];
    }
    String[] fields = spec.substring("userpass:".length()).split(":", -1);
    return new String[] {fields[0], fields[1]};
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private byte[] unique(int size) {
    byte[] bytes = new byte[size];
    new Random(tag.hashCode()).nextBytes(bytes);
    byte[] prefix = tag.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    return bytes;
  }

  private Exchange request(String uri, Object body) {
    Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
    assertThat(exchange.getException()).as("the exchange's exception").isNull();
    return exchange;
  }

  @Test
  void whatPutStoredGetAnswersReadableAfterTheRequestInEveryFormTwice() throws IOException {
    byte[] text = ("a blob for after the exchange " + tag + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] spooled = unique(1 << 20);

    for (byte[] content : List.of(text, spooled)) {
      Exchange stored = request("camlistore:put", new ByteArrayInputStream(content));
      BlobRef ref = stored.getMessage().getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class);

      Exchange fetched = request("camlistore:get", ref);

      assertThat(fetched.getMessage().getBody(CachedContent.class).inMemory())
          .isEqualTo(content.length < BodyReads.SPOOL_THRESHOLD);
      BodyReads.assertReadableTwiceInEveryForm(fetched.getMessage(), content);
    }
  }

  @Test
  void aTwentyMibFileIsSpooledAndReadableAfterTheRequestTwice() throws Exception {
    byte[] content = unique(20 << 20);
    Exchange stored =
        template.request(
            "camlistore:putFile",
            e -> {
              e.getMessage().setBody(content);
              e.getMessage().setHeader(CamlistoreConstants.FILE_NAME, tag + ".bin");
            });
    BlobRef file = stored.getMessage().getBody(BlobRef.class);

    Exchange fetched = request("camlistore:getFile", file);

    assertThat(fetched.getMessage().getHeader(CamlistoreConstants.FILE_NAME))
        .isEqualTo(tag + ".bin");
    assertThat(fetched.getMessage().getBody(CachedContent.class).inMemory()).isFalse();
    BodyReads.assertLargeBodyReadableTwice(fetched.getMessage(), content);
  }

  @Test
  void putOfSeventeenMibFailsNamingPutFileAndTheServerHasNoSuchBlob() throws IOException {
    Path big = Files.write(dir.resolve("big.bin"), unique(17 << 20));

    Exchange out = template.request("camlistore:put", e -> e.getMessage().setBody(big));

    assertThat(out.getException())
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessageContaining("putFile");
    BlobRef wouldBe = BlobRef.compute("sha224", Files.readAllBytes(big));
    assertThat(request("camlistore:exists", wouldBe).getMessage().getBody(Boolean.class)).isFalse();
  }

  @Test
  @SuppressWarnings("UnnecessaryStringBuilder") // any body Camel converts, such as this one
  void putMultiStoresEachItemWithListHeadersAndPutTakesAStringBuilder() {
    List<Object> items = List.of("one " + tag, new StringBuilder("two " + tag));

    Exchange batch = request("camlistore:putMulti", items);
    Exchange single = request("camlistore:put", new StringBuilder("three " + tag));

    List<?> refs = batch.getMessage().getHeader(CamlistoreConstants.BLOB_REFS, List.class);
    assertThat(refs)
        .isEqualTo(
            List.of(
                BlobRef.compute("sha224", ("one " + tag).getBytes(StandardCharsets.UTF_8)),
                BlobRef.compute("sha224", ("two " + tag).getBytes(StandardCharsets.UTF_8))));
    assertThat(request("camlistore:get", refs.get(1)).getMessage().getBody(String.class))
        .isEqualTo("two " + tag);
    assertThat(
            request(
                    "camlistore:get",
                    single.getMessage().getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class))
                .getMessage()
                .getBody(String.class))
        .isEqualTo("three " + tag);
  }

  @Test
  void httpsThroughATlsFrontWithAPrivateCertificate(RealPerkeepServer server) throws IOException {
    TestCertificate certificate = TestCertificate.create(dir);
    context.getRegistry().bind("tls", CamlistoreTlsAndProxyTest.trusting(certificate));
    byte[] content = ("over TLS " + tag).getBytes(StandardCharsets.UTF_8);
    try (TlsTerminatingProxy tls =
        TlsTerminatingProxy.start(certificate, URI.create(server.url()).getPort())) {
      String https = "?serverUrl=" + tls.url() + "&sslContextParameters=#tls" + credentials;

      Exchange stored = request("camlistore:put" + https, new ByteArrayInputStream(content));
      Exchange fetched =
          request(
              "camlistore:get" + https,
              stored.getMessage().getHeader(CamlistoreConstants.BLOB_REF));

      BodyReads.assertReadableTwiceInEveryForm(fetched.getMessage(), content);
      assertThat(tls.handshakes()).isPositive();
    }
  }

  @Test
  void twoEndpointsThroughAnAuthenticatingProxyShareOneConnection(RealPerkeepServer server) {
    try (HttpForwardProxy proxy = HttpForwardProxy.requiring("proxy-" + tag, "pw")) {
      String through =
          "?proxyHost="
              + proxy.host()
              + "&proxyPort="
              + proxy.port()
              + "&proxyUsername=proxy-"
              + tag
              + "&proxyPassword=pw";
      String putUri = "camlistore:put" + through;
      String getUri = "camlistore:get" + through;
      byte[] content = ("through the proxy " + tag).getBytes(StandardCharsets.UTF_8);

      BlobRef ref =
          request(putUri, content)
              .getMessage()
              .getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class);
      String first = request(getUri, ref).getMessage().getBody(String.class);
      context.getEndpoint(putUri).stop();
      String again = request(getUri, ref).getMessage().getBody(String.class);

      assertThat(first).isEqualTo("through the proxy " + tag);
      assertThat(again).isEqualTo(first);
      assertThat(proxy.requests())
          .isNotEmpty()
          .allSatisfy(
              request -> {
                assertThat(request.authorized()).isTrue();
                assertThat(request.target()).startsWith(server.url());
              });
      assertThat(proxy.requests())
          .filteredOn(request -> request.target().endsWith("?camli.mode=config"))
          .as("one discovery for both endpoints, and none after one of them stopped")
          .hasSize(1);
    }
  }

  @Test
  void withoutProxyOptionsTheJvmsProxyPropertiesApply(RealPerkeepServer server) {
    byte[] content = ("through the JVM's proxy " + tag).getBytes(StandardCharsets.UTF_8);
    try (HttpForwardProxy proxy = HttpForwardProxy.open()) {
      BlobRef ref =
          proxy.withJvmProxyProperties(
              () ->
                  request("camlistore:put", content)
                      .getMessage()
                      .getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class));

      assertThat(proxy.requests())
          .extracting(HttpForwardProxy.ProxiedRequest::target)
          .contains(server.url() + "?camli.mode=config")
          .allSatisfy(target -> assertThat(target).startsWith(server.url()));
      assertThat(request("camlistore:get", ref).getMessage().getBody(byte[].class))
          .isEqualTo(content);
    }
  }
}
