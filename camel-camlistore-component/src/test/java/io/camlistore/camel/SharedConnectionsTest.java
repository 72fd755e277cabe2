package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints with the same server and connection settings share one connection (one discovery, one
 * pool, Camel-managed threads), kept while any of them runs and closed with the last; other
 * settings get a connection of their own. Counted from the embedded server's request log.
 */
class SharedConnectionsTest {
  private static final EmbeddedCamlistoreServer SERVER =
      EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").build().start();
  private static final String ALICE = "&username=alice&password=secret";

  private final DefaultCamelContext context = new DefaultCamelContext();
  private ProducerTemplate template;
  private BlobRef ref;

  @AfterAll
  static void stopServer() {
    SERVER.close();
  }

  @BeforeEach
  void start() {
    context
        .getComponent("camlistore", CamlistoreComponent.class)
        .getConfiguration()
        .setServerUrl(SERVER.url());
    context.start();
    template = context.createProducerTemplate();
    ref = SERVER.putBlob("shared".getBytes(StandardCharsets.UTF_8));
    SERVER.clearRequests();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private static long discoveries() {
    return SERVER.requests().stream()
        .filter(r -> r.path().equals("/") && "camli.mode=config".equals(r.query()))
        .count();
  }

  private CamlistoreEndpoint endpoint(String uri) {
    return context.getEndpoint(uri, CamlistoreEndpoint.class);
  }

  private boolean exists(String uri) {
    return Objects.requireNonNull(template.requestBody(uri, ref, Boolean.class));
  }

  @Test
  void twoEndpointsWithTheSameServerAndCredentialsMakeOneDiscoveryAndShareTheConnection() {
    CamlistoreEndpoint exists = endpoint("camlistore:exists?readTimeout=30000" + ALICE);
    CamlistoreEndpoint get = endpoint("camlistore:get?readTimeout=30000" + ALICE);

    assertThat(exists("camlistore:exists?readTimeout=30000" + ALICE)).isTrue();
    assertThat(template.requestBody("camlistore:get?readTimeout=30000" + ALICE, ref, String.class))
        .isEqualTo("shared");

    assertThat(discoveries()).isEqualTo(1);
    assertThat(get.connection()).isSameAs(exists.connection());
  }

  @Test
  void stoppingOneEndpointKeepsTheConnectionForTheOtherAndTheLastClosesIt() {
    String existsUri = "camlistore:exists?maxAttempts=2" + ALICE;
    String getUri = "camlistore:get?maxAttempts=2" + ALICE;
    CamlistoreEndpoint first = endpoint(existsUri);
    CamlistoreEndpoint second = endpoint(getUri);
    assertThat(exists(existsUri)).isTrue();
    Connection shared = second.connection();
    ExecutorService uploads = Objects.requireNonNull(shared.options().uploadExecutor());

    first.stop();

    assertThat(template.requestBody(getUri, ref, String.class)).isEqualTo("shared");
    assertThat(second.connection()).isSameAs(shared);
    assertThat(uploads.isShutdown()).isFalse();
    assertThat(discoveries()).isEqualTo(1);

    second.stop();

    assertThat(uploads.isShutdown()).as("the last endpoint closed it, with its threads").isTrue();
    assertThat(context.getComponent("camlistore", CamlistoreComponent.class).connections().size())
        .isZero();
    second.start();
    assertThat(template.requestBody(getUri, ref, String.class)).isEqualTo("shared");
    assertThat(second.connection()).isNotSameAs(shared);
    assertThat(discoveries()).as("a new connection after all were stopped").isEqualTo(2);
  }

  @Test
  void otherCredentialsOrSettingsGetAConnectionOfTheirOwn() {
    assertThat(exists("camlistore:exists?" + ALICE.substring(1))).isTrue();
    assertThat(exists("camlistore:exists?authToken=" + SERVER.authToken())).isTrue();
    assertThat(exists("camlistore:exists?readTimeout=5000" + ALICE)).isTrue();

    assertThat(discoveries()).isEqualTo(3);
    assertThat(endpoint("camlistore:exists?" + ALICE.substring(1)).connection())
        .isNotSameAs(endpoint("camlistore:exists?readTimeout=5000" + ALICE).connection());
  }

  @Test
  void theConnectionsThreadsAreCamelsAndStopWithTheContext() throws Exception {
    assertThat(exists("camlistore:exists?" + ALICE.substring(1))).isTrue();
    Connection connection = endpoint("camlistore:exists?" + ALICE.substring(1)).connection();
    ExecutorService uploads = Objects.requireNonNull(connection.options().uploadExecutor());
    ExecutorService downloads = Objects.requireNonNull(connection.options().downloadExecutor());

    String uploadThread = uploads.submit(() -> Thread.currentThread().getName()).get();
    String downloadThread = downloads.submit(() -> Thread.currentThread().getName()).get();
    context.stop();

    assertThat(uploadThread).startsWith("Camel (").endsWith("CamlistoreUpload");
    assertThat(downloadThread).startsWith("Camel (").endsWith("CamlistoreDownload");
    assertThat(uploads.isShutdown()).isTrue();
    assertThat(downloads.isShutdown()).isTrue();
  }

  @Test
  void anEndpointReadsItsKeyringOnceWhenCreatedAndSignsWithItAfterTheFileIsGone(@TempDir Path dir)
      throws Exception {
    Path keyring = Files.copy(TestKeyring.file(), dir.resolve("secring.gpg"));
    String uri =
        "camlistore:createPermanode?keyId="
            + TestKeyring.KEY_ID
            + "&secretKeyring="
            + keyring
            + ALICE;
    endpoint(uri);
    Files.delete(keyring);

    BlobRef permanode = Objects.requireNonNull(template.requestBody(uri, null, BlobRef.class));

    String stored =
        new String(Objects.requireNonNull(SERVER.blob(permanode)), StandardCharsets.UTF_8);
    assertThat(stored)
        .contains("\"camliType\": \"permanode\"")
        .contains("\"camliSigner\": \"" + TestIdentity.publicKeyBlobRef() + "\"");
  }
}
