package io.camlistore.client.internal.schema;

import static io.camlistore.client.internal.PerkeepTestData.DIRECTORY_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.field;
import static io.camlistore.client.internal.PerkeepTestData.parseObject;
import static io.camlistore.client.internal.PerkeepTestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.internal.schema.StaticSet.DirectoryMember;
import io.camlistore.protocol.BlobRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StaticSetTest {
  private static final BlobRef A_TXT =
      BlobRef.parse("sha224-5732c478e765e292c2268113a5552a99391b7f996c43d0a6b7f9736d");
  private static final BlobRef B_TXT =
      BlobRef.parse("sha224-9dbefb2134e030f6baae8c76cefefdd09f30e3942373b69644a00168");
  private static final BlobRef C_TXT =
      BlobRef.parse("sha224-36072c91a6d5454d29a2a5f2612dcc813a1d049c6a0a8ae715b20fe2");
  private static final BlobRef SUB_DIR =
      BlobRef.parse("sha224-520a57215b14a47915c40794ed5c0a9822073405b1917fa9af76c35c");

  private static List<BlobRef> refs(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> BlobRef.compute("sha224", new byte[] {(byte) (i >> 8), (byte) i}))
        .toList();
  }

  private static List<String> strings(List<BlobRef> refs) {
    return refs.stream().map(BlobRef::toString).toList();
  }

  @Test
  void subdirectoryStaticSetAndDirectorySchemaMatchPkPut() {
    StaticSet entries =
        StaticSet.forDirectory(List.of(new DirectoryMember("c.txt", false, C_TXT)), "sha224");

    Blob dir =
        SchemaBlobs.of(
            FileSchema.directory("sub", entries.top().blobRef(), DIRECTORY_METADATA), "sha224");

    assertThat(entries.top().blobRef())
        .hasToString("sha224-699cd9b81209b802cfc60fe84dd7e85ac66bb3191d756ae9337a902e");
    assertThat(dir.text()).isEqualTo(text("testdata/schemas/tree-sub-dir.json"));
    assertThat(dir.blobRef()).isEqualTo(SUB_DIR);
  }

  @Test
  void directoryStaticSetListsFilesThenDirectoriesAsPkPutDoes() {
    StaticSet entries =
        StaticSet.forDirectory(
            List.of(
                new DirectoryMember("sub", true, SUB_DIR),
                new DirectoryMember("b.txt", false, B_TXT),
                new DirectoryMember("a.txt", false, A_TXT)),
            "sha224");

    Blob dir =
        SchemaBlobs.of(
            FileSchema.directory("tree", entries.top().blobRef(), DIRECTORY_METADATA), "sha224");

    assertThat(entries.top().text()).isEqualTo(text("fixtures/raw/43e-get-static-set.resp.body"));
    assertThat(entries.blobs()).containsExactly(entries.top());
    assertThat(dir.text()).isEqualTo(text("testdata/schemas/tree-dir.json"));
    assertThat(dir.blobRef())
        .hasToString("sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f");
  }

  @Test
  void directoryOrderComparesNamesAsUtf8Bytes() {
    List<BlobRef> refs = refs(8);
    List<DirectoryMember> children =
        List.of(
            new DirectoryMember("\uD83D\uDE00", false, refs.get(5)),
            new DirectoryMember("a-dir", true, refs.get(7)),
            new DirectoryMember("\uFFFD", false, refs.get(4)),
            new DirectoryMember("b", false, refs.get(1)),
            new DirectoryMember("B", false, refs.get(0)),
            new DirectoryMember("Z-dir", true, refs.get(6)),
            new DirectoryMember("é", false, refs.get(3)),
            new DirectoryMember("ba", false, refs.get(2)));

    StaticSet set = StaticSet.forDirectory(children, "sha224");

    assertThat(parseObject(set.top().text())).containsEntry("members", strings(refs));
  }

  @Test
  void directoryCannotListTheSameNameTwice() {
    List<DirectoryMember> children =
        List.of(new DirectoryMember("x", false, A_TXT), new DirectoryMember("x", true, SUB_DIR));

    assertThatThrownBy(() -> StaticSet.forDirectory(children, "sha224"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two entries named 'x'");
  }

  @Test
  void emptyDirectoryHasAnEmptyMembersArray() {
    StaticSet set = StaticSet.forDirectory(List.of(), "sha224");

    assertThat(set.top().text())
        .isEqualTo("{\"camliVersion\": 1,\n  \"camliType\": \"static-set\",\n  \"members\": []\n}");
  }

  @Test
  void tooManyMembersAreSpreadOverFullSubsetsAndARest() {
    List<BlobRef> members = refs(7);

    StaticSet set = StaticSet.of(members, "sha224", 3);

    List<Blob> blobs = set.blobs();
    assertThat(blobs).hasSize(4).last().isEqualTo(set.top());
    assertThat(parseObject(set.top().text()))
        .containsOnlyKeys("camliVersion", "camliType", "mergeSets")
        .containsEntry(
            "mergeSets", strings(blobs.subList(0, 3).stream().map(Blob::blobRef).toList()));
    assertThat(parseObject(blobs.get(0).text()))
        .containsEntry("members", strings(members.subList(0, 3)));
    assertThat(parseObject(blobs.get(1).text()))
        .containsEntry("members", strings(members.subList(3, 6)));
    assertThat(parseObject(blobs.get(2).text()))
        .containsEntry("members", strings(members.subList(6, 7)));
  }

  @Test
  void veryLargeSetsSplitRecursivelyWithChildrenBeforeParents() {
    List<BlobRef> members = refs(10);

    // 10 / 3 >= 3 subsets would be too many: pk-put makes 2 subsets of 5, each split again.
    StaticSet set = StaticSet.of(members, "sha224", 3);

    List<Blob> blobs = set.blobs();
    assertThat(blobs).hasSize(7).last().isEqualTo(set.top());
    assertThat(mergeSets(set.top())).containsExactly(ref(blobs.get(2)), ref(blobs.get(5)));
    assertThat(mergeSets(blobs.get(2))).containsExactly(ref(blobs.get(0)), ref(blobs.get(1)));
    assertThat(mergeSets(blobs.get(5))).containsExactly(ref(blobs.get(3)), ref(blobs.get(4)));
    List<Object> leaves = new ArrayList<>();
    for (int i : new int[] {0, 1, 3, 4}) {
      leaves.addAll((List<?>) parseObject(blobs.get(i).text()).get("members"));
    }
    assertThat(leaves).isEqualTo(strings(members));
    assertThat(((List<?>) parseObject(blobs.get(1).text()).get("members"))).hasSize(2);
  }

  @Test
  void moreThanTenThousandMembersUseMergeSets() {
    List<BlobRef> members = refs(StaticSet.MAX_MEMBERS + 1);

    StaticSet set = StaticSet.of(members, "sha224");

    assertThat(set.blobs()).hasSize(3);
    assertThat(mergeSets(set.top()))
        .containsExactly(ref(set.blobs().get(0)), ref(set.blobs().get(1)));
    assertThat(((List<?>) parseObject(set.blobs().get(0).text()).get("members")))
        .hasSize(StaticSet.MAX_MEMBERS);
    assertThat(parseObject(set.blobs().get(1).text()))
        .containsEntry("members", List.of(members.get(StaticSet.MAX_MEMBERS).toString()));
  }

  @Test
  void exactlyTenThousandMembersFitInOneBlob() {
    StaticSet set = StaticSet.of(refs(StaticSet.MAX_MEMBERS), "sha224");

    assertThat(set.blobs()).containsExactly(set.top());
  }

  private static String ref(Blob blob) {
    return blob.blobRef().toString();
  }

  private static List<String> mergeSets(Blob blob) {
    Map<String, Object> map = parseObject(blob.text());
    return ((List<?>) field(map, "mergeSets")).stream().map(String::valueOf).toList();
  }
}
