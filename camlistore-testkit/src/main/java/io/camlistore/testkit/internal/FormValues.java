package io.camlistore.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Form values the way Go's {@code Request.FormValue} sees them: an {@code
 * application/x-www-form-urlencoded} POST or PUT body first, then the query string.
 */
public final class FormValues {
  /** Go reads at most this much of a urlencoded body. */
  private static final int MAX_BODY = 10 << 20;

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private FormValues() {}

  /**
   * Reads the form of a request.
   *
   * @param method the HTTP method
   * @param contentType the request's Content-Type, may be null
   * @param body the request body (read only for a urlencoded POST, PUT or PATCH)
   * @param rawQuery the raw query string, may be null
   * @return the values
   * @throws IOException if the body cannot be read
   */
  public static FormValues read(
      String method, @Nullable String contentType, InputStream body, @Nullable String rawQuery)
      throws IOException {
    FormValues form = new FormValues();
    MediaType type = MediaType.parse(contentType);
    boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    if (hasBody && type != null && type.type().equals("application/x-www-form-urlencoded")) {
      form.addEncoded(new String(readLimited(body), StandardCharsets.UTF_8));
    }
    if (rawQuery != null) {
      form.addEncoded(rawQuery);
    }
    return form;
  }

  /**
   * Parses a query string alone.
   *
   * @param rawQuery the raw query, may be null
   * @return its values
   */
  public static FormValues ofQuery(@Nullable String rawQuery) {
    FormValues form = new FormValues();
    if (rawQuery != null) {
      form.addEncoded(rawQuery);
    }
    return form;
  }

  /**
   * Tells whether a key is present, even with an empty value.
   *
   * @param key the form key
   * @return true if present
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * Returns every value of a key, in order.
   *
   * @param key the form key
   * @return its values; empty if absent
   */
  public List<String> all(String key) {
    return List.copyOf(values.getOrDefault(key, List.of()));
  }

  /**
   * Returns the first value of a key, as Go's {@code FormValue} does.
   *
   * @param key the form key
   * @return its first value, or the empty string if absent
   */
  public String first(String key) {
    List<String> list = values.get(key);
    return list == null || list.isEmpty() ? "" : list.get(0);
  }

  private void addEncoded(String encoded) {
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty() || pair.indexOf(';') >= 0) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
      if (key != null && value != null) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
  }

  /** Decodes {@code +} and {@code %XX}; null when an escape is malformed (Go skips that pair). */
  private static @Nullable String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      int c = s.codePointAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        byte[] bytes = Character.toString(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(c) - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] readLimited(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new IOException("http: POST too large");
    }
    return bytes;
  }
}
