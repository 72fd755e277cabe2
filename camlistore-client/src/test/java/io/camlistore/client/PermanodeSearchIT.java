package io.camlistore.client;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Permanodes and claims this client makes show up in a real server's search, claims and describe
 * answers, whether the client signs them itself ({@link TestIdentity#signer()}, the server owner's
 * key, as a {@code LocalSigner}) or has the server's sign helper sign them. A real server indexes
 * asynchronously, so every check waits for its indexer, with a bound; every permanode carries a
 * title and tag new at each run, so the checks see only this test's data in a shared store.
 */
@RealPerkeep
class PermanodeSearchIT {
  /** How long the server's asynchronous indexer may take to show what a test stored. */
  private static final Duration INDEXING = Duration.ofSeconds(60);

  /** Who signs the permanodes and claims. */
  enum Signing {
    LOCAL_SIGNER,
    SERVER_SIGN_HELPER
  }

  @TempDir Path temp;

  private static Connection connect(RealPerkeepServer server, Signing signing) {
    return Camlistore.connect(
        server.url(),
        TestkitSupport.options(server)
            .signer(signing == Signing.LOCAL_SIGNER ? TestkitSupport.identity() : null)
            .build());
  }

  private static String unique(String what) {
    return what + "-" + UUID.randomUUID();
  }

  private static List<BlobRef> refs(List<SearchResult> results) {
    return results.stream().map(SearchResult::blobRef).toList();
  }

  private static List<BlobRef> withAttribute(Connection conn, String attr, String value) {
    return refs(
        conn.searcher().query(SearchQuery.of(Constraint.attributeEquals(attr, value))).results());
  }

  @ParameterizedTest
  @EnumSource(Signing.class)
  void claimsShowUpInSearchClaimsAndDescribe(Signing signing, RealPerkeepServer server) {
    // JSON spells these differently from encoder to encoder; the signed bytes must still verify.
    String title = unique("e2e title: naïve <café> & \"☕\" \u2028");
    String tag = unique("e2e-tag");
    String dropped = unique("e2e-dropped");
    try (Connection conn = connect(server, signing)) {
      BlobRef node = conn.permanodes().create(Map.of("title", title));
      BlobRef tagged = conn.permanodes().addAttribute(node, "tag", tag);
      BlobRef added = conn.permanodes().addAttribute(node, "tag", dropped);
      BlobRef removed = conn.permanodes().delAttribute(node, "tag", dropped);
      BlobRef described = conn.permanodes().setAttribute(node, "description", "made by " + signing);

      await("the server's index")
          .atMost(INDEXING)
          .untilAsserted(
              () -> {
                assertThat(refs(conn.searcher().query("tag:" + tag))).containsExactly(node);
                assertThat(withAttribute(conn, "title", title)).containsExactly(node);
                assertThat(withAttribute(conn, "tag", dropped)).isEmpty();
                assertThat(refs(conn.searcher().permanodesWithAttribute("tag", tag)))
                    .containsExactly(node);

                BlobDescription description = conn.searcher().describeBlob(node);
                assertThat(description.type()).isEqualTo("permanode");
                assertThat(description.attributes())
                    .containsOnly(
                        Map.entry("title", List.of(title)),
                        Map.entry("tag", List.of(tag)),
                        Map.entry("description", List.of("made by " + signing)));

                List<ClaimMeta> claims = conn.searcher().getClaimsForPermanode(node);
                assertThat(claims)
                    .extracting(ClaimMeta::type, ClaimMeta::attr, ClaimMeta::value)
                    .containsExactly(
                        tuple("set-attribute", "title", title),
                        tuple("add-attribute", "tag", tag),
                        tuple("add-attribute", "tag", dropped),
                        tuple("del-attribute", "tag", dropped),
                        tuple("set-attribute", "description", "made by " + signing));
                assertThat(claims.subList(1, claims.size()))
                    .extracting(ClaimMeta::blobRef)
                    .containsExactly(tagged, added, removed, described);
                assertThat(claims)
                    .allSatisfy(
                        claim -> {
                          assertThat(claim.permanodeBlobRef()).isEqualTo(node);
                          assertThat(claim.signerBlobRef())
                              .isEqualTo(TestIdentity.publicKeyBlobRef());
                        });
              });
    }
  }

  @ParameterizedTest
  @EnumSource(Signing.class)
  void aDeletedPermanodeLeavesSearch(Signing signing, RealPerkeepServer server) {
    String tag = unique("e2e-deleted");
    try (Connection conn = connect(server, signing)) {
      BlobRef kept = conn.permanodes().create(Map.of("tag", tag, "title", "kept"));
      BlobRef deleted = conn.permanodes().create(Map.of("tag", tag, "title", "deleted"));
      await("the server's index")
          .atMost(INDEXING)
          .untilAsserted(
              () ->
                  assertThat(refs(conn.searcher().query("tag:" + tag)))
                      .containsExactlyInAnyOrder(kept, deleted));

      conn.permanodes().delete(deleted);

      await("the server's index")
          .atMost(INDEXING)
          .untilAsserted(
              () -> assertThat(refs(conn.searcher().query("tag:" + tag))).containsExactly(kept));
    }
  }

  @ParameterizedTest
  @EnumSource(Signing.class)
  void aFileStoredWithAPermanodeIsFoundByItsTitleAndContent(
      Signing signing, RealPerkeepServer server) throws IOException {
    String name = unique("e2e-file") + ".txt";
    byte[] content = unique("content of " + name).getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(temp.resolve(name), content);
    try (Connection conn = connect(server, signing)) {
      FileUpload upload = conn.files().putFile(file, FileOptions.permanode());
      BlobRef node = requireNonNull(upload.permanodeRef());

      await("the server's index")
          .atMost(INDEXING)
          .untilAsserted(
              () -> {
                assertThat(withAttribute(conn, "title", name)).containsExactly(node);
                assertThat(conn.searcher().describeBlob(node).attribute("camliContent"))
                    .isEqualTo(upload.contentRef().toString());
                assertThat(conn.searcher().filesWithContent(BlobRef.compute("sha224", content)))
                    .containsExactly(upload.contentRef());
                assertThat(
                        refs(
                            conn.searcher()
                                .query(
                                    SearchQuery.of(Constraint.fileName(StringMatch.equalTo(name))))
                                .results()))
                    .containsExactly(upload.contentRef());
                BlobDescription described = conn.searcher().describeBlob(upload.contentRef());
                assertThat(described.fileName()).isEqualTo(name);
                assertThat(described.fileSize()).isEqualTo((long) content.length);
                assertThat(described.wholeRef()).isEqualTo(BlobRef.compute("sha224", content));
              });
    }
  }
}
