package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One exchange captured from a real Perkeep 0.11 server (copied from the shared fixtures into
 * {@code src/test/resources/fixtures}): its status, headers and exact body bytes, ready to serve
 * from WireMock.
 */
final class Fixture {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, JsonNode> INDEX = loadIndex();

  private final JsonNode entry;

  private Fixture(JsonNode entry) {
    this.entry = entry;
  }

  /** Loads a fixture by its name, e.g. {@code 22-stat-post}. */
  static Fixture named(String name) {
    JsonNode entry = INDEX.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("no fixture named " + name);
    }
    return new Fixture(entry);
  }

  int status() {
    return entry.get("status").asInt();
  }

  byte[] body() {
    return resource(entry.get("response_body").asText());
  }

  String bodyText() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  byte[] requestBody() {
    return resource(entry.get("request_body").asText());
  }

  /** The captured response: status, headers (but Date) and exact body. */
  ResponseDefinitionBuilder response() {
    ResponseDefinitionBuilder response = aResponse().withStatus(status());
    JsonNode headers = entry.get("response_headers");
    for (int i = 1; i < headers.size(); i++) {
      String line = headers.get(i).asText();
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).trim();
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals("date")) {
        response.withHeader(name, line.substring(colon + 1).trim());
      }
    }
    if (!entry.get("response_body").isNull()) {
      response.withBody(body());
    }
    return response;
  }

  private static byte[] resource(String path) {
    try (InputStream in =
        Objects.requireNonNull(
            Fixture.class.getResourceAsStream("/fixtures/" + path), "missing fixture " + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, JsonNode> loadIndex() {
    Map<String, JsonNode> index = new HashMap<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(Fixture.class.getResourceAsStream("/fixtures/index.jsonl")),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode entry = MAPPER.readTree(line);
        index.put(entry.get("name").asText(), entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index;
  }
}
