package io.camlistore.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.testkit.internal.GoJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes Perkeep's JSON answers as values: maps in their order, lists, strings, numbers.
 */
final class Answers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {}

  /** {@return a JSON text as maps (in their order), lists, strings, numbers, booleans, nulls} */
  static @Nullable Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return a JSON object text as a map, in its order} */
  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> parseObject(String json) {
    return (Map<String, @Nullable Object>) java.util.Objects.requireNonNull(parse(json));
  }

  /** {@return a value as Perkeep writes an answer: Go's indented JSON and a newline} */
  static String goJson(@Nullable Object value) {
    return new String(GoJson.response(value), StandardCharsets.UTF_8);
  }

  /** {@return a value as compact JSON, for requests} */
  static String compact(@Nullable Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return an answer with every {@code dirChildren} list sorted: a real server lists a
   * directory's children in Go's map order, which changes from one answer to the next}
   */
  static String withDirChildrenSorted(String answer) {
    return goJson(sortDirChildren(parse(answer), ""));
  }

  private static @Nullable Object sortDirChildren(@Nullable Object node, String key) {
    if (node instanceof Map<?, ?> object) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      object.forEach(
          (name, value) ->
              out.put(String.valueOf(name), sortDirChildren(value, String.valueOf(name))));
      return out;
    }
    if (node instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>();
      list.forEach(item -> out.add(sortDirChildren(item, key)));
      if (key.equals("dirChildren")) {
        out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
      }
      return out;
    }
    return node;
  }
}
