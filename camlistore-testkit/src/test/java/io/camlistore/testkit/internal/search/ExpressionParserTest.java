package io.camlistore.testkit.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The grammar: operators, grouping, how atoms and errors are reported. */
class ExpressionParserTest {
  private static final Query.Constraint BASE = Constraints.of(Constraints.skipHidden());

  @Test
  void anEmptyExpressionMatchesVisiblePermanodes() throws SearchException {
    assertThat(ExpressionParser.parse("  ")).isEqualTo(BASE);
  }

  @Test
  void juxtapositionIsAndAndBindsTighterThanOr() throws SearchException {
    Query.Constraint parsed = ExpressionParser.parse("tag:a tag:b or -tag:c");

    Query.Constraint a = Constraints.withAttr("tag", "a");
    Query.Constraint b = Constraints.withAttr("tag", "b");
    Query.Constraint notC = Constraints.logical("not", Constraints.withAttr("tag", "c"), null);
    assertThat(parsed)
        .isEqualTo(
            Constraints.logical(
                "and", BASE, Constraints.logical("or", Constraints.logical("and", a, b), notC)));
  }

  @Test
  void parenthesesGroupAndQuotedArgumentsKeepSpaces() throws SearchException {
    Query.Constraint parsed =
        ExpressionParser.parse("(tag:a or tag:b) and attr:title:\"two words\"");

    assertThat(parsed)
        .isEqualTo(
            Constraints.logical(
                "and",
                BASE,
                Constraints.logical(
                    "and",
                    Constraints.logical(
                        "or", Constraints.withAttr("tag", "a"), Constraints.withAttr("tag", "b")),
                    Constraints.withAttr("title", "two words"))));
  }

  @Test
  void anAtomIsThePredicatesConstraintWithItsArgumentsUnquoted() throws SearchException {
    assertThat(inner("attr:title:~Beach"))
        .isEqualTo(ExpressionPredicates.constraint("attr", List.of("title", "~Beach"), ""));
    assertThat(inner("attr:title:\"a \\\"b\\\"\""))
        .isEqualTo(Constraints.withAttr("title", "a \"b\""));
    assertThat(inner("tag:")).isEqualTo(Constraints.withAttr("tag", ""));
  }

  @Test
  void badInputFailsWithPerkeepsMessagesAndPositions() {
    assertError("tag:a tag", "No support for literals yet at position 6, token: \"tag\"");
    assertError(
        "\"quoted\"",
        "No support for quoted literals yet at position 0, token: \"\\\"quoted\\\"\"");
    assertError(":x", "Unknown search predicate: \":x\" at position 0, token: \":x\"");
    assertError("tag:a and", "No support for literals yet at position 6, token: \"and\"");
    assertError("-", "Expected an atom at position -1, token: \"\"");
    assertError("(tag:a", "No matching closing parenthesis at position 0, token: \"(\"");
    assertError("tag:a)", "No matching opening parenthesis at position 5, token: \")\"");
    assertError("\"open", "Unclosed quote at position 0");
    // A predicate's refusal is reported at the atom.
    assertError("tag:a width:wide", "Unable to parse \"wide\" as range, wanted something like");
    assertError("tag:a width:wide", "at position 6, token: \"width:wide\"");
    assertError("tag:\"bad\\q\"", "invalid syntax");
  }

  private static Query.Constraint inner(String expression) throws SearchException {
    Query.Logical top = Objects.requireNonNull(ExpressionParser.parse(expression).logical());
    Query.Constraint b = Objects.requireNonNull(top.b());
    return b;
  }

  private static void assertError(String expression, String message) {
    assertThatThrownBy(() -> ExpressionParser.parse(expression))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining(message);
  }
}
