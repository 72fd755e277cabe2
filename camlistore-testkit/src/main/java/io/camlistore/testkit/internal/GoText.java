package io.camlistore.testkit.internal;

import java.util.Locale;

/** Text formatting the way Perkeep's Go code produces it, for error messages. */
public final class GoText {
  private GoText() {}

  /**
   * Quotes a string as Go's {@code %q} verb does: in double quotes, with backslash escapes for
   * quotes, backslashes and unprintable characters.
   *
   * @param text the string to quote
   * @return the quoted string
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> appendOther(out, cp);
              }
            });
    return out.append('"').toString();
  }

  private static void appendOther(StringBuilder out, int cp) {
    if (cp < 0x20 || cp == 0x7f) {
      out.append(String.format(Locale.ROOT, "\\x%02x", cp));
    } else if (cp < 0x80 || isPrintable(cp)) {
      out.appendCodePoint(cp);
    } else if (cp <= 0xffff) {
      out.append(String.format(Locale.ROOT, "\\u%04x", cp));
    } else {
      out.append(String.format(Locale.ROOT, "\\U%08x", cp));
    }
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE
        && type != Character.SURROGATE
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && (type != Character.SPACE_SEPARATOR || cp == ' ');
  }
}
