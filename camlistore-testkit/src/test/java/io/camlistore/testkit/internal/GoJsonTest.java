package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
    StringBuilder out = new StringBuilder();

    GoJson.quote(out, "a<b>&\"\\\n\r\t\u0001\u2028é");

    assertThat(out).hasToString("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\r\\t\\u0001\\u2028é\"");
  }

  @Test
  void responseAddsTheTrailingNewline() {
    assertThat(new String(GoJson.response(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]\n");
  }

  @Test
  void refusesTypesGoWouldNotWriteThisWay() {
    assertThatThrownBy(() -> GoJson.indent(1.5)).hasMessageContaining("java.lang.Double");
  }
}
