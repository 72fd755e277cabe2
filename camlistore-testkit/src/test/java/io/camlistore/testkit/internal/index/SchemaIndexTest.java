package io.camlistore.testkit.internal.index;

import static io.camlistore.testkit.internal.index.IndexFixture.KEY;
import static io.camlistore.testkit.internal.index.IndexFixture.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import io.camlistore.testkit.TestBlob;
import io.camlistore.testkit.internal.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SchemaIndexTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private final IndexFixture fixture = new IndexFixture();
  private final BlobStore store = fixture.store();
  private final SchemaIndex index = fixture.index();

  @Test
  void describeAppliesClaimsInDateOrderNotUploadOrder() {
    BlobRef node = permanode("p");
    put(claim(2, "set-attribute", node, "title", "later"));
    put(claim(1, "set-attribute", node, "title", "earlier"));
    put(claim(3, "add-attribute", node, "tag", "a"));
    put(claim(4, "add-attribute", node, "tag", "a"));

    Corpus.Attributes attrs = index.corpus().describeAttributes(node.toString(), null);

    assertThat(attrs.attributes())
        .containsExactly(Map.entry("tag", List.of("a")), Map.entry("title", List.of("later")));
    // The repeated add changes nothing, so the modification time is the first add's.
    assertThat(attrs.modtime()).isEqualTo(T0.plusSeconds(3));
    assertThat(index.corpus().attributeValues(node.toString(), "tag", null))
        .containsExactly("a", "a");
  }

  @Test
  void deletingOneValueOfAnAbsentAttributeLeavesAnEmptyListAsPerkeepDoes() {
    BlobRef node = permanode("p");
    put(claim(1, "del-attribute", node, "tag", "x"));
    put(claim(2, "set-attribute", node, "title", ""));

    Corpus.Attributes attrs = index.corpus().describeAttributes(node.toString(), null);

    assertThat(attrs.attributes()).containsExactly(Map.entry("tag", List.of()));
    assertThat(attrs.modtime()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void describeAtATimeIgnoresLaterClaims() {
    BlobRef node = permanode("p");
    put(claim(1, "set-attribute", node, "title", "one"));
    put(claim(5, "set-attribute", node, "title", "two"));

    assertThat(index.corpus().describeAttributes(node.toString(), T0.plusSeconds(2)).attributes())
        .containsEntry("title", List.of("one"));
    assertThat(index.corpus().attributeValues(node.toString(), "title", T0.plusSeconds(2)))
        .containsExactly("one");
  }

  @Test
  void deleteClaimsRemoveClaimsAndPermanodesUnlessThemselvesDeleted() {
    BlobRef node = permanode("p");
    TestBlob title = claim(1, "set-attribute", node, "title", "gone");
    put(title);
    TestBlob deleteTitle = deletion(2, title.blobRef());
    put(deleteTitle);
    TestBlob deleteNode = deletion(3, node);
    put(deleteNode);

    Corpus corpus = index.corpus();
    assertThat(corpus.claims(node.toString())).isEmpty();
    assertThat(corpus.isDeleted(node.toString())).isTrue();
    assertThat(corpus.modtime(node.toString())).isNull();

    put(deletion(4, deleteNode.blobRef()));
    assertThat(index.corpus().isDeleted(node.toString())).isFalse();
  }

  @Test
  void searchesStillSeeADeletedClaimThatDescribeLeavesOut() {
    BlobRef node = permanode("p");
    TestBlob tag = claim(1, "add-attribute", node, "tag", "still searched");
    put(tag);
    put(deletion(2, tag.blobRef()));

    Corpus corpus = index.corpus();
    assertThat(corpus.attributeValues(node.toString(), "tag", null))
        .containsExactly("still searched");
    assertThat(corpus.describeAttributes(node.toString(), null).attributes()).isEmpty();
    assertThat(corpus.claims(node.toString())).isEmpty();
  }

  @Test
  void claimsSignedByAnotherKeyOrUnverifiableAreIgnored() {
    BlobRef node = permanode("p");
    String forged =
        new String(claim(1, "set-attribute", node, "title", "real").data(), StandardCharsets.UTF_8)
            .replace("\"real\"", "\"fake\"");
    put(TestBlob.of(forged));

    assertThat(index.corpus().claims(node.toString())).isEmpty();
    assertThat(index.corpus().owner()).isEqualTo(KEY.toString());
  }

  @Test
  void anyTimePrefersTimeAttributesThenContentTimeThenModtime() {
    TestBlob chunk = put(TestBlob.of("content"));
    TestBlob file =
        put(
            TestSchemas.file(
                "f.txt", List.of(TestSchemas.part(chunk.blobRef(), 7)), T0.minusSeconds(99)));
    BlobRef dated = permanode("a");
    put(claim(1, "set-attribute", dated, "dateCreated", "2001-02-03T04:05:06Z"));
    BlobRef withContent = permanode("b");
    put(claim(1, "set-attribute", withContent, "camliContent", file.blobRef().toString()));
    BlobRef plain = permanode("c");
    put(claim(7, "set-attribute", plain, "title", "x"));

    Corpus corpus = index.corpus();
    assertThat(corpus.anyTime(dated.toString())).isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
    assertThat(corpus.anyTime(withContent.toString())).isEqualTo(T0.minusSeconds(99));
    assertThat(corpus.anyTime(plain.toString())).isEqualTo(T0.plusSeconds(7));
    assertThat(corpus.anyTime(permanode("none").toString())).isNull();
  }

  @Test
  void aFileIsReadThroughNestedBytesAndHolesForItsWholeRefAndType() {
    byte[] png = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, 10, 1, 2, 3};
    TestBlob head = put(TestBlob.of(png));
    TestBlob tail = put(TestBlob.of("tail"));
    TestBlob bytes =
        put(
            TestSchemas.bytes(
                List.of(
                    TestSchemas.part(head.blobRef(), 11), TestSchemas.part(tail.blobRef(), 4))));
    List<Map<String, Object>> parts = new ArrayList<>();
    parts.add(Map.of("bytesRef", bytes.blobRef().toString(), "size", 15));
    parts.add(Map.of("size", 2));
    TestBlob file = put(TestSchemas.file("pic.dat", parts, null));

    FileInfo info = Objects.requireNonNull(index.corpus().fileInfo(file.blobRef().toString()));

    byte[] whole = new byte[17];
    System.arraycopy(png, 0, whole, 0, 11);
    System.arraycopy("tail".getBytes(StandardCharsets.UTF_8), 0, whole, 11, 4);
    assertThat(info.size()).isEqualTo(17);
    assertThat(info.mimeType()).isEqualTo("image/png");
    assertThat(info.wholeRef()).isEqualTo(BlobRef.compute("sha224", whole).toString());
    assertThat(info.fileName()).isEqualTo("pic.dat");
  }

  @Test
  void aFileWithMissingChunksHasItsSizeButNoContentInformationUntilTheyArrive() {
    TestBlob chunk = TestBlob.of("late chunk");
    TestBlob file =
        put(TestSchemas.file("late.txt", List.of(TestSchemas.part(chunk.blobRef(), 10)), null));

    FileInfo before = Objects.requireNonNull(index.corpus().fileInfo(file.blobRef().toString()));
    List<String> filesBefore = index.filesWithContent(chunk.blobRef().toString());
    put(chunk);
    FileInfo after = Objects.requireNonNull(index.corpus().fileInfo(file.blobRef().toString()));

    assertThat(before.size()).isEqualTo(10);
    assertThat(before.wholeRef()).isNull();
    assertThat(before.mimeType()).isNull();
    assertThat(before.time()).isNull();
    assertThat(after.wholeRef()).isEqualTo(chunk.blobRef().toString());
    assertThat(after.mimeType()).isEqualTo("text/plain");
    assertThat(filesBefore).isEmpty();
    assertThat(index.filesWithContent(chunk.blobRef().toString()))
        .containsExactly(file.blobRef().toString());
  }

  @Test
  void filesWithContentListsEveryStoredFileOfThatContentInRefOrderUntilRemoved() {
    TestBlob chunk = put(TestBlob.of("shared content"));
    List<Map<String, Object>> parts = List.of(TestSchemas.part(chunk.blobRef(), 14));
    TestBlob first = put(TestSchemas.file("a.txt", parts, null));
    TestBlob second = put(TestSchemas.file("b.txt", parts, null));
    put(
        TestSchemas.file(
            "other.txt", List.of(TestSchemas.part(put(TestBlob.of("other")).blobRef(), 5)), null));
    List<String> both =
        List.of(first.blobRef().toString(), second.blobRef().toString()).stream().sorted().toList();

    List<String> found = index.filesWithContent(chunk.blobRef().toString());
    store.remove(first.blobRef());

    assertThat(found).isEqualTo(both);
    assertThat(index.filesWithContent(chunk.blobRef().toString()))
        .containsExactly(second.blobRef().toString());
    assertThat(index.filesWithContent(BlobRef.compute("sha224", new byte[] {1}).toString()))
        .isEmpty();
  }

  @Test
  void directoriesFollowMergedStaticSets() {
    TestBlob a = put(TestBlob.of("a"));
    TestBlob b = put(TestBlob.of("b"));
    TestBlob inner = put(TestSchemas.staticSet(List.of(b.blobRef())));
    TestBlob outer =
        put(
            TestBlob.schema(
                Map.of(
                    "camliType",
                    "static-set",
                    "members",
                    List.of(a.blobRef().toString()),
                    "mergeSets",
                    List.of(inner.blobRef().toString()))));
    TestBlob dir = put(TestSchemas.directory("d", outer.blobRef()));
    TestBlob broken = put(TestSchemas.directory("x", a.blobRef()));

    DirInfo info = Objects.requireNonNull(index.corpus().dirInfo(dir.blobRef().toString()));

    assertThat(info.children()).containsExactly(a.blobRef().toString(), b.blobRef().toString());
    assertThat(index.corpus().dirInfo(broken.blobRef().toString())).isNull();
    assertThat(index.corpus().dirInfo(a.blobRef().toString())).isNull();
  }

  @Test
  void onlyJsonObjectsWithVersionAndTypeAreSchemaBlobs() {
    assertThat(SchemaBlob.parse("r", bytes(" {\"camliVersion\": 1, \"camliType\": \"x\"}")))
        .isNotNull();
    assertThat(SchemaBlob.parse("r", bytes("{\"camliType\": \"x\"}"))).isNull();
    assertThat(SchemaBlob.parse("r", bytes("{\"camliVersion\": 1, \"camliType\": 5}"))).isNull();
    assertThat(SchemaBlob.parse("r", bytes("{\"camliVersion\": 1, \"camliType\": \"\"}"))).isNull();
    assertThat(SchemaBlob.parse("r", bytes("[{\"camliVersion\": 1}]"))).isNull();
    assertThat(SchemaBlob.parse("r", bytes("{\"camliVersion\": 1, \"camliType\": \"x\"} {}")))
        .isNull();
    assertThat(SchemaBlob.parse("r", bytes("{broken"))).isNull();
    assertThat(SchemaBlob.parse("r", new byte[0])).isNull();
  }

  @Test
  void aRemovedBlobLeavesTheIndex() {
    BlobRef node = permanode("p");
    TestBlob title = put(claim(1, "set-attribute", node, "title", "t"));

    store.remove(title.blobRef());

    assertThat(index.corpus().claims(node.toString())).isEmpty();
    assertThat(index.corpus().camliType(title.blobRef().toString())).isEmpty();
  }

  @Test
  void anIndexOverAStoreReadsTheBlobsAlreadyThere() {
    BlobRef node = permanode("p");
    put(claim(1, "set-attribute", node, "title", "t"));

    SchemaIndex fresh =
        new SchemaIndex(store, new ClaimVerifier(null, ref -> store.read(BlobRef.parse(ref))));

    assertThat(fresh.corpus().attributeValue(node.toString(), "title")).isEqualTo("t");
    assertThat(fresh.corpus().owner()).isNull();
  }

  private BlobRef permanode(String random) {
    return put(TestBlob.of(SIGNER.sign(PermanodeSchemas.permanode(KEY, random, T0)))).blobRef();
  }

  private static TestBlob claim(int second, String type, BlobRef node, String attr, String value) {
    return TestBlob.of(
        SIGNER.sign(
            PermanodeSchemas.attributeClaim(
                KEY,
                T0.plusSeconds(second),
                type,
                node,
                attr,
                value.isEmpty() && type.equals("del-attribute") ? null : value)));
  }

  private static TestBlob deletion(int second, BlobRef target) {
    return TestBlob.of(
        SIGNER.sign(PermanodeSchemas.deleteClaim(KEY, T0.plusSeconds(second), target)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private TestBlob put(TestBlob blob) {
    return fixture.put(blob);
  }
}
