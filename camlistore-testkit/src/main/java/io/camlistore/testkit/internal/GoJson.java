package io.camlistore.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON exactly as Go's {@code json.MarshalIndent(v, "", " ")} does, which is what Perkeep
 * sends: two-space indentation, {@code "key": value}, {@code []} and {@code {}} for empty
 * containers, and {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \}{@code
 * uXXXX}.
 *
 * <p>Values are {@link Map} (written in iteration order, so use a {@code LinkedHashMap}), {@link
 * List}, {@link String}, {@link Long}/{@link Integer}, {@link Boolean} and {@code null}.
 */
public final class GoJson {
  private GoJson() {}

  /**
   * Formats a value with Go's indentation, without a trailing newline.
   *
   * @param value the value to write
   * @return the JSON text
   */
  public static String indent(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.toString();
  }

  /**
   * Formats a value as Perkeep's {@code httputil.ReturnJSON} sends it: indented, then one newline.
   *
   * @param value the value to write
   * @return the UTF-8 bytes of the JSON text and its trailing newline
   */
  public static byte[] response(@Nullable Object value) {
    return (indent(value) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder out, @Nullable Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      quote(out, text);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(out, map, indent);
    } else if (value instanceof List<?> list) {
      writeArray(out, list, indent);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      out.append(inner);
      quote(out, String.valueOf(entry.getKey()));
      out.append(": ");
      write(out, entry.getValue(), inner);
      out.append(entries.hasNext() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void writeArray(StringBuilder out, List<?> list, String indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      write(out, list.get(i), inner);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  /**
   * Appends a JSON string literal with Go's escaping.
   *
   * @param out where to append
   * @param text the string to quote
   */
  public static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
