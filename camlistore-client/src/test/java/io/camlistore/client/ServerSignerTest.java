package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camlistore.client.WireMockFixtures.BASIC_AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camlistore.client.internal.HttpTransport;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's sign helper (fixtures 13–21) as a {@link Signer}, and how a connection picks one.
 */
class ServerSignerTest {
  static final String SIGN = "/sighelper/camli/sig/sign";
  static final BlobRef SERVER_KEY =
      BlobRef.parse("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");

  @RegisterExtension static WireMockExtension server = WireMockFixtures.server();

  Connection conn;
  ServerSigner signer;

  @BeforeEach
  void connect() {
    conn = WireMockFixtures.connect(server);
    signer = conn.serverSigner();
  }

  @AfterEach
  void noLeakedConnections() {
    assertThat(conn.leasedHttpConnections()).isZero();
    conn.close();
  }

  static String formJson(String fixture) {
    String body = WireMockFixtures.requestText(fixture);
    return URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8);
  }

  @Test
  void isTheConnectionsDefaultSignerWithTheDiscoveredKeyAndHandlers() {
    assertThat(conn.signer()).isSameAs(signer);
    assertThat(signer.publicKeyBlobRef()).isEqualTo(SERVER_KEY);
    assertThat(signer.signHandler()).isEqualTo(URI.create(server.baseUrl() + SIGN));
    assertThat(signer.verifyHandler())
        .isEqualTo(URI.create(server.baseUrl() + "/sighelper/camli/sig/verify"));
    assertThat(signer.toString()).contains(SERVER_KEY.toString()).doesNotContain("secret");
  }

  @Test
  void signPostsTheJsonFormFieldAndReturnsTheSignedBlobDeterministically() {
    server.stubFor(
        post(SIGN)
            .inScenario("twice")
            .whenScenarioStateIs(Scenario.STARTED)
            .withRequestBody(
                binaryEqualTo(Fixture.named("14-sighelper-sign-permanode").requestBody()))
            .willReturn(Fixture.named("14-sighelper-sign-permanode").response())
            .willSetStateTo("again"));
    server.stubFor(
        post(SIGN)
            .inScenario("twice")
            .whenScenarioStateIs("again")
            .withRequestBody(
                binaryEqualTo(Fixture.named("15-sighelper-sign-permanode-again").requestBody()))
            .willReturn(Fixture.named("15-sighelper-sign-permanode-again").response()));
    String unsigned = PermanodeSchemas.permanode(SERVER_KEY, "fixture-random-0001", null);

    String first = signer.sign(unsigned);
    String second = signer.sign(unsigned);

    assertThat(first).isEqualTo(Fixture.named("14-sighelper-sign-permanode").bodyText());
    assertThat(second).isEqualTo(first);
    assertThat(first).startsWith(unsigned.substring(0, unsigned.length() - 1) + ",\"camliSig\":\"");
    server.verify(
        2,
        postRequestedFor(urlEqualTo(SIGN))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
            .withHeader("Authorization", equalTo(BASIC_AUTH)));
  }

  @Test
  void signSendsTheCallersBytesUnchanged() {
    // Fixture 16's input was hand-written (raw < > &); the helper signs whatever bytes it gets.
    server.stubFor(
        post(SIGN)
            .withRequestBody(binaryEqualTo(Fixture.named("16-sighelper-sign-claim").requestBody()))
            .willReturn(Fixture.named("16-sighelper-sign-claim").response()));

    String signed = signer.sign(formJson("16-sighelper-sign-claim"));

    assertThat(signed).isEqualTo(Fixture.named("16-sighelper-sign-claim").bodyText());
    assertThat(Blob.of(signed).blobRef())
        .isEqualTo(
            BlobRef.parse("sha224-accd2ba4eaf30d158c9bebbf2863af562cc40fc2b896f6773fb6a9b5"));
  }

  @Test
  void aRefusalBecomesSigningExceptionWithTheHelpersReason() {
    server.stubFor(
        post(SIGN)
            .inScenario("refusals")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(Fixture.named("19-sighelper-sign-missing-json").response())
            .willSetStateTo("second"));
    server.stubFor(
        post(SIGN)
            .inScenario("refusals")
            .whenScenarioStateIs("second")
            .willReturn(Fixture.named("20-sighelper-sign-no-signer").response())
            .willSetStateTo("third"));
    server.stubFor(
        post(SIGN)
            .inScenario("refusals")
            .whenScenarioStateIs("third")
            .willReturn(Fixture.named("21-sighelper-sign-get-405ish").response()));
    String unsigned = PermanodeSchemas.permanode(SERVER_KEY, "x", null);

    assertThatThrownBy(() -> signer.sign(unsigned))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.serverError()).isEqualTo("missing \"json\" parameter");
            })
        .hasMessageContaining(SIGN);
    assertThatThrownBy(() -> signer.sign(unsigned))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("json lacks \"camliSigner\" key with public key blobref");
    assertThatThrownBy(() -> signer.sign(unsigned))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("POST required");
  }

  @Test
  void jsonTheHelperWouldRefuseIsRejectedBeforeSending() {
    // Fixture 20's input has no camliSigner; the strict server fails the test if it is sent.
    assertThatThrownBy(() -> signer.sign(formJson("20-sighelper-sign-no-signer")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("camliSigner");
    BlobRef otherKey =
        BlobRef.parse("sha224-00000000000000000000000000000000000000000000000000000000");
    assertThatThrownBy(() -> signer.sign(PermanodeSchemas.permanode(otherKey, "x", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(otherKey.toString())
        .hasMessageContaining(SERVER_KEY.toString());
    assertThatThrownBy(() -> signer.sign("{\"camliSigner\": \"" + SERVER_KEY + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("camliVersion");
    assertThatThrownBy(() -> signer.sign("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void verifyPostsTheSignedBlobAsSjsonAndReportsTheSignerKey() {
    server.stubFor(
        post("/sighelper/camli/sig/verify")
            .withRequestBody(binaryEqualTo(Fixture.named("17-sighelper-verify-ok").requestBody()))
            .willReturn(Fixture.named("17-sighelper-verify-ok").response()));

    VerificationResult result = signer.verify(formJson("17-sighelper-verify-ok"));

    assertThat(result.valid()).isTrue();
    assertThat(result.signerKeyId()).isEqualTo("7559C29EFA90DC38");
  }

  @Test
  void verifyOfATamperedBlobIsInvalidWithTheServersReason() {
    server.stubFor(
        post("/sighelper/camli/sig/verify")
            .withRequestBody(binaryEqualTo(Fixture.named("18-sighelper-verify-bad").requestBody()))
            .willReturn(Fixture.named("18-sighelper-verify-bad").response()));

    VerificationResult result = signer.verify(formJson("18-sighelper-verify-bad"));

    assertThat(result.valid()).isFalse();
    assertThat(result.signerKeyId()).isNull();
    assertThat(result.reason()).isEqualTo("signature verification failed");
  }

  @Test
  void serverSignedBlobsVerifyLocallyWithTheFetchedPublicKey() {
    server.stubFor(
        get("/sighelper/camli/" + SERVER_KEY)
            .willReturn(Fixture.named("13-sighelper-public-key").response()));
    SignatureVerifier verifier = SignatureVerifier.forPublicKey(signer.publicKeyBlob());

    assertThat(verifier.verify(Fixture.named("14-sighelper-sign-permanode").bodyText()).valid())
        .isTrue();
    assertThat(verifier.verify(formJson("18-sighelper-verify-bad")).valid()).isFalse();
  }

  @Test
  void publicKeyBlobIsFetchedFromTheAdvertisedUrlAndVerified() {
    server.stubFor(
        get("/sighelper/camli/" + SERVER_KEY)
            .willReturn(Fixture.named("13-sighelper-public-key").response()));

    Blob key = signer.publicKeyBlob();

    assertThat(key.blobRef()).isEqualTo(SERVER_KEY);
    assertThat(key.text()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n");
  }

  @Test
  void aPublicKeyBlobWithOtherBytesIsAHashMismatch() {
    server.stubFor(
        get("/sighelper/camli/" + SERVER_KEY).willReturn(aResponse().withBody("not the key")));

    assertThatThrownBy(signer::publicKeyBlob).isInstanceOf(HashMismatchException.class);
  }

  @Test
  void aConfiguredSignerTakesPrecedenceOverTheServers() {
    Signer own =
        new Signer() {
          @Override
          public BlobRef publicKeyBlobRef() {
            return SERVER_KEY;
          }

          @Override
          public String sign(String unsignedJson) {
            return unsignedJson;
          }
        };
    try (Connection withOwn =
        WireMockFixtures.connect(server, ConnectOptions.builder().signer(own))) {
      assertThat(withOwn.signer()).isSameAs(own);
      assertThat(withOwn.serverSigner().publicKeyBlobRef()).isEqualTo(SERVER_KEY);
    }
  }

  @Test
  void withoutASignHelperThereIsNoDefaultSignerAndNothingIsSent() {
    ConnectOptions options = ConnectOptions.defaults();
    Discovery unsigned =
        Discovery.builder(URI.create("http://127.0.0.1:9/"))
            .blobRoot(URI.create("http://127.0.0.1:9/bs/"))
            .build();
    try (Connection noHelper = new Connection(HttpTransport.create(options), unsigned, options)) {
      assertThatThrownBy(noHelper::signer)
          .isInstanceOf(ServerFeatureUnavailableException.class)
          .hasMessageContaining("ConnectOptions.signer()")
          .hasMessageContaining("signHandler");
      assertThatThrownBy(noHelper::serverSigner)
          .isInstanceOf(ServerFeatureUnavailableException.class);
      assertThatThrownBy(() -> noHelper.permanodes().create())
          .isInstanceOf(ServerFeatureUnavailableException.class);
    }
  }
}
