package io.camlistore.testkit.internal.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Perkeep 0.11's search expression lexer: splits an expression into {@linkplain ExpressionToken
 * tokens} (operators, parentheses, predicates with their arguments, literals), a small state
 * machine as in Perkeep's {@code lexer.go}. An error token (an unclosed quote) ends the list.
 */
final class ExpressionLexer {
  private static final String WHITESPACE = "\t\n\f\u000b\r ";

  private final String input;
  private final int[] byteOffsets;
  private final List<ExpressionToken> tokens = new ArrayList<>();
  private int start;
  private int pos;

  private ExpressionLexer(String input) {
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

  /**
   * Splits an expression into tokens.
   *
   * @param input the expression, without leading or trailing white space
   * @return its tokens, ending with an error token if it has an error
   */
  static List<ExpressionToken> tokens(String input) {
    return new ExpressionLexer(input).run();
  }

  private List<ExpressionToken> run() {
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
        emit(ExpressionToken.Type.OPEN);
        return State.EXP;
      }
      case ')' -> {
        pos++;
        emit(ExpressionToken.Type.CLOSE);
        return State.OPERATOR;
      }
      case '-' -> {
        pos++;
        emit(ExpressionToken.Type.NOT);
        return State.EXP;
      }
      case '"' -> {
        return quoted(ExpressionToken.Type.QUOTED_LITERAL) ? State.OPERATOR : State.DONE;
      }
      default -> {
        return State.PREDICATE;
      }
    }
  }

  private State operator() {
    skipSpace();
    if (keyword("and")) {
      emit(ExpressionToken.Type.AND);
      return State.EXP;
    }
    if (keyword("or")) {
      emit(ExpressionToken.Type.OR);
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
      emit(ExpressionToken.Type.PREDICATE);
      return colon();
    }
    int before = pos;
    wordRun();
    if (pos == start && before == start) {
      // A character that starts no token: Perkeep's lexer would not advance.
      pos += Character.charCount(input.codePointAt(pos));
    }
    emit(ExpressionToken.Type.LITERAL);
    return State.OPERATOR;
  }

  private State colon() {
    pos++;
    emit(ExpressionToken.Type.COLON);
    return State.ARG;
  }

  private State argument() {
    if (pos < input.length() && input.charAt(pos) == '"') {
      if (!quoted(ExpressionToken.Type.QUOTED_ARG)) {
        return State.DONE;
      }
    } else {
      wordRun();
      emit(ExpressionToken.Type.ARG);
    }
    if (pos < input.length() && input.charAt(pos) == ':') {
      return colon();
    }
    return State.OPERATOR;
  }

  private boolean quoted(ExpressionToken.Type type) {
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
    tokens.add(
        new ExpressionToken(ExpressionToken.Type.ERROR, "Unclosed quote", byteOffsets[start]));
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

  private void emit(ExpressionToken.Type type) {
    tokens.add(new ExpressionToken(type, input.substring(start, pos), byteOffsets[start]));
    start = pos;
  }
}
