package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests without valid credentials get the real server's 401; the discovery token is accepted in
 * their place. Skipped when the target needs no auth, or lets unauthenticated local requests
 * through (a real server with {@code +localhost} reached from its own uid).
 */
@ContractTest
class AuthContractIT {
  private static final String FIXTURE_401 = "04-discovery-no-auth-401";

  private final ContractTarget target = ContractTarget.get();

  @BeforeEach
  void requireAuth() {
    assumeTrue(target.authConfigured(), "the target server needs no credentials");
    int anonymous =
        target
            .sendAsIs(target.request("/").header("Accept", "text/x-camli-configuration"))
            .statusCode();
    assumeTrue(anonymous == 401, "the target accepts unauthenticated local requests");
  }

  @Test
  void discoveryWithoutCredentialsIs401WithABasicChallenge() {
    HttpResponse<byte[]> response = target.sendAsIs(target.request("/?camli.mode=config"));

    assertUnauthorized(response);
  }

  @Test
  void blobGetWithoutCredentialsIs401() {
    HttpResponse<byte[]> response =
        target.sendAsIs(
            target.blobRequest(
                "camli/sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3"));

    assertUnauthorized(response);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("92-blob-no-auth-401"));
  }

  @Test
  void wrongPasswordIs401() {
    String wrong =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:wrong".getBytes(StandardCharsets.US_ASCII));

    HttpResponse<byte[]> response =
        target.sendAsIs(target.request("/?camli.mode=config").header("Authorization", wrong));

    assertUnauthorized(response);
  }

  @Test
  void tokenFromDiscoveryIsAcceptedInsteadOfAPassword() {
    byte[] content = Blobs.unique();
    Blobs.store(target, content);
    String token = target.discovery().get("authToken").asText();

    HttpResponse<byte[]> response =
        target.sendAsIs(
            target
                .blobRequest("camli/" + Blobs.ref(content))
                .header("Authorization", "Token " + token));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(content);
  }

  @Test
  void wrongTokenIs401() {
    HttpResponse<byte[]> response =
        target.sendAsIs(
            target
                .blobRequest("camli/enumerate-blobs")
                .header("Authorization", "Token 0000000000000000000000000000000000000000"));

    assertUnauthorized(response);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("99-auth-token-wrong-401"));
  }

  @Test
  void uploadWithoutCredentialsStoresNothing() {
    byte[] content = Blobs.unique();

    HttpResponse<byte[]> response =
        target.sendAsIs(Blobs.uploadRequest(target, Blobs.multipart(Blobs.ref(content), content)));

    assertUnauthorized(response);
    assertThat(Blobs.get(target, "camli/" + Blobs.ref(content)).statusCode()).isEqualTo(404);
  }

  @Test
  void aLargeUnauthorizedUploadIsRefusedFromItsHeadersAndTheConnectionClosed() {
    try (RawHttp connection = RawHttp.open(target)) {
      // Only the head of a 1 MiB upload: more than Go reads of a body its handler left unread.
      RawHttp.Response response = connection.exchange(upload(1 << 20), false, new byte[0]);

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(response.text()).isEqualTo(Fixtures.response(FIXTURE_401));
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void aSmallUnauthorizedUploadIsReadBeforeTheAnswerAndTheConnectionKept() {
    byte[] body = new byte[100_000];

    try (RawHttp connection = RawHttp.open(target)) {
      RawHttp.Response refused = connection.exchange(upload(body.length), false, body);
      RawHttp.Response next =
          connection.exchange(List.of("GET /?camli.mode=config HTTP/1.1"), true, new byte[0]);

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("Connection")).isNull();
      assertThat(next.status()).isEqualTo(200);
    }
  }

  @Test
  void aChunkedUnauthorizedUploadIsReadUpTo256KiBThenRefusedAndTheConnectionClosed() {
    // Without a declared length, Go reads up to 256 KiB of what the handler left, then gives up.
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 << 10];
    for (int i = 0; i < 5; i++) {
      chunked.writeBytes(
          (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.writeBytes(chunk);
      chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    try (RawHttp connection = RawHttp.open(target)) {
      RawHttp.Response response =
          connection.exchange(
              List.of(
                  "POST " + target.blobRoot() + "camli/upload HTTP/1.1",
                  "Content-Type: " + Blobs.MULTIPART,
                  "Transfer-Encoding: chunked"),
              false,
              chunked.toByteArray());

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  private List<String> upload(int length) {
    return List.of(
        "POST " + target.blobRoot() + "camli/upload HTTP/1.1",
        "Content-Type: " + Blobs.MULTIPART,
        "Content-Length: " + length);
  }

  private static void assertUnauthorized(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"\"");
    assertThat(Blobs.contentType(response)).isEqualTo("text/html; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(FIXTURE_401));
  }
}
