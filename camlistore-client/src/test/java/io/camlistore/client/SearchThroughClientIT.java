package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.client.internal.schema.StaticSet;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's permanode, claim and search API against the embedded server: what the client writes,
 * the server indexes, and searches find it back.
 */
@CamlistoreServer(signing = true)
class SearchThroughClientIT {
  private Connection conn;
  private PermanodeClient permanodes;
  private SearchClient search;

  @BeforeEach
  void connect(EmbeddedCamlistoreServer server) {
    server.reset();
    conn = Camlistore.connect(server.url());
    permanodes = conn.permanodes();
    search = conn.searcher();
  }

  @AfterEach
  void disconnect() {
    conn.close();
  }

  @Test
  void describeShowsAttributesAfterSetAddAndDeleteClaims() {
    BlobRef photo = permanodes.create();
    permanodes.setAttribute(photo, "title", "Holiday");
    permanodes.addAttribute(photo, "tag", "sea");
    permanodes.addAttribute(photo, "tag", "sun");
    BlobRef last = permanodes.delAttribute(photo, "tag", "sea");

    BlobDescription described = search.describeBlob(photo);

    assertThat(described.type()).isEqualTo("permanode");
    assertThat(described.attributes())
        .containsExactly(Map.entry("tag", List.of("sun")), Map.entry("title", List.of("Holiday")));
    assertThat(described.modTime()).isEqualTo(claim(photo, last).time());
  }

  @Test
  void claimsAreListedOldestFirstAndCanBeFilteredByAttribute() {
    BlobRef photo = permanodes.create(Map.of("title", "Holiday"));
    permanodes.addAttribute(photo, "tag", "sea");
    permanodes.delAttribute(photo, "tag");

    List<ClaimMeta> claims = search.getClaimsForPermanode(photo);
    List<ClaimMeta> tags = search.getClaimsForPermanode(photo, "tag");

    assertThat(claims)
        .extracting(ClaimMeta::type, ClaimMeta::attr, ClaimMeta::value)
        .containsExactly(
            tuple("set-attribute", "title", "Holiday"),
            tuple("add-attribute", "tag", "sea"),
            tuple("del-attribute", "tag", null));
    assertThat(claims).extracting(ClaimMeta::time).isSorted();
    assertThat(claims)
        .allSatisfy(c -> assertThat(c.signerBlobRef()).isEqualTo(TestIdentity.publicKeyBlobRef()));
    assertThat(tags).extracting(ClaimMeta::type).containsExactly("add-attribute", "del-attribute");
    assertThat(search.describeBlob(photo).attributes()).containsOnlyKeys("title");
  }

  @Test
  void queriesFindPermanodesByAttributeTypeAndExpression() {
    BlobRef beach = permanodes.create(Map.of("title", "Beach day"));
    permanodes.addAttribute(beach, "tag", "holiday");
    BlobRef office = permanodes.create(Map.of("title", "Office"));
    permanodes.addAttribute(office, "tag", "work");

    assertThat(refs(search.query(SearchQuery.of(Constraint.attributeEquals("tag", "holiday")))))
        .containsExactly(beach);
    assertThat(refs(search.query(SearchQuery.of(Constraint.camliType("permanode")))))
        .containsExactly(office, beach);
    assertThat(refs(search.query("tag:work"))).containsExactly(office);
    assertThat(refs(search.query("title:BEACH"))).containsExactly(beach);
    assertThat(refs(search.query("attr:title:Office or tag:holiday")))
        .containsExactly(office, beach);
    assertThat(refs(search.query("-tag:work"))).containsExactly(beach);
    assertThat(
            refs(
                search.query(
                    SearchQuery.of(
                        Constraint.attributeMatches(
                                "title", StringMatch.startsWith("off").ignoringCase())
                            .or(Constraint.attributeEquals("tag", "nothing"))))))
        .containsExactly(office);
    assertThat(
            refs(
                search.query(
                    SearchQuery.of(
                        Constraint.camliType("permanode")
                            .and(Constraint.not(Constraint.hasAttribute("tag")))))))
        .isEmpty();
  }

  @Test
  void continueTokensPageThroughEveryPermanodeNewestFirst() {
    List<BlobRef> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(permanodes.create(Map.of("title", "Page item " + i)));
    }
    SearchQuery firstPage =
        SearchQuery.builder().constraint(Constraint.camliType("permanode")).limit(2).build();

    SearchResults page = search.query(firstPage);
    List<BlobRef> all = search.queryAll(firstPage).map(SearchResult::blobRef).toList();

    assertThat(refs(page)).containsExactly(made.get(4), made.get(3));
    assertThat(page.continueToken()).isNotNull();
    List<BlobRef> newestFirst = new ArrayList<>(made);
    Collections.reverse(newestFirst);
    assertThat(all).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void queryResultsCanBeDescribedInline() {
    BlobRef photo = permanodes.create(Map.of("title", "Inline"));

    SearchResults results =
        search.query(
            SearchQuery.builder()
                .expression("title:inline")
                .describe(DescribeOptions.defaults())
                .build());

    assertThat(results.results()).hasSize(1);
    assertThat(results.results().get(0).description())
        .satisfies(d -> assertThat(d.attribute("title")).isEqualTo("Inline"));
    assertThat(results.descriptions()).containsOnlyKeys(photo);
  }

  @Test
  void aDeletedPermanodeNoLongerMatches() {
    BlobRef kept = permanodes.create(Map.of("tag", "doomed"));
    BlobRef deleted = permanodes.create(Map.of("tag", "doomed"));

    permanodes.delete(deleted);

    assertThat(refs(search.query("tag:doomed"))).containsExactly(kept);
  }

  @Test
  void aLocalSignerWithTheServersKeyIsTrustedLikeTheSignHelper(EmbeddedCamlistoreServer server) {
    try (Connection local =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().signer(TestkitSupport.identity()).build())) {
      BlobRef made = local.permanodes().create(Map.of("title", "Signed here"));

      assertThat(search.describeBlob(made).attribute("title")).isEqualTo("Signed here");
      assertThat(refs(search.query("title:here"))).containsExactly(made);
    }
  }

  @Test
  void filesAreDescribedWithNameSizeTypeAndContentAndFoundByNameAndContent() {
    Blob chunk = Blob.of("Hello, Perkeep!\n");
    Blob file =
        SchemaBlobs.of(
            FileSchema.file(
                "greeting.txt",
                List.of(Part.blob(chunk.blobRef(), chunk.size())),
                FileMetadata.builder()
                    .modificationTime(Instant.parse("2020-11-01T12:00:00Z"))
                    .build()),
            "sha224");
    conn.blobs().putMulti(chunk, file);
    BlobRef node = permanodes.create(Map.of("camliContent", file.blobRef().toString()));

    BlobDescription described = search.describeBlob(file.blobRef());

    assertThat(described.type()).isEqualTo("file");
    assertThat(described.fileName()).isEqualTo("greeting.txt");
    assertThat(described.fileSize()).isEqualTo(16L);
    assertThat(described.mimeType()).isEqualTo("text/plain");
    assertThat(described.wholeRef()).isEqualTo(chunk.blobRef());
    assertThat(described.fileTime()).isEqualTo(Instant.parse("2020-11-01T12:00:00Z"));
    assertThat(
            refs(search.query(SearchQuery.of(Constraint.fileName(StringMatch.endsWith(".txt"))))))
        .containsExactly(file.blobRef());
    assertThat(
            refs(
                search.query(
                    SearchQuery.of(Constraint.mimeType(StringMatch.equalTo("text/plain"))))))
        .containsExactly(file.blobRef());
    assertThat(search.filesWithContent(chunk.blobRef())).containsExactly(file.blobRef());
    BlobRef unknown = Blob.of("no file holds this").blobRef();
    assertThat(search.filesWithContent(List.of(unknown, chunk.blobRef(), unknown)))
        .containsExactly(
            Map.entry(unknown, List.of()), Map.entry(chunk.blobRef(), List.of(file.blobRef())));
    assertThat(refs(search.query("filename:*.txt"))).containsExactly(node);
  }

  @Test
  void directoriesListTheirEntries() {
    Blob a = fileOf("a.txt", Blob.of("a\n"));
    Blob b = fileOf("b.txt", Blob.of("b\n"));
    StaticSet entries =
        StaticSet.forDirectory(
            List.of(
                new StaticSet.DirectoryMember("a.txt", false, a.blobRef()),
                new StaticSet.DirectoryMember("b.txt", false, b.blobRef())),
            "sha224");
    Blob dir =
        SchemaBlobs.of(
            FileSchema.directory("docs", entries.top().blobRef(), FileMetadata.empty()), "sha224");
    conn.blobs().putMulti(List.of(a, b, entries.top(), dir));

    BlobDescription described = search.describeBlob(dir.blobRef());

    assertThat(described.fileName()).isEqualTo("docs");
    assertThat(described.directoryEntryCount()).isEqualTo(2L);
    assertThat(described.directoryChildren()).containsExactly(a.blobRef(), b.blobRef());
    assertThat(described.describeAnother(b.blobRef()).fileName()).isEqualTo("b.txt");
  }

  @Test
  void lookupsFindRecentPermanodesAttributeValuesAndMembers() {
    BlobRef album = permanodes.create(Map.of("title", "Album"));
    BlobRef photo = permanodes.create(Map.of("title", "Photo"));
    permanodes.addAttribute(photo, "tag", "print");
    permanodes.addAttribute(album, "camliMember", photo.toString());

    assertThat(search.recentPermanodes(2))
        .extracting(SearchResult::blobRef)
        .containsExactly(album, photo);
    assertThat(search.permanodesWithAttribute("tag", "print"))
        .extracting(SearchResult::blobRef)
        .containsExactly(photo);
    assertThat(
            search
                .permanodeWithSignerAttrValue(TestIdentity.publicKeyBlobRef(), "title", "Album")
                .blobRef())
        .isEqualTo(album);
    assertThat(search.edgesTo(photo)).extracting(e -> e.from()).containsExactly(album);
  }

  @Test
  void whatTheEmbeddedServerCannotEvaluateIsAServerError() {
    assertThatThrownBy(() -> search.query("childrenof:sha224-abc"))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining(
            "Not supported by the embedded Camlistore server: permanode.relation");
  }

  @Test
  void resetKeepsOnlyThePublicKey(EmbeddedCamlistoreServer server) {
    permanodes.create(Map.of("title", "Gone"));

    server.reset();

    assertThat(server.blobRefs()).containsExactly(TestIdentity.publicKeyBlobRef());
    assertThat(search.query("title:gone")).isEmpty();
  }

  private Blob fileOf(String name, Blob content) {
    conn.blobs().put(content);
    return SchemaBlobs.of(
        FileSchema.file(
            name, List.of(Part.blob(content.blobRef(), content.size())), FileMetadata.empty()),
        "sha224");
  }

  private ClaimMeta claim(BlobRef permanode, BlobRef claim) {
    return search.getClaimsForPermanode(permanode).stream()
        .filter(c -> c.blobRef().equals(claim))
        .findFirst()
        .orElseThrow();
  }

  private static List<BlobRef> refs(SearchResults results) {
    return refs(results.results());
  }

  private static List<BlobRef> refs(List<SearchResult> results) {
    return results.stream().map(SearchResult::blobRef).toList();
  }
}
