package io.camlistore.client.internal.schema;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON byte for byte as Perkeep does, so that schema blobs made here have the same blobrefs
 * as the ones Perkeep's tools make from the same values.
 *
 * <p>{@link #indent(Object)} is Go's {@code json.MarshalIndent(v, "", " ")} applied to Go maps,
 * slices and scalars: object keys sorted in UTF-8 byte order, two-space indentation, {@code "key":
 * value}, empty arrays {@code []} and empty objects {@code {}}, integers in plain decimal, and
 * strings escaped as Go escapes them ({@code <}, {@code >}, {@code &}, U+2028, U+2029 and control
 * characters as backslash-u escapes; everything else raw UTF-8). {@link #schemaBytes(Map)} then
 * applies Perkeep's schema-blob rule: the opening line becomes <code>{"camliVersion": 1,</code>, so
 * every schema blob starts with those 20 bytes, and it ends with a newline and a closing brace,
 * with no final newline.
 *
 * <p>Accepted values: {@code Map} with {@code String} keys, {@code List}, {@code String}, {@link
 * BlobRef} (written as its text), {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
 * {@code Boolean} and {@code null}. Anything else, a string that is not valid Unicode, or a map key
 * that is not a string is rejected with {@link IllegalArgumentException}.
 */
public final class CanonicalJson {
  /** The version line every schema blob starts with. */
  static final String SCHEMA_PREFIX = "{\"camliVersion\": 1,\n";

  private static final String INDENT = "  ";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Go compares map keys as byte strings; for UTF-8 that is code point order. */
  public static final Comparator<String> UTF8_BYTE_ORDER = CanonicalJson::compareCodePoints;

  private CanonicalJson() {}

  /**
   * Serializes a schema map in Perkeep's canonical form.
   *
   * @param schema the schema's fields, without {@code camliVersion} (which is always written first,
   *     as 1); must not be empty
   * @return the blob's bytes (UTF-8)
   * @throws IllegalArgumentException if the map is empty, contains {@code camliVersion}, or holds a
   *     value this writer does not accept
   */
  public static byte[] schemaBytes(Map<String, ?> schema) {
    if (schema.containsKey("camliVersion")) {
      throw new IllegalArgumentException(
          "schema map must not contain camliVersion: it is always written first, as 1");
    }
    if (schema.isEmpty()) {
      throw new IllegalArgumentException("schema map is empty: a schema blob needs a camliType");
    }
    String body = indent(schema);
    // MarshalIndent output starts with "{\n"; Perkeep replaces those two characters.
    return (SCHEMA_PREFIX + body.substring(2)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Serializes a schema map in Perkeep's canonical form and wraps it as a blob.
   *
   * @param schema the schema's fields, without {@code camliVersion}
   * @param hashName the hash function for the blob's ref, e.g. {@code sha224}
   * @return the schema blob
   * @throws IllegalArgumentException as {@link #schemaBytes(Map)}, or if the hash is unsupported
   */
  public static Blob schemaBlob(Map<String, ?> schema, String hashName) {
    return Blob.withHash(schemaBytes(schema), hashName);
  }

  /**
   * Serializes a value like Go's {@code json.MarshalIndent(value, "", " ")}.
   *
   * <p>Maps are written with sorted keys whatever their iteration order, as Go does for maps.
   *
   * @param value the value to write
   * @return the JSON text, without a trailing newline
   * @throws IllegalArgumentException if the value, or anything inside it, is not accepted
   */
  public static String indent(@Nullable Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, @Nullable Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      quote(out, text);
    } else if (value instanceof BlobRef ref) {
      quote(out, ref.toString());
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(out, map, depth);
    } else if (value instanceof List<?> list) {
      writeArray(out, list, depth);
    } else {
      throw new IllegalArgumentException(
          "cannot write a "
              + value.getClass().getName()
              + " as schema JSON: use a Map, List, String, BlobRef, Integer, Long, Boolean or null");
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<String> keys = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException(
            "JSON object keys must be strings, found " + (key == null ? "null" : key.getClass()));
      }
      keys.add(name);
    }
    keys.sort(UTF8_BYTE_ORDER);
    out.append('{');
    String separator = "\n";
    for (String key : keys) {
      out.append(separator);
      indentTo(out, depth + 1);
      quote(out, key);
      out.append(": ");
      write(out, map.get(key), depth + 1);
      separator = ",\n";
    }
    out.append('\n');
    indentTo(out, depth);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    String separator = "\n";
    for (Object element : list) {
      out.append(separator);
      indentTo(out, depth + 1);
      write(out, element, depth + 1);
      separator = ",\n";
    }
    out.append('\n');
    indentTo(out, depth);
    out.append(']');
  }

  private static void indentTo(StringBuilder out, int depth) {
    for (int i = 0; i < depth; i++) {
      out.append(INDENT);
    }
  }

  /**
   * Appends a string literal escaped as Go's encoder does with HTML escaping on (its default).
   *
   * @param out where to append
   * @param text the string to quote
   * @throws IllegalArgumentException if the text holds an unpaired surrogate
   */
  public static void quote(StringBuilder out, String text) {
    out.append('"');
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isSurrogate(c)) {
            i = appendSurrogatePair(out, text, i);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Appends the pair starting at {@code i} and returns the index of its low half. */
  private static int appendSurrogatePair(StringBuilder out, String text, int i) {
    char high = text.charAt(i);
    if (Character.isHighSurrogate(high)
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      out.append(high).append(text.charAt(i + 1));
      return i + 1;
    }
    // Go would silently write U+FFFD here; refusing keeps the caller's text from being altered.
    throw new IllegalArgumentException(
        "string is not valid Unicode (unpaired surrogate at index " + i + "): cannot write it");
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
