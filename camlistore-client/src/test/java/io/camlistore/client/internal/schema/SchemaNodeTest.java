package io.camlistore.client.internal.schema;

import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.InvalidSchemaException;
import io.camlistore.protocol.BlobRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaNodeTest {
  private static final String REF_A =
      "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";
  private static final String REF_B =
      "sha224-6bf2140b834e3ecc8dcaee02d4e9769c6e04cca99717f276e09fef3e";

  @Test
  void readsTheFileSchemaPkPutMadeWithItsPartsNameAndMetadata() {
    SchemaNode file =
        SchemaNode.parse(Blob.of(bytes("testdata/schemas/hello.txt.json"))).requireType("file");

    assertThat(file.type()).isEqualTo("file");
    assertThat(file.fileName()).hasValue("hello.txt");
    assertThat(file.parts()).containsExactly(Part.blob(BlobRef.parse(REF_A), 16));
    assertThat(file.metadata()).isEqualTo(FILE_METADATA);
  }

  @Test
  void readsNestedBytesPartsStaticSetMembersAndDirectoryEntries() {
    SchemaNode bytes =
        SchemaNode.parse(Blob.of(bytes("fixtures/raw/43b-get-bytes-schema.resp.body")));
    SchemaNode set = SchemaNode.parse(Blob.of(bytes("fixtures/raw/43e-get-static-set.resp.body")));
    SchemaNode dir = SchemaNode.parse(Blob.of(bytes("testdata/schemas/tree-dir.json")));

    assertThat(bytes.parts()).hasSize(8);
    assertThat(bytes.parts().get(0).bytesRef()).isTrue();
    assertThat(bytes.parts().get(0).size()).isEqualTo(403_499);
    assertThat(set.members()).hasSize(3);
    assertThat(set.mergeSets()).isEmpty();
    assertThat(dir.entries())
        .hasToString("sha224-6a00fb68d7f9af364a8802f284b32078e11149f66f22b13e94e5b159");
    assertThat(dir.metadata().permissions()).isEqualTo(0755);
  }

  @Test
  void aWrongTypeIsNamedWithTheBlob() {
    Blob dir = Blob.of(bytes("testdata/schemas/tree-dir.json"));

    assertThatThrownBy(() -> SchemaNode.parse(dir).requireType("file"))
        .isInstanceOfSatisfying(
            InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(dir.blobRef()))
        .hasMessage(
            "schema blob " + dir.blobRef() + " has camliType 'directory', not 'file' as expected");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not json at all | is not JSON",
        "[1, 2] | is not a JSON object",
        "{\"camliVersion\": 1} | has no string camliType",
        "{\"camliType\": 7} | has no string camliType",
      })
  void blobsThatAreNotSchemasAreRefused(String text, String problem) {
    assertThatThrownBy(() -> SchemaNode.parse(Blob.of(text)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"parts\": {} | 'parts' that is not an array",
        "\"parts\": [5] | parts[0] that is not an object",
        "\"parts\": [{\"size\": 1}] | parts[0] without exactly one of",
        "\"parts\": [{\"blobRef\": \"A\", \"bytesRef\": \"B\", \"size\": 1}] | without exactly one",
        "\"parts\": [{\"blobRef\": \"A\"}] | parts[0] without a 'size'",
        "\"parts\": [{\"blobRef\": \"A\", \"size\": -1}] | parts[0].size that is not a non-negative",
        "\"parts\": [{\"blobRef\": \"A\", \"size\": 1.5}] | parts[0].size that is not",
        "\"parts\": [{\"blobRef\": \"A\", \"size\": \"1\"}] | parts[0].size that is not",
        "\"parts\": [{\"blobRef\": \"A\", \"size\": 1, \"offset\": -2}] | parts[0].offset",
        "\"parts\": [{\"blobRef\": \"nope\", \"size\": 1}] | 'parts[0].blobRef' that is not a blobref",
      })
  void malformedPartsAreRefusedNamingTheField(String field, String problem) {
    Blob blob = schema("file", field.replace("\"A\"", quote(REF_A)).replace("\"B\"", quote(REF_B)));

    assertThatThrownBy(() -> SchemaNode.parse(blob).parts())
        .isInstanceOfSatisfying(
            InvalidSchemaException.class, e -> assertThat(e.blobRef()).isEqualTo(blob.blobRef()))
        .hasMessageContaining(problem);
  }

  @Test
  void missingOrNullPartsMeanAnEmptyFile() {
    assertThat(SchemaNode.parse(schema("file", "\"x\": 1")).parts()).isEmpty();
    assertThat(SchemaNode.parse(schema("file", "\"parts\": null")).parts()).isEmpty();
  }

  @Test
  void malformedSetsAndDirectoriesAreRefused() {
    assertThatThrownBy(() -> SchemaNode.parse(schema("static-set", "\"members\": 3")).members())
        .hasMessageContaining("'members' that is not an array");
    assertThatThrownBy(
            () -> SchemaNode.parse(schema("static-set", "\"mergeSets\": [\"x\"]")).mergeSets())
        .hasMessageContaining("mergeSets[0] that is not a blobref: \"x\"");
    assertThatThrownBy(() -> SchemaNode.parse(schema("directory", "\"x\": 1")).entries())
        .hasMessageContaining("has no 'entries' blobref");
    assertThatThrownBy(() -> SchemaNode.parse(schema("directory", "\"entries\": 5")).entries())
        .hasMessageContaining("'entries' that is not a blobref: 5");
    assertThatThrownBy(() -> SchemaNode.parse(schema("symlink", "\"x\": 1")).symlinkTarget())
        .hasMessageContaining("has no 'symlinkTarget'");
  }

  @Test
  void namesAndTargetsGivenAsBytesAreDecoded() {
    SchemaNode node =
        SchemaNode.parse(
            schema(
                "symlink",
                "\"fileNameBytes\": [\"caf\", 195, 169], \"symlinkTargetBytes\": [47, \"tmp\"]"));

    assertThat(node.fileName()).hasValue("café");
    assertThat(node.symlinkTarget()).isEqualTo("/tmp");
    assertThatThrownBy(
            () -> SchemaNode.parse(schema("file", "\"fileNameBytes\": [300]")).fileName())
        .hasMessageContaining("'fileNameBytes' holding 300");
    assertThat(SchemaNode.parse(schema("file", "\"x\": 1")).fileName()).isEmpty();
  }

  @Test
  void metadataThatCannotBeReadIsLeftOutAsPerkeepDoes() {
    SchemaNode node =
        SchemaNode.parse(
            schema(
                "file",
                "\"unixMtime\": \"yesterday\", \"unixCtime\": \"2020-01-01T00:00:00-00:01\","
                    + " \"unixPermission\": \"0999\", \"unixOwnerId\": -1, \"unixGroupId\": 5,"
                    + " \"unixOwner\": \"\", \"unixGroup\": \"staff\""));

    assertThat(node.metadata())
        .isEqualTo(
            FileMetadata.builder()
                .changeTime(java.time.Instant.parse("2020-01-01T00:01:00Z"))
                .groupId(5)
                .groupName("staff")
                .build());
    assertThat(node).hasToString("file " + node.ref());
  }

  private static Blob schema(String type, String fields) {
    return Blob.of("{\"camliVersion\": 1, \"camliType\": \"" + type + "\", " + fields + "}");
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
