package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {
  @Test
  void indentsLikeGoMarshalIndentWithEmptyContainersInline() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("blobRef", "sha1-00");
    inner.put("size", 24L);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("list", List.of(inner, 7));
    root.put("empty", List.of());
    root.put("none", Map.of());
    root.put("flag", true);
    root.put("nothing", null);

    assertThat(GoJson.indent(root))
        .isEqualTo(
            """
            {
              "list": [
                {
                  "blobRef": "sha1-00",
                  "size": 24
                },
                7
              ],
              "empty": [],
              "none": {},
              "flag": true,
              "nothing": null
            }""");
  }

  @Test
  void escapesHtmlCharactersControlCharactersAndLineSeparatorsLikeGo() {
    String out = GoJson.indent("a<b>&\"\\\n\r\t\u0001\u2028é");

    assertThat(out).isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\r\\t\\u0001\\u2028é\"");
  }

  @Test
  void responseAddsTheTrailingNewline() {
    assertThat(new String(GoJson.response(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]\n");
  }

  @Test
  void refusesTypesGoWouldNotWriteThisWay() {
    assertThatThrownBy(() -> GoJson.indent(1.5f)).hasMessageContaining("java.lang.Float");
    assertThatThrownBy(() -> GoJson.indent(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void writesDoublesAsGoWritesFloat64() {
    assertThat(GoJson.indent(List.of(1.0, -2.5, 0.0, 1e20, 1e21, 1.5e-7, 0.000001, 123456.789)))
        .isEqualTo(
            "[\n  1,\n  -2.5,\n  0,\n  100000000000000000000,\n  1e+21,\n  1.5e-7,\n"
                + "  0.000001,\n  123456.789\n]");
  }

  @Test
  void keyOrderIsCodePointOrderAsGoSortsMapKeys() {
    List<String> keys = new ArrayList<>(List.of("b", "\uD83D\uDE00", "\uFF5E", "B", "a"));

    keys.sort(GoJson.KEY_ORDER);

    assertThat(keys).containsExactly("B", "a", "b", "\uFF5E", "\uD83D\uDE00");
  }
}
