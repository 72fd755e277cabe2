package io.camlistore.testkit.internal.search;

import io.camlistore.testkit.internal.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON and rejects what Go's {@code encoding/json} rejects, with Go's error text (for
 * example {@code invalid character 'n' looking for beginning of object key string}, {@code
 * unexpected EOF}), so that the embedded server's error answers read like a real server's.
 */
final class GoJsonParser {
  private final String text;
  private final boolean decoder;
  private int pos;

  private GoJsonParser(String text, boolean decoder) {
    this.text = text;
    this.decoder = decoder;
  }

  /**
   * Reads the first JSON value of a request body as Go's {@code json.Decoder.Decode} does: text
   * after the value is not read.
   *
   * @param text the body
   * @return the value
   * @throws GoJsonException with {@code EOF} for an empty body, {@code unexpected EOF} for a
   *     truncated one, or Go's syntax error
   */
  static GoValue decodeFirst(String text) throws GoJsonException {
    GoJsonParser parser = new GoJsonParser(text, true);
    parser.skipSpace();
    if (parser.pos == text.length()) {
      throw new GoJsonException("EOF");
    }
    return parser.value();
  }

  /**
   * Reads a whole text as one JSON value as Go's {@code json.Unmarshal} does.
   *
   * @param text the text
   * @return the value
   * @throws GoJsonException with Go's error text
   */
  static GoValue unmarshal(String text) throws GoJsonException {
    GoJsonParser parser = new GoJsonParser(text, false);
    parser.skipSpace();
    GoValue value = parser.value();
    parser.skipSpace();
    if (parser.pos < text.length()) {
      throw parser.invalid("after top-level value");
    }
    return value;
  }

  private GoValue value() throws GoJsonException {
    int start = pos;
    char c = next();
    return switch (c) {
      case '{' -> object(start);
      case '[' -> array(start);
      case '"' -> {
        String decoded = string();
        yield new GoValue(
            GoValue.Kind.STRING, text.substring(start, pos), decoded, List.of(), List.of());
      }
      case 't' -> literal(start, "true", GoValue.Kind.BOOL);
      case 'f' -> literal(start, "false", GoValue.Kind.BOOL);
      case 'n' -> literal(start, "null", GoValue.Kind.NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          pos--;
          yield number(start);
        }
        pos--;
        throw invalid("looking for beginning of value");
      }
    };
  }

  private GoValue object(int start) throws GoJsonException {
    List<Map.Entry<String, GoValue>> members = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return new GoValue(GoValue.Kind.OBJECT, text.substring(start, pos), null, members, List.of());
    }
    while (true) {
      skipSpace();
      if (next() != '"') {
        pos--;
        throw invalid("looking for beginning of object key string");
      }
      String key = string();
      skipSpace();
      if (next() != ':') {
        pos--;
        throw invalid("after object key");
      }
      skipSpace();
      members.add(Map.entry(key, value()));
      skipSpace();
      char c = next();
      if (c == '}') {
        return new GoValue(
            GoValue.Kind.OBJECT, text.substring(start, pos), null, members, List.of());
      }
      if (c != ',') {
        pos--;
        throw invalid("after object key:value pair");
      }
    }
  }

  private GoValue array(int start) throws GoJsonException {
    List<GoValue> elements = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return new GoValue(GoValue.Kind.ARRAY, text.substring(start, pos), null, List.of(), elements);
    }
    while (true) {
      skipSpace();
      elements.add(value());
      skipSpace();
      char c = next();
      if (c == ']') {
        return new GoValue(
            GoValue.Kind.ARRAY, text.substring(start, pos), null, List.of(), elements);
      }
      if (c != ',') {
        pos--;
        throw invalid("after array element");
      }
    }
  }

  /** Reads a string's content after its opening quote. */
  private String string() throws GoJsonException {
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw invalid("in string literal");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
              pos--;
              throw invalid("in \\u hexadecimal character escape");
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> {
          pos--;
          throw invalid("in string escape code");
        }
      }
    }
  }

  private GoValue number(int start) throws GoJsonException {
    if (peek() == '-') {
      pos++;
    }
    char first = next();
    if (first < '0' || first > '9') {
      pos--;
      throw invalid("in numeric literal");
    }
    if (first != '0') {
      digits();
    }
    if (peek() == '.') {
      pos++;
      char c = next();
      if (c < '0' || c > '9') {
        pos--;
        throw invalid("after decimal point in numeric literal");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      char c = next();
      if (c < '0' || c > '9') {
        pos--;
        throw invalid("in exponent of numeric literal");
      }
      digits();
    }
    return new GoValue(GoValue.Kind.NUMBER, text.substring(start, pos), null, List.of(), List.of());
  }

  private void digits() {
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
  }

  private GoValue literal(int start, String word, GoValue.Kind kind) throws GoJsonException {
    for (int i = 1; i < word.length(); i++) {
      String context = "in literal " + word + " (expecting '" + word.charAt(i) + "')";
      if (next() != word.charAt(i)) {
        pos--;
        throw invalid(context);
      }
    }
    return new GoValue(kind, text.substring(start, pos), null, List.of(), List.of());
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  /** Reads the next character; at the end, fails as Go does for a truncated value. */
  private char next() throws GoJsonException {
    if (pos >= text.length()) {
      throw new GoJsonException(decoder ? "unexpected EOF" : "unexpected end of JSON input");
    }
    return text.charAt(pos++);
  }

  private GoJsonException invalid(String context) {
    return new GoJsonException("invalid character " + quoteChar(text.charAt(pos)) + " " + context);
  }

  /** Go's {@code quoteChar}: the character in single quotes, escaped as Go's {@code %q} would. */
  static String quoteChar(char c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String quoted = GoText.quote(String.valueOf(c));
    return "'" + quoted.substring(1, quoted.length() - 1) + "'";
  }
}
