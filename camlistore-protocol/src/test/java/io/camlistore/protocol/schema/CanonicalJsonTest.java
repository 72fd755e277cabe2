package io.camlistore.protocol.schema;

import static io.camlistore.protocol.TestResources.parseObject;
import static io.camlistore.protocol.TestResources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {
  private static final String HELLO_CHUNK =
      "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";

  /** Parses a schema blob and drops {@code camliVersion}, as a writer would receive it. */
  private static Map<String, Object> schemaFields(String blob) {
    Map<String, Object> fields = parseObject(blob);
    assertThat(fields.remove("camliVersion")).isEqualTo(1);
    return fields;
  }

  private static String schemaText(Map<String, ?> fields) {
    return new String(CanonicalJson.schemaBytes(fields), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fixtures/raw/43-get-schema-blob.resp.body",
        "fixtures/raw/43b-get-bytes-schema.resp.body",
        "fixtures/raw/43c-get-file-schema-nested.resp.body",
        "fixtures/raw/43d-get-directory-schema.resp.body",
        "fixtures/raw/43e-get-static-set.resp.body",
        "testdata/schemas/hello.txt.json",
        "testdata/schemas/random-300k.bin.json",
        "testdata/schemas/random-3m.bin.json",
        "testdata/schemas/tree-a.txt.json",
        "testdata/schemas/tree-b.txt.json",
        "testdata/schemas/tree-dir.json",
        "testdata/schemas/tree-sub-c.txt.json",
        "testdata/schemas/tree-sub-dir.json"
      })
  void rewritesServerSchemaBlobsByteForByte(String resource) {
    String original = text(resource);

    assertThat(schemaText(schemaFields(original))).isEqualTo(original);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fixtures/raw/43f-get-permanode-random.resp.body",
        "fixtures/raw/43g-get-permanode-planned.resp.body",
        "fixtures/raw/43h-get-claim.resp.body"
      })
  void rewritesTheSignedPayloadOfPermanodesAndClaims(String resource) {
    String signed = text(resource);
    int sig = signed.lastIndexOf(",\"camliSig\":\"");
    String payload = signed.substring(0, sig);
    Map<String, Object> fields = schemaFields(signed);
    fields.remove("camliSig");

    String canonical = schemaText(fields);

    // The signer signs the canonical form without its closing brace.
    assertThat(canonical).endsWith("\n}");
    assertThat(canonical.substring(0, canonical.length() - 1)).isEqualTo(payload);
  }

  @Test
  void indentMatchesGoMarshalIndentOfAServerResponse() {
    String body = text("fixtures/raw/17-sighelper-verify-ok.resp.body");

    assertThat(CanonicalJson.indent(parseObject(body)) + "\n").isEqualTo(body);
  }

  @Test
  void escapesHtmlCharactersQuotesAndKeepsOtherUnicodeRaw() {
    Map<String, Object> fields = Map.of("fileName", "a<b>&é \"q\".txt");

    assertThat(CanonicalJson.indent(fields))
        .isEqualTo("{\n  \"fileName\": \"a\\u003cb\\u003e\\u0026é \\\"q\\\".txt\"\n}");
  }

  @Test
  void escapesControlCharactersAndLineSeparatorsLikeGo() {
    String value =
        "tab\t nl\n cr\r bs\\ nul\u0000 bell\u0007 bsp\b ff\f us\u001f del\u007f "
            + "ls\u2028 ps\u2029 smile\uD83D\uDE00";

    assertThat(CanonicalJson.indent(value))
        .isEqualTo(
            "\"tab\\t nl\\n cr\\r bs\\\\ nul\\u0000 bell\\u0007 bsp\\u0008 ff\\u000c us\\u001f"
                + " del\u007f ls\\u2028 ps\\u2029 smile\uD83D\uDE00\"");
  }

  @Test
  void sortsKeysInUtf8ByteOrderNotUtf16Order() {
    // UTF-16 puts the emoji (a surrogate pair, 0xD83D...) before U+FFFD; UTF-8 bytes put it after.
    Map<String, Object> fields = new HashMap<>();
    fields.put("\uD83D\uDE00", 1);
    fields.put("\uFFFD", 2);
    fields.put("Z", 3);
    fields.put("a", 4);
    fields.put("ab", 5);

    assertThat(CanonicalJson.indent(fields))
        .isEqualTo(
            "{\n  \"Z\": 3,\n  \"a\": 4,\n  \"ab\": 5,\n  \"\uFFFD\": 2,\n  \"\uD83D\uDE00\": 1\n}");
  }

  @Test
  void writesNestingEmptyContainersScalarsAndBlobRefs() {
    Map<String, Object> inner = new TreeMap<>();
    inner.put("empty", Map.of());
    inner.put("none", new ArrayList<>());
    List<Object> values =
        Arrays.asList(
            null,
            true,
            false,
            -7,
            9_007_199_254_740_993L,
            (short) 3,
            (byte) 4,
            BlobRef.parse(HELLO_CHUNK),
            inner);

    assertThat(CanonicalJson.indent(Map.of("v", values)))
        .isEqualTo(
            """
            {
              "v": [
                null,
                true,
                false,
                -7,
                9007199254740993,
                3,
                4,
                "%s",
                {
                  "empty": {},
                  "none": []
                }
              ]
            }"""
                .formatted(HELLO_CHUNK));
  }

  @Test
  void schemaBlobStartsWithTheVersionLineAndHasNoTrailingNewline() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("camliType", "static-set");
    fields.put("members", List.of());

    byte[] blob = CanonicalJson.schemaBytes(fields);

    assertThat(new String(blob, StandardCharsets.UTF_8))
        .isEqualTo("{\"camliVersion\": 1,\n  \"camliType\": \"static-set\",\n  \"members\": []\n}");
  }

  @Test
  void rejectsASchemaMapThatCarriesItsOwnVersion() {
    assertThatThrownBy(() -> CanonicalJson.schemaBytes(Map.of("camliVersion", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("camliVersion");
  }

  @Test
  void rejectsAnEmptySchemaMap() {
    assertThatThrownBy(() -> CanonicalJson.schemaBytes(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsValuesGoWouldWriteDifferently() {
    assertThatThrownBy(() -> CanonicalJson.indent(List.of(1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
  }

  @Test
  void rejectsNonStringKeys() {
    assertThatThrownBy(() -> CanonicalJson.indent(Map.of(1, "one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys must be strings")
        .hasMessageContaining("Integer");
  }

  @Test
  void rejectsUnpairedSurrogatesInsteadOfAlteringTheText() {
    assertThatThrownBy(() -> CanonicalJson.indent("bad\uD800name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate at index 3");
    assertThatThrownBy(() -> CanonicalJson.indent("bad\uDC00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 3");
    assertThatThrownBy(() -> CanonicalJson.indent("end\uD800"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
