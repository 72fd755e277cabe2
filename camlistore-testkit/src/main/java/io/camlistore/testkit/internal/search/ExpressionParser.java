package io.camlistore.testkit.internal.search;

import io.camlistore.testkit.internal.GoText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses Perkeep 0.11 search expressions ({@code tag:alpha}, {@code title:foo and -tag:bar}, {@code
 * attr:name:value}, {@code is:image}, …) into constraints: the grammar of Perkeep's {@code expr.go}
 * (juxtaposition and {@code and} bind tighter than {@code or}; {@code -} negates; parentheses
 * group) over the {@linkplain ExpressionLexer lexer's} tokens, each atom made a constraint by
 * {@link ExpressionPredicates}, with Perkeep's error messages and positions. Plain words are not
 * supported, as in Perkeep 0.11.
 */
final class ExpressionParser {
  private static final String SEE_DOCS = "\nSee: https://camlistore.org/doc/search-ui";

  private final List<ExpressionToken> tokens;
  private int next;

  private ExpressionParser(List<ExpressionToken> tokens) {
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
    ExpressionParser parser = new ExpressionParser(ExpressionLexer.tokens(trimmed));
    Query.Constraint parsed = parser.expression();
    ExpressionToken last = parser.take();
    if (last.type() != ExpressionToken.Type.EOF) {
      throw error(
          last.type() == ExpressionToken.Type.CLOSE
              ? "No matching opening parenthesis"
              : "After parsing finished there is still input left",
          last);
    }
    return parsed == null ? base : Constraints.logical("and", base, parsed);
  }

  private static SearchException error(String message, ExpressionToken token) {
    return new SearchException(
        message
            + " at position "
            + token.start()
            + ", token: "
            + GoText.quote(token.value())
            + " "
            + SEE_DOCS);
  }

  private ExpressionToken peek() {
    return next < tokens.size()
        ? tokens.get(next)
        : new ExpressionToken(ExpressionToken.Type.EOF, "", -1);
  }

  private ExpressionToken take() {
    ExpressionToken token = peek();
    if (next < tokens.size()) {
      next++;
    }
    return token;
  }

  private Query.@Nullable Constraint expression() throws SearchException {
    if (peek().type() == ExpressionToken.Type.EOF) {
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
    ExpressionToken open = take();
    Query.Constraint c = expression();
    if (peek().type() == ExpressionToken.Type.CLOSE) {
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
      if (peek().type() != ExpressionToken.Type.AND) {
        return c;
      }
      take();
    }
  }

  private Query.@Nullable Constraint operand() throws SearchException {
    boolean negated = false;
    while (peek().type() == ExpressionToken.Type.NOT) {
      take();
      negated = !negated;
    }
    ExpressionToken token = peek();
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
    ExpressionToken first = take();
    if (first.type() == ExpressionToken.Type.LITERAL) {
      throw error("No support for literals yet", first);
    }
    if (first.type() == ExpressionToken.Type.QUOTED_LITERAL) {
      throw error("No support for quoted literals yet", first);
    }
    // The lexer starts an operand's atom with a predicate token (possibly empty, for ":x").
    String predicate = first.value();
    List<String> args = new ArrayList<>();
    while (true) {
      ExpressionToken token = peek();
      if (token.type() == ExpressionToken.Type.COLON) {
        take();
      } else if (token.type() == ExpressionToken.Type.ARG) {
        args.add(take().value());
      } else if (token.type() == ExpressionToken.Type.QUOTED_ARG) {
        args.add(unquote(take().value()));
      } else {
        break;
      }
    }
    StringBuilder atom = new StringBuilder(predicate);
    args.forEach(arg -> atom.append(':').append(arg));
    ExpressionToken fault =
        new ExpressionToken(ExpressionToken.Type.ERROR, atom.toString(), first.start());
    try {
      return ExpressionPredicates.constraint(predicate, args, atom.toString());
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
}
