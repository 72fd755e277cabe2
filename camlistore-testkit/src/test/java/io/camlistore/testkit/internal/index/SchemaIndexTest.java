package io.camlistore.testkit.internal.index;

import static io.camlistore.testkit.internal.index.IndexFixture.KEY;
import static io.camlistore.testkit.internal.index.IndexFixture.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.internal.schema.CanonicalJson;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.PermanodeSchemas;
import io.camlistore.testkit.internal.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
    Blob title = claim(1, "set-attribute", node, "title", "gone");
    put(title);
    Blob deleteTitle = deletion(2, title.blobRef());
    put(deleteTitle);
    Blob deleteNode = deletion(3, node);
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
    Blob tag = claim(1, "add-attribute", node, "tag", "still searched");
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
    put(Blob.of(forged));

    assertThat(index.corpus().claims(node.toString())).isEmpty();
    assertThat(index.corpus().owner()).isEqualTo(KEY.toString());
  }

  @Test
  void anyTimePrefersTimeAttributesThenContentTimeThenModtime() {
    Blob chunk = put(Blob.of("content"));
    Blob file = put(file("f.txt", List.of(Part.blob(chunk.blobRef(), 7)), T0.minusSeconds(99)));
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
    Blob head = put(Blob.of(png));
    Blob tail = put(Blob.of("tail"));
    Blob bytes =
        put(
            CanonicalJson.schemaBlob(
                FileSchema.bytes(
                    List.of(Part.blob(head.blobRef(), 11), Part.blob(tail.blobRef(), 4))),
                "sha224"));
    Map<String, Object> schema =
        new LinkedHashMap<>(FileSchema.file("pic.dat", List.of(), FileMetadata.empty()));
    List<Map<String, Object>> parts = new ArrayList<>();
    parts.add(Map.of("bytesRef", bytes.blobRef().toString(), "size", 15));
    parts.add(Map.of("size", 2));
    schema.put("parts", parts);
    Blob file = put(CanonicalJson.schemaBlob(schema, "sha224"));

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
    Blob chunk = Blob.of("late chunk");
    Blob file = put(file("late.txt", List.of(Part.blob(chunk.blobRef(), 10)), null));

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
    Blob chunk = put(Blob.of("shared content"));
    List<Part> parts = List.of(Part.blob(chunk.blobRef(), 14));
    Blob first = put(file("a.txt", parts, null));
    Blob second = put(file("b.txt", parts, null));
    put(file("other.txt", List.of(Part.blob(put(Blob.of("other")).blobRef(), 5)), null));
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
    Blob a = put(Blob.of("a"));
    Blob b = put(Blob.of("b"));
    Blob inner =
        put(
            CanonicalJson.schemaBlob(
                Map.of("camliType", "static-set", "members", List.of(b.blobRef().toString())),
                "sha224"));
    Blob outer =
        put(
            CanonicalJson.schemaBlob(
                Map.of(
                    "camliType",
                    "static-set",
                    "members",
                    List.of(a.blobRef().toString()),
                    "mergeSets",
                    List.of(inner.blobRef().toString())),
                "sha224"));
    Blob dir =
        put(
            CanonicalJson.schemaBlob(
                FileSchema.directory("d", outer.blobRef(), FileMetadata.empty()), "sha224"));
    Blob broken =
        put(
            CanonicalJson.schemaBlob(
                FileSchema.directory("x", a.blobRef(), FileMetadata.empty()), "sha224"));

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
    Blob title = put(claim(1, "set-attribute", node, "title", "t"));

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
    return put(Blob.of(SIGNER.sign(PermanodeSchemas.permanode(KEY, random, T0)))).blobRef();
  }

  private static Blob claim(int second, String type, BlobRef node, String attr, String value) {
    return Blob.of(
        SIGNER.sign(
            PermanodeSchemas.attributeClaim(
                KEY,
                T0.plusSeconds(second),
                type,
                node,
                attr,
                value.isEmpty() && type.equals("del-attribute") ? null : value)));
  }

  private static Blob deletion(int second, BlobRef target) {
    return Blob.of(SIGNER.sign(PermanodeSchemas.deleteClaim(KEY, T0.plusSeconds(second), target)));
  }

  private static Blob file(String name, List<Part> parts, @Nullable Instant mtime) {
    return CanonicalJson.schemaBlob(
        FileSchema.file(name, parts, FileMetadata.builder().modificationTime(mtime).build()),
        "sha224");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Blob put(Blob blob) {
    return fixture.put(blob);
  }
}
