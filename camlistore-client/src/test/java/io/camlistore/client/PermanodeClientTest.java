package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.BlobListener;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating permanodes and claims through the server's sign helper, against the testkit's embedded
 * server (its blob store, sign helper and search index), counting the requests it received.
 */
class PermanodeClientTest {
  static final String SIGN = "/sighelper/camli/sig/sign";
  static final BlobRef SERVER_KEY =
      BlobRef.parse("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");
  static final ObjectMapper JSON = new ObjectMapper();
  static final SignatureVerifier VERIFIER =
      SignatureVerifier.forPublicKey(SigningFixtures.publicKeyBlob());

  @CamlistoreServer(user = "alice", password = "secret", signing = true)
  static EmbeddedCamlistoreServer server;

  /** Every blob the server stored, in the order it stored them. */
  final List<BlobRef> stored = Collections.synchronizedList(new ArrayList<>());

  final BlobListener recorder = (ref, content) -> stored.add(ref);

  Connection conn;

  @BeforeEach
  void connect() {
    server.reset();
    server.addBlobListener(recorder);
    conn = connect(ConnectOptions.builder());
  }

  @AfterEach
  void noLeakedConnections() {
    server.removeBlobListener(recorder);
    assertThat(conn.leasedHttpConnections()).isZero();
    conn.close();
  }

  static Connection connect(ConnectOptions.Builder options) {
    return Camlistore.connect(
        server.url(), options.auth(Auth.basic("alice", "secret")).maxAttempts(1).build());
  }

  static long requests(Predicate<RecordedRequest> which) {
    return server.requests().stream().filter(which).count();
  }

  static long signs() {
    return requests(r -> r.method().equals("POST") && r.path().equals(SIGN));
  }

  static long stats() {
    return requests(r -> r.isBlobAction("POST", "stat"));
  }

  static long uploads() {
    return requests(r -> r.isBlobAction("POST", "upload"));
  }

  static String text(BlobRef ref) {
    return new String(Objects.requireNonNull(server.blob(ref)), StandardCharsets.UTF_8);
  }

  /** A stored blob the server's sign helper signed, parsed. */
  JsonNode stored(BlobRef ref) throws Exception {
    assertThat(server.contains(ref)).as("stored blob %s", ref).isTrue();
    String text = text(ref);
    assertThat(VERIFIER.verify(text).valid()).as("signature of %s", ref).isTrue();
    return JSON.readTree(text);
  }

  PermanodeClient withClock(Instant time) {
    return new PermanodeClient(conn.blobs(), conn::signer, Clock.fixed(time, ZoneOffset.UTC));
  }

  @Test
  void createSignsAndUploadsARandomPermanodeWithoutAskingTheServerFirst() throws Exception {
    BlobRef permanode = conn.permanodes().create();

    JsonNode blob = stored(permanode);
    assertThat(blob.path("camliType").asText()).isEqualTo("permanode");
    assertThat(blob.path("camliSigner").asText()).isEqualTo(SERVER_KEY.toString());
    assertThat(blob.path("random").asText()).hasSize(28).endsWith("=");
    assertThat(Instant.parse(blob.path("claimDate").asText()))
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(signs()).isEqualTo(1);
    // Its random bytes make it new: no stat before the upload.
    assertThat(stats()).isZero();
    assertThat(uploads()).isEqualTo(1);
    assertThat(conn.permanodes().create()).isNotEqualTo(permanode);
  }

  @Test
  void createWithAttributesUploadsThePermanodeAndOneSetClaimPerAttributeTogether()
      throws Exception {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("title", "Holiday");
    attributes.put("description", "Beach <3 & sun");

    BlobRef permanode = withClock(Instant.parse("2026-11-25T09:30:13Z")).create(attributes);

    assertThat(stored).hasSize(3);
    assertThat(signs()).isEqualTo(3);
    assertThat(stats()).isZero();
    assertThat(uploads()).isEqualTo(1);
    assertThat(stored(permanode).path("claimDate").asText()).isEqualTo("2026-11-25T09:30:13Z");
    List<ClaimMeta> claims = conn.searcher().getClaimsForPermanode(permanode);
    assertThat(claims)
        .extracting(ClaimMeta::type, ClaimMeta::attr, ClaimMeta::value)
        .containsExactly(
            tuple("set-attribute", "title", "Holiday"),
            tuple("set-attribute", "description", "Beach <3 & sun"));
    // One clock tick: the dates still strictly increase, in call order.
    assertThat(claims)
        .extracting(ClaimMeta::time)
        .containsExactly(
            Instant.parse("2026-11-25T09:30:13.000000001Z"),
            Instant.parse("2026-11-25T09:30:13.000000002Z"));
    assertThat(text(claims.get(1).blobRef())).contains("Beach \\u003c3 \\u0026 sun");
  }

  @Test
  void attributeClaimsNameThePermanodeAttributeAndValue() throws Exception {
    PermanodeClient permanodes = withClock(Instant.parse("2026-11-25T10:00:00Z"));
    BlobRef permanode = permanodes.create();

    JsonNode set = stored(permanodes.setAttribute(permanode, "title", "T"));
    JsonNode add = stored(permanodes.addAttribute(permanode, "tag", "a"));
    JsonNode delOne = stored(permanodes.delAttribute(permanode, "tag", "a"));
    JsonNode delAll = stored(permanodes.delAttribute(permanode, "title"));
    JsonNode delete = stored(permanodes.delete(permanode));

    assertThat(set.path("claimType").asText()).isEqualTo("set-attribute");
    assertThat(set.path("permaNode").asText()).isEqualTo(permanode.toString());
    assertThat(set.path("attribute").asText()).isEqualTo("title");
    assertThat(set.path("value").asText()).isEqualTo("T");
    assertThat(add.path("claimType").asText()).isEqualTo("add-attribute");
    assertThat(delOne.path("claimType").asText()).isEqualTo("del-attribute");
    assertThat(delOne.path("value").asText()).isEqualTo("a");
    assertThat(delAll.has("value")).isFalse();
    assertThat(delete.path("claimType").asText()).isEqualTo("delete");
    assertThat(delete.path("target").asText()).isEqualTo(permanode.toString());
    assertThat(delete.has("permaNode")).isFalse();
    assertThat(delete.path("camliSigner").asText()).isEqualTo(SERVER_KEY.toString());
  }

  @Test
  void plannedPermanodeIsTheSameForTheSameKeyAndNotUploadedTwice() throws Exception {
    BlobRef first = conn.permanodes().createPlanned("my-key");
    BlobRef again = conn.permanodes().createPlanned("my-key");

    assertThat(again).isEqualTo(first);
    assertThat(stored(first).path("key").asText()).isEqualTo("my-key");
    assertThat(stored(first).path("claimDate").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(stats()).isEqualTo(2);
    assertThat(uploads()).isEqualTo(1);
  }

  @Test
  void eachClaimIsOneSignAndOneUploadWithoutAStat() {
    PermanodeClient permanodes = withClock(Instant.parse("2026-11-25T10:00:00Z"));
    BlobRef permanode = permanodes.create();
    server.clearRequests();
    stored.clear();

    BlobRef title = permanodes.setAttribute(permanode, "title", "T");
    BlobRef tag = permanodes.addAttribute(permanode, "tag", "a");
    BlobRef deletion = permanodes.delete(tag);

    assertThat(signs()).isEqualTo(3);
    assertThat(stats()).isZero();
    assertThat(uploads()).isEqualTo(3);
    assertThat(stored).containsExactly(title, tag, deletion);
  }

  @Test
  void aNewClaimTheServerDidNotReceiveFailsNamingItAndTheServersText() {
    Instant time = Instant.parse("2026-11-25T10:00:00Z");
    BlobRef permanode = withClock(time).create();
    // The sign helper's fixed time and the fixed clock make the claim's ref known in advance.
    BlobRef lost = withClock(time).setAttribute(permanode, "title", "lost");
    server.removeBlob(lost);
    server.faults().refuseBlob(lost);
    server.clearRequests();

    assertThatThrownBy(() -> withClock(time).setAttribute(permanode, "title", "lost"))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> assertThat(e.serverError()).contains("corrupt blob; digest doesn't match"))
        .hasMessageContaining("did not store 1 of 1");
    assertThat(server.contains(lost)).isFalse();
    assertThat(stats()).isZero();
  }

  @Test
  void badInputIsRejectedBeforeAnythingIsSigned() {
    PermanodeClient permanodes = conn.permanodes();
    BlobRef some = BlobRef.parse("sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265");

    assertThatThrownBy(() -> permanodes.create(Map.of("", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute name");
    assertThatThrownBy(() -> permanodes.setAttribute(some, "", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute name");
    assertThatThrownBy(() -> permanodes.delAttribute(some, "tag", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delAttribute(permanode, attr)");
    assertThatThrownBy(() -> permanodes.createPlanned(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
    assertThat(signs()).isZero();
  }

  @Test
  void aSigningRefusalUploadsNothing() {
    server.faults().failNextRequests(1, 400, r -> r.path().equals(SIGN));

    assertThatThrownBy(() -> conn.permanodes().create(Map.of("title", "x")))
        .isInstanceOf(SigningException.class);
    assertThat(uploads()).isZero();
    assertThat(stored).isEmpty();
  }

  /** A clock that answers the given instants in turn. */
  static Clock ticking(String... instants) {
    Iterator<Instant> times = Arrays.stream(instants).map(Instant::parse).iterator();
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return times.next();
      }
    };
  }

  @Test
  void withALocalSignerClaimsArePkPutsBytesAndTheKeyIsUploadedOnce() {
    LocalSigner identity = SigningFixtures.serverIdentity();
    BlobRef permanode =
        BlobRef.parse("sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265");
    Map<BlobRef, String> pkPut = new LinkedHashMap<>();
    SigningFixtures.signedUploads("pkput-permanode.txt")
        .forEach(upload -> pkPut.put(upload.declaredRef(), upload.text()));
    try (Connection local = connect(ConnectOptions.builder().signer(identity))) {
      PermanodeClient permanodes =
          new PermanodeClient(
              local.blobs(),
              local::signer,
              ticking("2026-11-25T09:30:13.304071302Z", "2026-11-25T09:30:13.35023705Z"));

      BlobRef title = permanodes.setAttribute(permanode, "title", "Fixture permanode");
      BlobRef alpha = permanodes.addAttribute(permanode, "tag", "alpha");

      assertThat(text(title)).isEqualTo(pkPut.get(title));
      assertThat(text(alpha)).isEqualTo(pkPut.get(alpha));
      assertThat(pkPut.keySet()).contains(title, alpha);
      assertThat(text(SERVER_KEY)).isEqualTo(identity.publicKeyBlob().text());
      // The server already holds the key (a reset server stores it again): the client stats it
      // once, then uploads each claim alone.
      assertThat(stored).containsExactly(title, alpha);
      assertThat(uploads()).isEqualTo(2);
    }
  }

  @Test
  void withALocalSignerAPlannedPermanodeIsPkPutsFileNode() {
    try (Connection local =
        connect(ConnectOptions.builder().signer(SigningFixtures.serverIdentity()))) {
      BlobRef planned =
          local
              .permanodes()
              .createPlanned("sha224-e078814d59b62f1d991dce2650277c8c8c4d829a5d9a42b2f981ddef");

      assertThat(planned)
          .isEqualTo(
              BlobRef.parse("sha224-505e9d4360bd6ea97eb1e895c68c88adde77c34b6a823075c6de0436"));
      assertThat(text(planned))
          .isEqualTo(SigningFixtures.text("raw/43g-get-permanode-planned.resp.body"));
    }
  }

  @Test
  void roundTripWithALocalSignerPassesTheServersSignatureCheck() {
    // The embedded index, like a real server's, counts only claims its owner's key signed.
    try (Connection local =
        connect(ConnectOptions.builder().signer(SigningFixtures.serverIdentity()))) {
      PermanodeClient permanodes = local.permanodes();
      BlobRef permanode = permanodes.create(Map.of("title", "Signed here"));
      permanodes.addAttribute(permanode, "tag", "local");

      BlobDescription description = local.searcher().describeBlob(permanode);

      assertThat(description.attribute("title")).isEqualTo("Signed here");
      assertThat(description.attributeValues("tag")).containsExactly("local");
      assertThat(local.searcher().getClaimsForPermanode(permanode)).hasSize(2);
    }
  }

  @Test
  void roundTripCreateSetTitleAddTagsThenDescribeAndListClaims() {
    PermanodeClient permanodes = conn.permanodes();
    SearchClient search = conn.searcher();

    BlobRef permanode = permanodes.create();
    BlobRef title = permanodes.setAttribute(permanode, "title", "Round trip");
    BlobRef alpha = permanodes.addAttribute(permanode, "tag", "alpha");
    BlobRef beta = permanodes.addAttribute(permanode, "tag", "beta");
    permanodes.addAttribute(permanode, "tag", "gamma");
    BlobRef removeGamma = permanodes.delAttribute(permanode, "tag", "gamma");

    BlobDescription description = search.describeBlob(permanode);
    assertThat(description.type()).isEqualTo("permanode");
    assertThat(description.attribute("title")).isEqualTo("Round trip");
    assertThat(description.attributeValues("tag")).containsExactly("alpha", "beta");
    List<ClaimMeta> claims = search.getClaimsForPermanode(permanode);
    assertThat(claims)
        .extracting(ClaimMeta::blobRef)
        .containsSubsequence(title, alpha, beta, removeGamma)
        .hasSize(5);
    assertThat(claims).extracting(ClaimMeta::time).isSorted();
    assertThat(claims).allSatisfy(c -> assertThat(c.signerBlobRef()).isEqualTo(SERVER_KEY));
    assertThat(search.getClaimsForPermanode(permanode, "tag"))
        .extracting(ClaimMeta::type, ClaimMeta::value)
        .containsExactly(
            tuple("add-attribute", "alpha"),
            tuple("add-attribute", "beta"),
            tuple("add-attribute", "gamma"),
            tuple("del-attribute", "gamma"));
  }
}
