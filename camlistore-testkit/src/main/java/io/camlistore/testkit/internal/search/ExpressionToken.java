package io.camlistore.testkit.internal.search;

/**
 * One token of a Perkeep search expression, as {@link ExpressionLexer} makes them and {@link
 * ExpressionParser} reads them.
 *
 * @param type what the token is
 * @param value its text as written (for an error token, the message)
 * @param start its byte offset in the expression, as Perkeep reports positions; -1 for the end
 */
record ExpressionToken(Type type, String value, int start) {
  /** The kinds of token of Perkeep's lexer. */
  enum Type {
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
}
