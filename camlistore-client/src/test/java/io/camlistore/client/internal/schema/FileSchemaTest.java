package io.camlistore.client.internal.schema;

import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.partsOf;
import static io.camlistore.client.internal.PerkeepTestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.FileMetadata;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileSchemaTest {
  private static final BlobRef HELLO_CHUNK =
      BlobRef.parse("sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3");
  private static final BlobRef OTHER =
      BlobRef.parse("sha224-6bf2140b834e3ecc8dcaee02d4e9769c6e04cca99717f276e09fef3e");

  @Test
  void fileSchemaMatchesPkPutsBlobForTheSameMetadata() {
    Map<String, Object> map =
        FileSchema.file("hello.txt", List.of(Part.blob(HELLO_CHUNK, 16)), FILE_METADATA);

    Blob blob = SchemaBlobs.of(map, "sha224");

    assertThat(blob.text()).isEqualTo(text("testdata/schemas/hello.txt.json"));
    assertThat(blob.blobRef())
        .hasToString("sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6");
  }

  @Test
  void fileNameWithHtmlCharactersQuotesAndAccentsIsEscapedLikeGo() {
    Map<String, Object> map = FileSchema.file("a<b>&é \"q\".txt", List.of(), FileMetadata.empty());

    assertThat(new String(CanonicalJson.schemaBytes(map), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {"camliVersion": 1,
              "camliType": "file",
              "fileName": "a\\u003cb\\u003e\\u0026é \\"q\\".txt",
              "parts": []
            }""");
  }

  @Test
  void emptyMetadataWritesOnlyTypeNameAndParts() {
    Map<String, Object> map =
        FileSchema.file("x", List.of(Part.blob(HELLO_CHUNK, 16)), FileMetadata.empty());

    assertThat(map).containsOnlyKeys("camliType", "fileName", "parts");
  }

  @Test
  void changeTimeIsLeftOutWhenItEqualsTheModificationTime() {
    Instant time = Instant.parse("2020-11-01T12:00:00Z");
    FileMetadata metadata = FileMetadata.builder().modificationTime(time).changeTime(time).build();

    Map<String, Object> map = FileSchema.file("x", List.of(), metadata);

    assertThat(map)
        .containsEntry("unixMtime", "2020-11-01T12:00:00Z")
        .doesNotContainKey("unixCtime");
  }

  @Test
  void changeTimeIsWrittenWithoutAModificationTime() {
    FileMetadata metadata =
        FileMetadata.builder().changeTime(Instant.parse("2020-11-01T12:00:00.25Z")).build();

    Map<String, Object> map = FileSchema.file("x", List.of(), metadata);

    assertThat(map)
        .containsEntry("unixCtime", "2020-11-01T12:00:00.25Z")
        .doesNotContainKey("unixMtime");
  }

  @Test
  void permissionsAreWrittenInOctalWithALeadingZero() {
    assertThat(FileSchema.file("x", List.of(), FileMetadata.builder().permissions(0).build()))
        .containsEntry("unixPermission", "00");
    assertThat(FileSchema.file("x", List.of(), FileMetadata.builder().permissions(0750).build()))
        .containsEntry("unixPermission", "0750");
  }

  @Test
  void ownerAndGroupIdsAreNumbersAndNamesAreStrings() {
    FileMetadata metadata =
        FileMetadata.builder().ownerId(1000).ownerName("alice").groupId(4294967295L).build();

    Map<String, Object> map = FileSchema.file("x", List.of(), metadata);

    assertThat(CanonicalJson.indent(map))
        .isEqualTo(
            """
            {
              "camliType": "file",
              "fileName": "x",
              "parts": [],
              "unixGroupId": 4294967295,
              "unixOwner": "alice",
              "unixOwnerId": 1000
            }""");
  }

  @Test
  void directorySchemaMatchesPkPutsBlob() {
    BlobRef entries =
        BlobRef.parse("sha224-6a00fb68d7f9af364a8802f284b32078e11149f66f22b13e94e5b159");
    FileMetadata metadata = FILE_METADATA.toBuilder().permissions(0755).build();

    Blob blob = SchemaBlobs.of(FileSchema.directory("tree", entries, metadata), "sha224");

    assertThat(blob.text()).isEqualTo(text("testdata/schemas/tree-dir.json"));
    assertThat(blob.blobRef())
        .hasToString("sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f");
  }

  @Test
  void bytesSchemaMatchesTheServersBytesBlob() {
    List<Part> typed = partsOf(text("fixtures/raw/43b-get-bytes-schema.resp.body"));

    byte[] written = CanonicalJson.schemaBytes(FileSchema.bytes(typed));

    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(text("fixtures/raw/43b-get-bytes-schema.resp.body"));
    assertThat(typed.get(0).bytesRef()).isTrue();
    assertThat(typed.get(1).bytesRef()).isFalse();
  }

  @Test
  void bytesSchemaNeedsParts() {
    assertThatThrownBy(() -> FileSchema.bytes(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one part");
  }

  @Test
  void namesMustBeNonEmptyBaseNames() {
    assertThatThrownBy(() -> FileSchema.file("dir/x.txt", List.of(), FileMetadata.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dir/x.txt'")
        .hasMessageContaining("without '/'");
    assertThatThrownBy(() -> FileSchema.directory("", OTHER, FileMetadata.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directory name must be a base name");
    assertThatThrownBy(() -> FileSchema.file("..", List.of(), FileMetadata.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got '..'");
    assertThatThrownBy(() -> FileSchema.symlink(".", "x", FileMetadata.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symlink name");
  }

  @Test
  void symlinkSchemaCarriesTheTargetAndNoPermissionsAsPkPutWritesIt() {
    Map<String, Object> map = FileSchema.symlink("link", "../a<b", FILE_METADATA);

    assertThat(new String(CanonicalJson.schemaBytes(map), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {"camliVersion": 1,
              "camliType": "symlink",
              "fileName": "link",
              "symlinkTarget": "../a\\u003cb",
              "unixCtime": "2026-11-25T09:29:46.551179453Z",
              "unixGroup": "root",
              "unixGroupId": 0,
              "unixMtime": "2020-11-01T12:00:00Z",
              "unixOwner": "root",
              "unixOwnerId": 0
            }""");
    assertThatThrownBy(() -> FileSchema.symlink("link", "", FILE_METADATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target must not be empty");
  }

  @Test
  void aPartOffsetIsWrittenOnlyWhenItIsNotZero() {
    assertThat(Part.blob(OTHER, 5).toJson()).doesNotContainKey("offset");
    assertThat(new Part(OTHER, 5, false, 7).toJson())
        .containsEntry("blobRef", OTHER)
        .containsEntry("size", 5L)
        .containsEntry("offset", 7L);
    assertThatThrownBy(() -> new Part(OTHER, 5, false, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset must not be negative, got -1");
  }

  @Test
  void partSizesCannotBeNegative() {
    assertThatThrownBy(() -> Part.blob(OTHER, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
