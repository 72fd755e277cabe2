package io.camlistore.testkit.internal;

import io.camlistore.protocol.schema.CanonicalJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON exactly as Go's {@code json.MarshalIndent(v, "", " ")} does, which is what Perkeep
 * sends: two-space indentation, {@code "key": value}, {@code []} and {@code {}} for empty
 * containers, and {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \}{@code
 * uXXXX}.
 *
 * <p>Values are {@link Map} (written in iteration order: a {@code LinkedHashMap} for a Go struct, a
 * {@code TreeMap} ordered by {@link #KEY_ORDER} for a Go map), {@link List}, {@link String}, {@link
 * Long}/{@link Integer}, {@link Double} (as Go writes a {@code float64}), {@link Boolean} and
 * {@code null}.
 */
public final class GoJson {
  /** The order Go writes map keys in: by their UTF-8 bytes, which is code point order. */
  public static final Comparator<String> KEY_ORDER = CanonicalJson.UTF8_BYTE_ORDER;

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
      CanonicalJson.quote(out, text);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Double number) {
      out.append(float64(number));
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
      CanonicalJson.quote(out, String.valueOf(entry.getKey()));
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
   * Formats a number as Go's encoder writes a {@code float64}: the shortest decimal form, in
   * exponent notation below 1e-6 and from 1e21 on (with a two-digit-or-less exponent).
   */
  private static String float64(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw new IllegalArgumentException("Go cannot write " + number + " as JSON");
    }
    double abs = Math.abs(number);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String text = Double.toString(number).replace("E", "e");
      int e = text.indexOf('e');
      String mantissa = text.substring(0, e);
      if (mantissa.endsWith(".0")) {
        mantissa = mantissa.substring(0, mantissa.length() - 2);
      }
      String exponent = text.substring(e + 1);
      return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }
    return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
  }
}
