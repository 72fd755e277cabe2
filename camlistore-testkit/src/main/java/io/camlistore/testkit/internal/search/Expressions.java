package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.GoText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses Perkeep 0.11 search expressions ({@code tag:alpha}, {@code title:foo and -tag:bar}, {@code
 * attr:name:value}, {@code is:image}, …) into constraints, with its lexer, grammar, predicates and
 * error messages. Plain words are not supported, as in Perkeep 0.11.
 */
final class Expressions {
  private static final String SEE_DOCS = "\nSee: https://camlistore.org/doc/search-ui";
  private static final String WHITESPACE = "\t\n\f\u000b\r ";
  private static final String TIME_BASE = "0000-01-01T00:00:00Z";
  private static final Pattern WH_RANGE = Pattern.compile("^(\\d{0,10})-(\\d{0,10})$");
  private static final Pattern WH_VALUE = Pattern.compile("^(\\d{1,10})$");

  private enum Type {
    AND,
    ARG,
    CLOSE,
    COLON,
    EOF,
    ERROR,
    LITERAL,
    NOT,
    OPEN,
    OR,
    PREDICATE,
    QUOTED_ARG,
    QUOTED_LITERAL
  }

  private record Token(Type type, String value, int start) {}

  private final List<Token> tokens;
  private int next;

  private Expressions(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses an expression as Perkeep's {@code parseExpression}: every result is a permanode that is
   * not hidden, and the expression's condition if it has one.
   *
   * @param expression the expression
   * @return the constraint
   * @throws SearchException with Perkeep's message when the expression does not parse
   */
  static Query.Constraint parse(String expression) throws SearchException {
    Query.Constraint base = Constraints.of(Constraints.skipHidden());
    String trimmed = expression.strip();
    if (trimmed.isEmpty()) {
      return base;
    }
    Expressions parser = new Expressions(new Lexer(trimmed).run());
    Query.Constraint parsed = parser.expression();
    Token last = parser.take();
    if (last.type() != Type.EOF) {
      throw error(
          last.type() == Type.CLOSE
              ? "No matching opening parenthesis"
              : "After parsing finished there is still input left",
          last);
    }
    return parsed == null ? base : Constraints.logical("and", base, parsed);
  }

  private static SearchException error(String message, Token token) {
    return new SearchException(
        message
            + " at position "
            + token.start()
            + ", token: "
            + GoText.quote(token.value())
            + " "
            + SEE_DOCS);
  }

  private Token peek() {
    return next < tokens.size() ? tokens.get(next) : new Token(Type.EOF, "", -1);
  }

  private Token take() {
    Token token = peek();
    if (next < tokens.size()) {
      next++;
    }
    return token;
  }

  private Query.@Nullable Constraint expression() throws SearchException {
    if (peek().type() == Type.EOF) {
      return null;
    }
    Query.Constraint c = operand();
    while (true) {
      switch (peek().type()) {
        case AND -> take();
        case OR -> {
          take();
          return orRest(c);
        }
        case CLOSE, EOF -> {
          return c;
        }
        default -> {
          // Juxtaposition means "and".
        }
      }
      c = andRest(c);
    }
  }

  private Query.@Nullable Constraint group() throws SearchException {
    Token open = take();
    Query.Constraint c = expression();
    if (peek().type() == Type.CLOSE) {
      take();
      return c;
    }
    throw error("No matching closing parenthesis", open);
  }

  private Query.@Nullable Constraint orRest(Query.@Nullable Constraint lhs) throws SearchException {
    Query.Constraint c = lhs;
    while (true) {
      c = Constraints.logical("or", c, and());
      switch (peek().type()) {
        case OR -> take();
        case AND, CLOSE, EOF -> {
          return c;
        }
        default -> {
          // Another operand: or it too.
        }
      }
    }
  }

  private Query.@Nullable Constraint and() throws SearchException {
    Query.Constraint c = operand();
    switch (peek().type()) {
      case AND -> take();
      case OR, CLOSE, EOF -> {
        return c;
      }
      default -> {
        // Juxtaposition means "and".
      }
    }
    return andRest(c);
  }

  private Query.@Nullable Constraint andRest(Query.@Nullable Constraint lhs)
      throws SearchException {
    Query.Constraint c = lhs;
    while (true) {
      c = Constraints.logical("and", c, operand());
      if (peek().type() != Type.AND) {
        return c;
      }
      take();
    }
  }

  private Query.@Nullable Constraint operand() throws SearchException {
    boolean negated = false;
    while (peek().type() == Type.NOT) {
      take();
      negated = !negated;
    }
    Token token = peek();
    Query.Constraint c =
        switch (token.type()) {
          case ERROR -> throw error(token.value(), token);
          case EOF -> throw error("Expected an atom", token);
          case CLOSE -> throw error("No matching opening parenthesis", token);
          case LITERAL, QUOTED_LITERAL, PREDICATE -> atom();
          case OPEN -> group();
          default -> null;
        };
    return negated ? Constraints.logical("not", c, null) : c;
  }

  private Query.Constraint atom() throws SearchException {
    Token first = take();
    if (first.type() == Type.LITERAL) {
      throw error("No support for literals yet", first);
    }
    if (first.type() == Type.QUOTED_LITERAL) {
      throw error("No support for quoted literals yet", first);
    }
    // The lexer starts an operand's atom with a predicate token (possibly empty, for ":x").
    String predicate = first.value();
    List<String> args = new ArrayList<>();
    while (true) {
      Token token = peek();
      if (token.type() == Type.COLON) {
        take();
      } else if (token.type() == Type.ARG) {
        args.add(take().value());
      } else if (token.type() == Type.QUOTED_ARG) {
        args.add(unquote(take().value()));
      } else {
        break;
      }
    }
    StringBuilder atom = new StringBuilder(predicate);
    args.forEach(arg -> atom.append(':').append(arg));
    Token fault = new Token(Type.ERROR, atom.toString(), first.start());
    try {
      return Predicates.constraint(predicate, args, atom.toString());
    } catch (IllegalArgumentException e) {
      throw error(String.valueOf(e.getMessage()), fault);
    }
  }

  /** Go's {@code strconv.Unquote} for a double-quoted argument. */
  private static String unquote(String quoted) throws SearchException {
    try {
      GoValue value = GoJsonParser.unmarshal(quoted);
      if (value.text() != null) {
        return value.text();
      }
    } catch (GoJsonException e) {
      // Fall through: Go's message for any bad quoted string.
    }
    throw new SearchException("invalid syntax");
  }

  /** Perkeep's search keywords. */
  private static final class Predicates {
    private Predicates() {}

    static Query.Constraint constraint(String predicate, List<String> args, String atom) {
      switch (atom) {
        case "is:image" -> {
          return Constraints.withAttrInSet("camliContent", Constraints.file(Constraints.image()));
        }
        case "is:landscape", "is:pano", "is:portrait" -> {
          return Constraints.unsupported("file.widthHeightRation");
        }
        case "is:post" -> {
          return Constraints.withAttrValue("camliNodeType", "twitter.com:tweet");
        }
        case "is:like" -> {
          return Constraints.withAttrValue("camliNodeType", "twitter.com:like");
        }
        case "is:checkin" -> {
          return Constraints.withAttrValue("camliNodeType", "foursquare.com:checkin");
        }
        case "has:location" -> {
          return Constraints.unsupported("permanode.location");
        }
        default -> {
          // A keyword with arguments.
        }
      }
      switch (predicate) {
        case "after", "before" -> {
          Instant time = timePrefix(one(predicate, args));
          return Constraints.of(
              Constraints.withTime(
                  predicate.equals("after")
                      ? new Query.TimeRange(null, time, 0)
                      : new Query.TimeRange(time, null, 0)));
        }
        case "attr" -> {
          count(predicate, args, 2);
          if (args.get(1).startsWith("~")) {
            return Constraints.withAttrMatching(
                args.get(0), Constraints.contains(args.get(1).substring(1), true, false), true);
          }
          return Constraints.withAttr(args.get(0), args.get(1));
        }
        case "childrenof", "parentof" -> {
          one(predicate, args);
          return Constraints.unsupported("permanode.relation");
        }
        case "format" -> {
          return Constraints.ofFile(Constraints.fileOfType(mimeFromFormat(one(predicate, args))));
        }
        case "tag" -> {
          return Constraints.withAttr("tag", one(predicate, args));
        }
        case "title" -> {
          return Constraints.withAttrMatching(
              "title", Constraints.contains(one(predicate, args), true, false), true);
        }
        case "ref" -> {
          return Constraints.blobRefPrefix(one(predicate, args));
        }
        case "width", "height" -> {
          widthHeight(one(predicate, args));
          return Constraints.unsupported("file." + predicate);
        }
        case "filename" -> {
          return Constraints.ofFile(Constraints.fileNamed(fileNameMatch(one(predicate, args))));
        }
        case "loc", "locrect" -> {
          one(predicate, args);
          return Constraints.unsupported("permanode.location");
        }
        case "with" -> {
          return with(one(predicate, args));
        }
        case "named" -> {
          one(predicate, args);
          return Constraints.unsupported("named searches");
        }
        default ->
            throw new IllegalArgumentException("Unknown search predicate: " + GoText.quote(atom));
      }
    }

    private static String one(String predicate, List<String> args) {
      count(predicate, args, 1);
      return args.get(0);
    }

    private static void count(String predicate, List<String> args, int expected) {
      if (args.size() != expected) {
        throw new IllegalArgumentException(
            "Wrong number of arguments for "
                + GoText.quote(predicate)
                + ", given "
                + args.size()
                + ", expected "
                + expected);
      }
    }

    private static Instant timePrefix(String when) {
      String full = when;
      int length = when.getBytes(StandardCharsets.UTF_8).length;
      if (length < TIME_BASE.length()) {
        full = when + TIME_BASE.substring(length);
      }
      Instant time = Rfc3339.parse(full);
      if (time == null) {
        throw new IllegalArgumentException(
            "parsing time "
                + GoText.quote(full)
                + " as \"2006-01-02T15:04:05Z07:00\": cannot parse "
                + GoText.quote(full)
                + " as \"2006\"");
      }
      return time;
    }

    private static String mimeFromFormat(String format) {
      if (format.contains("/")) {
        return format;
      }
      return switch (format) {
        case "jpg", "jpeg" -> "image/jpeg";
        case "gif" -> "image/gif";
        case "png" -> "image/png";
        case "pdf" -> "application/pdf";
        default -> throw new IllegalArgumentException("Unknown format: " + format);
      };
    }

    private static void widthHeight(String range) {
      Matcher m = WH_RANGE.matcher(range);
      if (!m.matches() && !WH_VALUE.matcher(range).matches()) {
        throw new IllegalArgumentException(
            "Unable to parse "
                + GoText.quote(range)
                + " as range, wanted something like 480-1024, 480-, -1024 or 1024");
      }
    }

    private static Query.StringMatch fileNameMatch(String glob) {
      String inner = glob.length() >= 2 ? glob.substring(1, glob.length() - 1) : "";
      if (!glob.contains("*")) {
        return Constraints.equalTo(glob);
      } else if (glob.startsWith("*") && !glob.substring(1).contains("*")) {
        return Constraints.suffix(glob.substring(1));
      } else if (glob.endsWith("*") && !glob.substring(0, glob.length() - 1).contains("*")) {
        return Constraints.prefix(glob.substring(0, glob.length() - 1));
      } else if (glob.length() >= 2
          && glob.startsWith("*")
          && glob.endsWith("*")
          && !inner.contains("*")) {
        return Constraints.contains(inner, false, false);
      }
      throw new IllegalArgumentException("unsupported glob wildcard in filename search predicate");
    }

    private static Query.Constraint with(String name) {
      Query.Constraint person = Constraints.withAttrValue("camliNodeType", "foursquare.com:person");
      Query.StringMatch part = Constraints.contains(name, true, false);
      Query.Constraint names =
          Constraints.logical(
              "or",
              Constraints.withAttrMatching("givenName", part, false),
              Constraints.withAttrMatching("familyName", part, false));
      return Constraints.withAttrInSet("with", Constraints.logical("and", person, names));
    }
  }

  /** Perkeep's expression lexer, as a list of tokens (an error token ends it). */
  private static final class Lexer {
    private final String input;
    private final int[] byteOffsets;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int pos;

    Lexer(String input) {
      this.input = input;
      this.byteOffsets = new int[input.length() + 1];
      int bytes = 0;
      for (int i = 0; i < input.length(); i++) {
        byteOffsets[i] = bytes;
        char c = input.charAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      }
      byteOffsets[input.length()] = bytes;
    }

    List<Token> run() {
      State state = State.EXP;
      while (state != State.DONE) {
        state = step(state);
      }
      return tokens;
    }

    private enum State {
      EXP,
      OPERATOR,
      PREDICATE,
      ARG,
      DONE
    }

    private State step(State state) {
      return switch (state) {
        case EXP -> expression();
        case OPERATOR -> operator();
        case PREDICATE -> predicate();
        case ARG -> argument();
        case DONE -> State.DONE;
      };
    }

    private State expression() {
      skipSpace();
      if (pos >= input.length()) {
        return State.DONE;
      }
      switch (input.charAt(pos)) {
        case '(' -> {
          pos++;
          emit(Type.OPEN);
          return State.EXP;
        }
        case ')' -> {
          pos++;
          emit(Type.CLOSE);
          return State.OPERATOR;
        }
        case '-' -> {
          pos++;
          emit(Type.NOT);
          return State.EXP;
        }
        case '"' -> {
          return quoted(Type.QUOTED_LITERAL) ? State.OPERATOR : State.DONE;
        }
        default -> {
          return State.PREDICATE;
        }
      }
    }

    private State operator() {
      skipSpace();
      if (keyword("and")) {
        emit(Type.AND);
        return State.EXP;
      }
      if (keyword("or")) {
        emit(Type.OR);
        return State.EXP;
      }
      return State.EXP;
    }

    /** An operator word must be followed by white space or an opening parenthesis. */
    private boolean keyword(String word) {
      int end = pos + word.length();
      if (input.startsWith(word, pos)
          && end < input.length()
          && (WHITESPACE.indexOf(input.charAt(end)) >= 0 || input.charAt(end) == '(')) {
        pos = end;
        return true;
      }
      return false;
    }

    private State predicate() {
      while (pos < input.length() && Character.isLetter(input.codePointAt(pos))) {
        pos += Character.charCount(input.codePointAt(pos));
      }
      if (pos < input.length() && input.charAt(pos) == ':') {
        emit(Type.PREDICATE);
        return colon();
      }
      int before = pos;
      wordRun();
      if (pos == start && before == start) {
        // A character that starts no token: Perkeep's lexer would not advance.
        pos += Character.charCount(input.codePointAt(pos));
      }
      emit(Type.LITERAL);
      return State.OPERATOR;
    }

    private State colon() {
      pos++;
      emit(Type.COLON);
      return State.ARG;
    }

    private State argument() {
      if (pos < input.length() && input.charAt(pos) == '"') {
        if (!quoted(Type.QUOTED_ARG)) {
          return State.DONE;
        }
      } else {
        wordRun();
        emit(Type.ARG);
      }
      if (pos < input.length() && input.charAt(pos) == ':') {
        return colon();
      }
      return State.OPERATOR;
    }

    private boolean quoted(Type type) {
      pos++;
      while (pos < input.length()) {
        char c = input.charAt(pos++);
        if (c == '\\') {
          pos = Math.min(pos + 1, input.length());
        } else if (c == '"') {
          emit(type);
          return true;
        }
      }
      tokens.add(new Token(Type.ERROR, "Unclosed quote", byteOffsets[start]));
      return false;
    }

    private void wordRun() {
      while (pos < input.length() && isWordRune(input.codePointAt(pos))) {
        pos += Character.charCount(input.codePointAt(pos));
      }
    }

    /** Letters, digits, punctuation and symbols, except {@code :}, {@code (} and {@code )}. */
    private static boolean isWordRune(int c) {
      if (c == ':' || c == '(' || c == ')') {
        return false;
      }
      if (Character.isLetterOrDigit(c)) {
        return true;
      }
      return switch (Character.getType(c)) {
        case Character.CONNECTOR_PUNCTUATION,
            Character.DASH_PUNCTUATION,
            Character.START_PUNCTUATION,
            Character.END_PUNCTUATION,
            Character.INITIAL_QUOTE_PUNCTUATION,
            Character.FINAL_QUOTE_PUNCTUATION,
            Character.OTHER_PUNCTUATION,
            Character.MATH_SYMBOL,
            Character.CURRENCY_SYMBOL,
            Character.MODIFIER_SYMBOL,
            Character.OTHER_SYMBOL ->
            true;
        default -> false;
      };
    }

    private void skipSpace() {
      while (pos < input.length() && WHITESPACE.indexOf(input.charAt(pos)) >= 0) {
        pos++;
      }
      start = pos;
    }

    private void emit(Type type) {
      tokens.add(new Token(type, input.substring(start, pos), byteOffsets[start]));
      start = pos;
    }
  }
}
