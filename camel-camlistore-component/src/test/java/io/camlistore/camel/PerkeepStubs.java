package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * WireMock stubs answering like the real Perkeep server, with the bodies captured from it (files
 * under {@code wiremock/__files}, named after the shared fixture they come from).
 */
final class PerkeepStubs {
  /** The blob root the discovery fixture advertises. */
  static final String BLOB_ROOT = "/bs-and-maybe-also-index/";

  /** "Hello, Perkeep!\n" (fixture 42). */
  static final String HELLO_REF = "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";

  /** The 256 KiB binary chunk of fixture 44. */
  static final String BINARY_REF =
      "sha224-8d0bafd10b17e5d9198643950f2595dae8ef24f3c98346da53232091";

  /** The schema blob listed by the stat fixture 22. */
  static final String SCHEMA_REF =
      "sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6";

  /** A well-formed ref the server does not have (fixtures 47, 48). */
  static final String MISSING_REF =
      "sha224-00000000000000000000000000000000000000000000000000000000";

  /** "fixture blob one (sha224)\n", uploaded in fixtures 30 and 31. */
  static final String BLOB_ONE_REF =
      "sha224-645a09d3d849166386d2d3b144010524c8d3ca6cfc31567d2e1be781";

  /** "fixture blob two (sha1)\n", uploaded in fixture 30; the first blob the server lists. */
  static final String BLOB_TWO_REF = "sha1-7f9281ff490b7930c7fdb1861d234dba8680e702";

  /** The search root the discovery fixture advertises. */
  static final String SEARCH_ROOT = "/my-search/";

  /** The sign helper's sign handler the discovery fixture advertises. */
  static final String SIGN_HANDLER = "/sighelper/camli/sig/sign";

  /** The server's signing key (fixtures 11 and 13); the key of keys/test-identity-secring.gpg. */
  static final String SERVER_KEY_REF =
      "sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e";

  /** The id of {@link #SERVER_KEY_REF}. */
  static final String SERVER_KEY_ID = "7559C29EFA90DC38";

  /** The seeded permanode "Fixture permanode" (title, tags alpha/beta/gamma, description). */
  static final String FIXTURE_PERMANODE =
      "sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265";

  /** The seeded permanode "Fixture tree", the second result of fixture 75. */
  static final String TREE_PERMANODE =
      "sha224-c724b97139b9153fb1e5af5663479181cb2440760c4a14aada5ba16a";

  /** The file schema blob of random-3m.bin (fixture 65). */
  static final String FILE_REF = "sha224-12bbfefb58ff4b48aa952f276c323412c02cec1e767c21b9d2b033e2";

  /** The permanode the sign helper signed in fixture 14. */
  static final String SIGNED_PERMANODE =
      "sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4";

  /** The set-attribute claim (title) on {@link #SIGNED_PERMANODE} signed in fixture 16. */
  static final String SIGNED_CLAIM =
      "sha224-accd2ba4eaf30d158c9bebbf2863af562cc40fc2b896f6773fb6a9b5";

  /** The title value of the claim of fixture 16. */
  static final String SIGNED_TITLE = "Signed by the server <sighelper> & uploaded with curl";

  /** The continue token of the query page of fixture 75. */
  static final String CONTINUE_TOKEN =
      "pn:1795599023874987106:sha224-c724b97139b9153fb1e5af5663479181cb2440760c4a14aada5ba16a";

  /** The last ref of the enumerate page of fixture 54 (limit 5). */
  static final String PAGE_ONE_LAST =
      "sha224-00041fb0ff1dda643f25e14688879641f71310c47cd5d56a303c30e5";

  /** The last ref of the enumerate page of fixture 56 (after {@link #PAGE_ONE_LAST}). */
  static final String PAGE_TWO_LAST =
      "sha224-0009ebc52d2861fcd0f5c418951c59d9ceda56fad3c580c19f49aa75";

  private PerkeepStubs() {}

  /** {@return a per-class WireMock server that fails a test on any unstubbed request} */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(
            wireMockConfig()
                .dynamicPort()
                .usingFilesUnderClasspath("wiremock")
                .extensions(new UploadReceipts())
                // Perkeep sends Content-Length with every blob; so does the stub.
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER))
        .failOnUnmatchedRequests(true)
        .build();
  }

  /** {@return a response with a fixture body, typed as the server types its JSON} */
  private static ResponseDefinitionBuilder javascript(String file) {
    return aResponse().withHeader("Content-Type", "text/javascript").withBodyFile(file);
  }

  /** Answers discovery with fixture 01. */
  static void discovery(WireMockExtension server) {
    server.stubFor(
        get(urlEqualTo("/?camli.mode=config"))
            .willReturn(javascript("01-discovery-accept-header.json")));
  }

  /** Serves a blob's bytes from a fixture file, as the server does. */
  static void blob(WireMockExtension server, String ref, String file) {
    server.stubFor(
        get(urlEqualTo(BLOB_ROOT + "camli/" + ref))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBodyFile(file)));
  }

  /** Answers GET and HEAD of a blob with the server's 404 (fixtures 47 and 48). */
  static void missingBlob(WireMockExtension server, String ref) {
    server.stubFor(
        get(urlEqualTo(BLOB_ROOT + "camli/" + ref))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBodyFile("47-get-missing-404.txt")));
    server.stubFor(
        head(urlEqualTo(BLOB_ROOT + "camli/" + ref))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")));
  }

  /** Answers a stat request with a fixture body. */
  static void stat(WireMockExtension server, String file) {
    server.stubFor(post(urlEqualTo(BLOB_ROOT + "camli/stat")).willReturn(javascript(file)));
  }

  /** Answers an upload request with a fixture body. */
  static void upload(WireMockExtension server, String file) {
    server.stubFor(post(urlEqualTo(BLOB_ROOT + "camli/upload")).willReturn(javascript(file)));
  }

  /** Answers an enumerate request with the given {@code after} (absent when null). */
  static void enumerate(WireMockExtension server, String after, int limit, String file) {
    var request =
        get(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
            .withQueryParam("limit", equalTo(Integer.toString(limit)));
    request =
        after.isEmpty()
            ? request.withQueryParam(
                "after", com.github.tomakehurst.wiremock.client.WireMock.absent())
            : request.withQueryParam("after", equalTo(after));
    server.stubFor(
        request.willReturn(
            aResponse()
                .withHeader("Content-Type", "text/javascript; charset=utf-8")
                .withBodyFile(file)));
  }

  /** Answers a describe of one blob (GET, as the client sends it) with a fixture body. */
  static void describe(WireMockExtension server, String ref, String file) {
    server.stubFor(
        get(urlEqualTo(SEARCH_ROOT + "camli/search/describe?blobref=" + ref))
            .willReturn(javascript(file)));
  }

  /** Answers every query with a fixture body and status. */
  static void query(WireMockExtension server, int status, String file) {
    server.stubFor(
        post(urlEqualTo(SEARCH_ROOT + "camli/search/query"))
            .willReturn(javascript(file).withStatus(status)));
  }

  /** Answers the claims of a permanode, with the attribute filter unless it is null. */
  static void claims(
      WireMockExtension server, String permanode, @Nullable String attrFilter, String file) {
    String url =
        SEARCH_ROOT
            + "camli/search/claims?permanode="
            + permanode
            + (attrFilter == null ? "" : "&attrFilter=" + attrFilter);
    server.stubFor(get(urlEqualTo(url)).willReturn(javascript(file)));
  }

  /**
   * Answers the sign helper as the real one did: the signed permanode of fixture 14 for a
   * permanode, the signed claim of fixture 16 for a claim.
   */
  static void signHelper(WireMockExtension server) {
    for (String[] signed :
        new String[][] {
          {"permanode", "14-sighelper-sign-permanode.txt"}, {"claim", "16-sighelper-sign-claim.txt"}
        }) {
      server.stubFor(
          post(urlEqualTo(SIGN_HANDLER))
              .withFormParam("json", containing("\"camliType\": \"" + signed[0] + "\""))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "text/plain; charset=utf-8")
                      .withBodyFile(signed[1])));
    }
  }

  /** Answers an upload with a receipt for each uploaded part, like the real server. */
  static void uploadReceipts(WireMockExtension server) {
    server.stubFor(
        post(urlEqualTo(BLOB_ROOT + "camli/upload"))
            .willReturn(aResponse().withTransformers(UploadReceipts.NAME)));
  }

  /** {@return a connection to the stub, with one attempt per request and short timeouts} */
  static Connection connect(WireMockExtension server) {
    return Camlistore.connect(
        server.baseUrl() + "/",
        ConnectOptions.builder().maxAttempts(1).readTimeout(Duration.ofSeconds(10)).build());
  }

  /** {@return the server's secret keyring (test key only), as a file} */
  static Path secretKeyring() {
    try {
      return Path.of(
          Objects.requireNonNull(PerkeepStubs.class.getResource("/keys/test-identity-secring.gpg"))
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return the bytes of a fixture body file} */
  static byte[] fixture(String file) {
    try (InputStream in =
        Objects.requireNonNull(
            PerkeepStubs.class.getResourceAsStream("/wiremock/__files/" + file), file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
