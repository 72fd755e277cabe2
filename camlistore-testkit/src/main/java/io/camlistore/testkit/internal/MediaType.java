package io.camlistore.testkit.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Content-Type} or {@code Content-Disposition} value: a lowercase type and its
 * parameters, as Go's {@code mime.ParseMediaType} reads them (parameter names lowercased, values
 * either tokens or quoted strings with backslash escapes).
 *
 * @param type the lowercase type, e.g. {@code multipart/form-data} or {@code form-data}
 * @param parameters the parameters by lowercase name
 */
public record MediaType(String type, Map<String, String> parameters) {
  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

  /** Copies the parameters. */
  public MediaType {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * Parses a header value.
   *
   * @param value the header value, may be null
   * @return the media type, or null if the value is missing or malformed
   */
  public static @Nullable MediaType parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    String type = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    if (!isMediaType(type)) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = semicolon < 0 ? value.length() : semicolon + 1;
    while (i < value.length()) {
      i = skipSpace(value, i);
      if (i >= value.length()) {
        break;
      }
      int nameEnd = tokenEnd(value, i);
      if (nameEnd == i || nameEnd >= value.length() || value.charAt(nameEnd) != '=') {
        return null;
      }
      String name = value.substring(i, nameEnd).toLowerCase(Locale.ROOT);
      i = nameEnd + 1;
      StringBuilder parameter = new StringBuilder();
      if (i < value.length() && value.charAt(i) == '"') {
        i = readQuoted(value, i + 1, parameter);
        if (i < 0) {
          return null;
        }
      } else {
        int end = tokenEnd(value, i);
        if (end == i) {
          return null;
        }
        parameter.append(value, i, end);
        i = end;
      }
      if (parameters.put(name, parameter.toString()) != null) {
        return null;
      }
      i = skipSpace(value, i);
      if (i < value.length()) {
        if (value.charAt(i) != ';') {
          return null;
        }
        i++;
      }
    }
    return new MediaType(type.toLowerCase(Locale.ROOT), parameters);
  }

  /**
   * Looks up a parameter.
   *
   * @param name the lowercase parameter name
   * @return its value, or null if absent
   */
  public @Nullable String parameter(String name) {
    return parameters.get(name);
  }

  private static boolean isMediaType(String type) {
    int slash = type.indexOf('/');
    if (slash < 0) {
      return isToken(type);
    }
    return isToken(type.substring(0, slash)) && isToken(type.substring(slash + 1));
  }

  private static boolean isToken(String s) {
    return !s.isEmpty() && tokenEnd(s, 0) == s.length();
  }

  private static int tokenEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
        break;
      }
      i++;
    }
    return i;
  }

  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int readQuoted(String s, int from, StringBuilder out) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < s.length()) {
        i++;
        c = s.charAt(i);
      }
      out.append(c);
      i++;
    }
    return -1;
  }
}
