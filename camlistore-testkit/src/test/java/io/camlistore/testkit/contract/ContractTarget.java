package io.camlistore.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.protocol.AuthSpec;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The server the contract suite runs against, chosen by the system property {@value
 * #TARGET_PROPERTY}: {@code embedded} (an embedded server with Basic auth {@code alice:secret} and
 * the fixtures' identity, {@link TestIdentity}), or {@code real} (the {@link RealPerkeepServer} the
 * environment names; {@link ContractTargetCondition} skips the suite, saying why, when it names
 * none). Without the property: the real server when the environment names one, else an embedded
 * one. Talks raw HTTP so that the same assertions hold for both, and bounds every request by {@link
 * #REQUEST_TIMEOUT}.
 */
final class ContractTarget {
  /** The system property choosing the target: {@code embedded} or {@code real}. */
  static final String TARGET_PROPERTY = "camlistore.contract.target";

  /** How long any request may take before its test fails, so that no contract test can hang. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private static @Nullable ContractTarget instance;

  private final String description;
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
  private final @Nullable String publicKeyRef;

  private ContractTarget(String description, URI base, AuthSpec auth, boolean embedded) {
    this.description = description;
    this.base = base;
    this.authorization = auth.authorizationHeader();
    this.embedded = embedded;
    JsonNode discovery = discovery();
    this.blobRoot = discovery.get("blobRoot").asText();
    this.searchRoot = discovery.path("searchRoot").asText();
    this.signRoot = discovery.has("jsonSignRoot") ? discovery.get("jsonSignRoot").asText() : null;
    JsonNode signing = discovery.path("signing");
    this.keyId = signing.has("publicKeyId") ? signing.get("publicKeyId").asText() : null;
    this.publicKeyRef =
        signing.has("publicKeyBlobRef") ? signing.get("publicKeyBlobRef").asText() : null;
  }

  /**
   * {@return whether the suite is to run against a real server: {@value #TARGET_PROPERTY} says
   * {@code real}, or is unset while the environment names one}
   *
   * @throws IllegalArgumentException if the property has another value
   */
  static boolean wantsRealServer() {
    String wanted = System.getProperty(TARGET_PROPERTY, "");
    return switch (wanted) {
      case "real" -> true;
      case "embedded" -> false;
      case "" -> RealPerkeepServer.fromEnvironment() != null;
      default ->
          throw new IllegalArgumentException(
              TARGET_PROPERTY + " must be 'embedded' or 'real', was '" + wanted + "'");
    };
  }

  static synchronized ContractTarget get() {
    ContractTarget target = instance;
    if (target == null) {
      target = create();
      announce(target);
      instance = target;
    }
    return target;
  }

  private static ContractTarget create() {
    if (wantsRealServer()) {
      RealPerkeepServer server = RealPerkeepServer.fromEnvironment();
      if (server == null) {
        throw new IllegalStateException(RealPerkeepServer.URL_VARIABLE + " unset");
      }
      return new ContractTarget(
          "the real Perkeep server at " + server.url(),
          URI.create(server.url()),
          AuthSpec.parse(server.authSpec()),
          false);
    }
    EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .basicAuth("alice", "secret")
            .signer(TestIdentity.signer())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    return new ContractTarget(
        "an embedded server at " + server.url(),
        URI.create(server.url()),
        AuthSpec.basic("alice", "secret"),
        true);
  }

  /** Says once, in the test output, which server the contract suite talks to. */
  @SuppressWarnings("SystemOut")
  private static void announce(ContractTarget target) {
    System.out.println("Contract suite target: " + target);
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

  /** {@return the base URL, ending in a slash} */
  URI base() {
    return base;
  }

  /** {@return the Authorization header the requests carry, if any} */
  @Nullable String authorization() {
    return authorization;
  }

  /**
   * {@return whether the server's identity is the one the fixtures were signed with, so that its
   * sign helper's output matches the fixtures}
   */
  boolean hasFixtureIdentity() {
    return TestIdentity.KEY_ID.equals(keyId) && signRoot != null;
  }

  /** {@return the ref of the public key the server signs with, if it has a sign helper} */
  @Nullable String publicKeyRef() {
    return signRoot == null ? null : publicKeyRef;
  }

  /** {@return the discovered search root path, e.g. /my-search/} */
  String searchRoot() {
    return searchRoot;
  }

  /** {@return a value URL-encoded for a query string} */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
        .timeout(REQUEST_TIMEOUT);
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

  /**
   * Sends exactly as built, without adding credentials, and waits for the whole answer at most
   * {@link #REQUEST_TIMEOUT} (the request's own timeout does not cover every case: the JDK client
   * ignores it while it waits for a {@code 100 Continue} that never comes).
   */
  HttpResponse<byte[]> sendAsIs(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        http.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return answer.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new AssertionError(noAnswer(built), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
        throw new AssertionError(noAnswer(built), e.getCause());
      }
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", io);
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String noAnswer(HttpRequest request) {
    return request.method() + " " + request.uri() + " got no answer within " + REQUEST_TIMEOUT;
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

  @Override
  public String toString() {
    return description;
  }
}
