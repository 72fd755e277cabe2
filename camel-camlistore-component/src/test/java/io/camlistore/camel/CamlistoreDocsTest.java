package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The option and header tables of the docs are rendered from the generated {@code camlistore.json};
 * this test fails when they drift apart. To refresh the tables after changing an option or header,
 * run it with {@code -Dcamlistore.updateDocs=true} and review the diff.
 */
class CamlistoreDocsTest {
  private static final Path ADOC = Path.of("src/main/docs/camlistore-component.adoc");
  private static final Path MARKDOWN = Path.of("../docs/camel-component.md");

  private static JsonNode metadata() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            CamlistoreDocsTest.class.getResourceAsStream(
                "/META-INF/io/camlistore/camel/camlistore.json"))) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theAsciiDocTablesMatchTheMetadata() throws IOException {
    check(ADOC, this::adocTable, "// ", "");
  }

  @Test
  void theMarkdownTablesMatchTheMetadata() throws IOException {
    check(MARKDOWN, this::markdownTable, "<!-- ", " -->");
  }

  private void check(
      Path file, Function<JsonNode, Function<Kind, String>> renderer, String open, String close)
      throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Function<Kind, String> render = renderer.apply(metadata());
    String expected = text;
    for (Kind kind : Kind.values()) {
      String start = open + kind.marker + " start" + close + "\n";
      String end = open + kind.marker + " end" + close + "\n";
      int from = expected.indexOf(start);
      int to = expected.indexOf(end);
      assertThat(from).as(file + " has the marker " + start.strip()).isNotNegative();
      assertThat(to).as(file + " has the marker " + end.strip()).isGreaterThan(from);
      expected =
          expected.substring(0, from + start.length())
              + render.apply(kind)
              + expected.substring(to);
    }
    if (Boolean.getBoolean("camlistore.updateDocs")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(text)
        .as(file + " tables are out of date; run with -Dcamlistore.updateDocs=true")
        .isEqualTo(expected);
  }

  /** The tables, and where their rows come from in the JSON. */
  private enum Kind {
    COMPONENT_OPTIONS("component-options", "componentProperties"),
    ENDPOINT_OPTIONS("endpoint-options", "properties"),
    HEADERS("headers", "headers");

    final String marker;
    final String section;

    Kind(String marker, String section) {
      this.marker = marker;
      this.section = section;
    }
  }

  private Function<Kind, String> adocTable(JsonNode json) {
    return kind -> {
      StringBuilder table = new StringBuilder();
      table.append(kind == Kind.HEADERS ? "[cols=\"2,3,1,1\"]\n" : "[cols=\"2,5,1,1\"]\n");
      table.append("|===\n");
      table.append(
          kind == Kind.HEADERS
              ? "| Header | Description | Type | Group\n\n"
              : "| Name | Description | Default | Type\n\n");
      rows(json.get(kind.section))
          .forEachRemaining(
              row ->
                  table
                      .append("| ")
                      .append(row.getKey())
                      .append(" | ")
                      .append(cell(row.getValue(), kind))
                      .append('\n'));
      return table.append("|===\n").toString();
    };
  }

  private Function<Kind, String> markdownTable(JsonNode json) {
    return kind -> {
      StringBuilder table = new StringBuilder();
      table.append(
          kind == Kind.HEADERS
              ? "| Header | Description | Type | Group |\n|---|---|---|---|\n"
              : "| Name | Description | Default | Type |\n|---|---|---|---|\n");
      rows(json.get(kind.section))
          .forEachRemaining(
              row ->
                  table
                      .append("| `")
                      .append(row.getKey())
                      .append("` | ")
                      .append(cell(row.getValue(), kind))
                      .append(" |\n"));
      return table.toString();
    };
  }

  private static Iterator<Map.Entry<String, JsonNode>> rows(JsonNode section) {
    return section.properties().iterator();
  }

  /** Description, then default (or type for headers), then type (or group), joined by " | ". */
  private static String cell(JsonNode option, Kind kind) {
    String description = option.path("description").asText().replace("|", "\\|");
    if (option.path("secret").asBoolean()) {
      description += " (secret)";
    }
    if (option.path("autowired").asBoolean()) {
      description += " (autowired)";
    }
    if (option.path("required").asBoolean()) {
      description += " (required)";
    }
    if (option.has("enum")) {
      StringBuilder values = new StringBuilder();
      option
          .get("enum")
          .forEach(value -> values.append(values.isEmpty() ? "" : ", ").append(value.asText()));
      description += " Values: " + values + ".";
    }
    if (kind == Kind.HEADERS) {
      String group = option.path("label").asText();
      return description
          + " | "
          + option.path("javaType").asText()
          + " | "
          + (group.isEmpty() ? "common" : group);
    }
    String type = option.path("type").asText();
    return description
        + " | "
        + (option.has("defaultValue") ? option.get("defaultValue").asText() : "")
        + " | "
        + type;
  }
}
