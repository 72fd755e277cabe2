package io.camlistore.protocol;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the Perkeep reference data under {@code src/test/resources/perkeep}: captured bodies
 * ({@code fixtures/raw}) and the schema blobs pk-put made ({@code testdata/schemas}).
 */
public final class TestResources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestResources() {}

  /**
   * {@return a reference file's text}
   *
   * @param path the path below {@code perkeep/}
   */
  public static String text(String path) {
    return new String(bytes("perkeep/" + path), StandardCharsets.UTF_8);
  }

  /**
   * {@return the raw bytes of a test resource}
   *
   * @param path the path below the test resources' root
   */
  public static byte[] bytes(String path) {
    try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return the {@code json} form field a captured request sent to the sign helper}
   *
   * @param fixture the fixture's name, e.g. {@code 14-sighelper-sign-permanode}
   */
  public static String signRequestJson(String fixture) {
    String body = text("fixtures/raw/" + fixture + ".req.body");
    if (!body.startsWith("json=")) {
      throw new IllegalStateException(fixture + " is not a json= form request");
    }
    return URLDecoder.decode(body.substring("json=".length()), StandardCharsets.UTF_8);
  }

  /** {@return JSON text parsed into maps, lists, strings, numbers and booleans, keeping order} */
  public static Map<String, Object> parseObject(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
