package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sign helper's answers to requests the captured exchanges do not cover. */
@CamlistoreServer(user = "alice", password = "secret", signing = true)
class SignHelperIT {
  private static final String KEY = TestIdentity.publicKeyBlobRef().toString();

  @Test
  void signingRejectsWhatIsNotAnObjectWithTheServersSigner(EmbeddedCamlistoreServer server) {
    assertPlain400(sign(server, "not json"), "json parse error");
    assertPlain400(sign(server, "[1, 2]"), "json parse error");
    assertPlain400(
        sign(server, "{\"camliVersion\": 1, \"camliSigner\": 5}"),
        "json \"camliSigner\" key is malformed or unsupported");
    String other = "sha224-" + "1".repeat(56);
    assertPlain400(
        sign(server, "{\"camliVersion\": 1, \"camliSigner\": \"" + other + "\"}"),
        "failed to find public key " + other);
    assertPlain400(
        sign(server, "{\"camliSigner\": \"" + KEY + "\"}"),
        "unsigned JSON lacks \"camliVersion\"; verifiers reject signed blobs without it");
  }

  @Test
  void verifyingNeedsASignedBlobOfTheServersKey(EmbeddedCamlistoreServer server) {
    assertPlain400(form(server, "camli/sig/verify", ""), "missing \"sjson\" parameter");

    String unsigned =
        text(form(server, "camli/sig/verify", "sjson=" + encode("{\"camliVersion\": 1}")));

    assertThat(unsigned)
        .startsWith("{\n  \"signatureValid\": false,\n  \"errorMessage\": \"no ,\\\"camliSig\\\"");
  }

  @Test
  void otherPathsAndMethodsAreA400(EmbeddedCamlistoreServer server) {
    HttpResponse<byte[]> unknown = send(server, "camli/nothing", "GET", "");
    HttpResponse<byte[]> put = send(server, "camli/sig/sign", "PUT", "json=x");

    assertPlain400(unknown, "Unsupported path or method.");
    assertPlain400(put, "Unsupported path or method.");
  }

  @Test
  void theSignHelperNeedsCredentials(EmbeddedCamlistoreServer server) {
    HttpResponse<byte[]> response =
        Http.send(Http.request(server, "/sighelper/camli/sig/discovery").GET());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void headOfThePublicKeyHasItsLengthAndNoBody(EmbeddedCamlistoreServer server) {
    HttpResponse<byte[]> response = send(server, "camli/" + KEY, "HEAD", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).hasValue("449");
    assertThat(response.body()).isEmpty();
  }

  private static HttpResponse<byte[]> sign(EmbeddedCamlistoreServer server, String json) {
    return form(server, "camli/sig/sign", "json=" + encode(json));
  }

  private static HttpResponse<byte[]> form(
      EmbeddedCamlistoreServer server, String path, String form) {
    return send(server, path, "POST", form);
  }

  private static HttpResponse<byte[]> send(
      EmbeddedCamlistoreServer server, String path, String method, String form) {
    return Http.send(
        Http.request(server, "/sighelper/" + path)
            .header("Authorization", "Token " + server.authToken())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(
                method,
                method.equals("GET") || method.equals("HEAD")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form)));
  }

  private static void assertPlain400(HttpResponse<byte[]> response, String message) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(text(response)).isEqualTo(message + "\n");
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
