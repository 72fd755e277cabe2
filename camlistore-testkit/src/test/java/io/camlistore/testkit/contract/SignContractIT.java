package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign helper answers as the fixture server's did: its discovery, its public key, signatures
 * byte-identical to the captured ones (its fixed signature time makes them deterministic), verify
 * answers in JSON sent as text, and its plain-text 400s. Needs a server whose identity is the
 * fixtures'.
 */
@ContractTest
class SignContractIT {
  private static final String PUBLIC_KEY =
      "sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e";

  private final ContractTarget target = ContractTarget.get();

  @BeforeEach
  void needsTheFixtureIdentity() {
    assumeTrue(target.hasFixtureIdentity(), "the server's identity is not the fixtures'");
  }

  @Test
  void discoveryDescribesTheKeyAndHandlers() {
    HttpResponse<byte[]> response = target.send(target.signRequest("camli/sig/discovery").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("11-sighelper-discovery"));
  }

  @Test
  void theBareRootRedirectsToDiscovery() {
    HttpResponse<byte[]> response = target.send(target.signRequest("").GET());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/sighelper/camli/sig/discovery");
    assertThat(Blobs.contentType(response)).isEqualTo("text/html; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("12-sighelper-root-redirect"));
  }

  @Test
  void thePublicKeyIsServedAsABlob() {
    HttpResponse<byte[]> response = target.send(target.signRequest("camli/" + PUBLIC_KEY).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("Last-Modified"))
        .hasValue("Thu, 10 Jun 2010 23:42:15 GMT");
    assertThat(response.body()).isEqualTo(Fixtures.bytes("13-sighelper-public-key.resp.body"));
  }

  @Test
  void thePublicKeyIsInTheBlobStore() {
    HttpResponse<byte[]> response = Blobs.get(target, "camli/" + PUBLIC_KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Fixtures.bytes("13-sighelper-public-key.resp.body"));
  }

  @Test
  void signingAPermanodeGivesTheCapturedSignedBlob() {
    assertSigned("14-sighelper-sign-permanode");
  }

  @Test
  void signingTheSameInputAgainGivesTheSameBlob() {
    assertSigned("15-sighelper-sign-permanode-again");
  }

  @Test
  void signingAClaimGivesTheCapturedSignedBlob() {
    assertSigned("16-sighelper-sign-claim");
  }

  @Test
  void verifyingAValidBlobReturnsItsDataAsJsonSentAsText() {
    HttpResponse<byte[]> response = post("camli/sig/verify", "17-sighelper-verify-ok");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("17-sighelper-verify-ok"));
  }

  @Test
  void verifyingATamperedBlobIsHttp200WithSignatureValidFalse() {
    HttpResponse<byte[]> response = post("camli/sig/verify", "18-sighelper-verify-bad");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("18-sighelper-verify-bad"));
  }

  @Test
  void signingWithoutJsonIsA400() {
    assertPlain400(
        post("camli/sig/sign", "19-sighelper-sign-missing-json"), "19-sighelper-sign-missing-json");
  }

  @Test
  void signingJsonWithoutSignerIsA400() {
    assertPlain400(
        post("camli/sig/sign", "20-sighelper-sign-no-signer"), "20-sighelper-sign-no-signer");
  }

  @Test
  void getOnTheSignUrlIsA400PostRequired() {
    assertPlain400(
        target.send(target.signRequest("camli/sig/sign").GET()), "21-sighelper-sign-get-405ish");
  }

  private void assertSigned(String fixture) {
    HttpResponse<byte[]> response = post("camli/sig/sign", fixture);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(fixture));
  }

  private static void assertPlain400(HttpResponse<byte[]> response, String fixture) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(fixture));
  }

  private HttpResponse<byte[]> post(String path, String fixture) {
    return target.send(
        target
            .signRequest(path)
            .header("Content-Type", Blobs.FORM)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.request(fixture))));
  }
}
