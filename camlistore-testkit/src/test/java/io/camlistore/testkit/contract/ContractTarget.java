package io.camlistore.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The server the contract suite runs against: a real Perkeep server when {@code CAMLISTORE_IT_URL}
 * is set (with {@code CAMLISTORE_IT_AUTH} = {@code userpass:USER:PASS} or {@code none}), otherwise
 * an embedded server with Basic auth {@code alice:secret} and the fixtures' identity ({@link
 * TestIdentity}). Talks raw HTTP so that the same assertions hold for both.
 */
final class ContractTarget {
  private static @Nullable ContractTarget instance;

  private final URI base;
  private final @Nullable String authorization;
  private final boolean embedded;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String blobRoot;
  private final String searchRoot;
  private final @Nullable String signRoot;
  private final @Nullable String keyId;

  private ContractTarget(URI base, @Nullable String authorization, boolean embedded) {
    this.base = base;
    this.authorization = authorization;
    this.embedded = embedded;
    JsonNode discovery = discovery();
    this.blobRoot = discovery.get("blobRoot").asText();
    this.searchRoot = discovery.path("searchRoot").asText();
    this.signRoot = discovery.has("jsonSignRoot") ? discovery.get("jsonSignRoot").asText() : null;
    this.keyId =
        discovery.path("signing").has("publicKeyId")
            ? discovery.path("signing").get("publicKeyId").asText()
            : null;
  }

  static synchronized ContractTarget get() {
    if (instance == null) {
      instance = create();
    }
    return instance;
  }

  private static ContractTarget create() {
    String url = System.getenv("CAMLISTORE_IT_URL");
    if (url != null && !url.isBlank()) {
      return new ContractTarget(
          URI.create(url.endsWith("/") ? url : url + "/"),
          basicHeader(System.getenv("CAMLISTORE_IT_AUTH")),
          false);
    }
    EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .basicAuth("alice", "secret")
            .signer(TestIdentity.signer())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    return new ContractTarget(URI.create(server.url()), basicHeader("userpass:alice:secret"), true);
  }

  private static @Nullable String basicHeader(@Nullable String auth) {
    if (auth == null || auth.isBlank() || auth.equals("none")) {
      return null;
    }
    String[] parts = auth.split(":", 3);
    if (parts.length != 3 || !parts[0].equals("userpass")) {
      throw new IllegalArgumentException(
          "CAMLISTORE_IT_AUTH must be userpass:USER:PASS or none, was '" + auth + "'");
    }
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((parts[1] + ":" + parts[2]).getBytes(StandardCharsets.UTF_8));
  }

  /** {@return whether requests need credentials} */
  boolean authConfigured() {
    return authorization != null;
  }

  /** {@return whether this is the embedded server} */
  boolean embedded() {
    return embedded;
  }

  /** {@return the discovered blob root path, e.g. /bs-and-maybe-also-index/} */
  String blobRoot() {
    return blobRoot;
  }

  /**
   * {@return whether the server's identity is the one the fixtures were signed with, so that its
   * sign helper's output and its index's view of the seeded claims match the fixtures}
   */
  boolean hasFixtureIdentity() {
    return TestIdentity.KEY_ID.equals(keyId) && signRoot != null;
  }

  /** {@return the discovered search root path, e.g. /my-search/} */
  String searchRoot() {
    return searchRoot;
  }

  /** Builds a request for a search endpoint, e.g. {@code describe?blobref=…}. */
  HttpRequest.Builder searchRequest(String endpoint) {
    return request(searchRoot + "camli/search/" + endpoint);
  }

  /** Builds a request for a path under the sign helper, e.g. {@code camli/sig/sign}. */
  HttpRequest.Builder signRequest(String path) {
    if (signRoot == null) {
      throw new IllegalStateException("the server advertises no sign helper");
    }
    return request(signRoot + path);
  }

  /** Builds a request for a path relative to the server root (no leading slash needed). */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(Duration.ofSeconds(60));
  }

  /** Builds a request for a path under the blob root, e.g. {@code camli/stat}. */
  HttpRequest.Builder blobRequest(String camliPath) {
    return request(blobRoot + camliPath);
  }

  /** Sends with the configured credentials. */
  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
    return sendAsIs(request);
  }

  /** Sends exactly as built, without adding credentials. */
  HttpResponse<byte[]> sendAsIs(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@return the discovery document} */
  JsonNode discovery() {
    HttpResponse<byte[]> response =
        send(request("/").header("Accept", "text/x-camli-configuration"));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "discovery at " + base + " answered HTTP " + response.statusCode());
    }
    return json(response.body());
  }

  static JsonNode json(byte[] body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
