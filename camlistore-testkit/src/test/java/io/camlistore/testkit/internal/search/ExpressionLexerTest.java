package io.camlistore.testkit.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokens of Perkeep's expression lexer, with their byte positions. */
class ExpressionLexerTest {
  private static ExpressionToken token(ExpressionToken.Type type, String value, int start) {
    return new ExpressionToken(type, value, start);
  }

  @Test
  void predicatesAndArgumentsAreSplitAtColons() {
    assertThat(ExpressionLexer.tokens("attr:title:x"))
        .containsExactly(
            token(ExpressionToken.Type.PREDICATE, "attr", 0),
            token(ExpressionToken.Type.COLON, ":", 4),
            token(ExpressionToken.Type.ARG, "title", 5),
            token(ExpressionToken.Type.COLON, ":", 10),
            token(ExpressionToken.Type.ARG, "x", 11));
  }

  @Test
  void operatorsParenthesesAndNegationAreTokens() {
    assertThat(ExpressionLexer.tokens("-(tag:a or tag:b) and tag:c"))
        .extracting(ExpressionToken::type)
        .containsExactly(
            ExpressionToken.Type.NOT,
            ExpressionToken.Type.OPEN,
            ExpressionToken.Type.PREDICATE,
            ExpressionToken.Type.COLON,
            ExpressionToken.Type.ARG,
            ExpressionToken.Type.OR,
            ExpressionToken.Type.PREDICATE,
            ExpressionToken.Type.COLON,
            ExpressionToken.Type.ARG,
            ExpressionToken.Type.CLOSE,
            ExpressionToken.Type.AND,
            ExpressionToken.Type.PREDICATE,
            ExpressionToken.Type.COLON,
            ExpressionToken.Type.ARG);
  }

  @Test
  void anOperatorWordNeedsSpaceOrAParenthesisAfterIt() {
    assertThat(ExpressionLexer.tokens("tag:a andy"))
        .extracting(ExpressionToken::type)
        .containsExactly(
            ExpressionToken.Type.PREDICATE,
            ExpressionToken.Type.COLON,
            ExpressionToken.Type.ARG,
            ExpressionToken.Type.LITERAL);
    assertThat(ExpressionLexer.tokens("tag:a and(tag:b)"))
        .extracting(ExpressionToken::type)
        .contains(ExpressionToken.Type.AND, ExpressionToken.Type.OPEN);
  }

  @Test
  void quotedArgumentsAndLiteralsKeepTheirQuotes() {
    assertThat(ExpressionLexer.tokens("title:\"two words\""))
        .last()
        .isEqualTo(token(ExpressionToken.Type.QUOTED_ARG, "\"two words\"", 6));
    assertThat(ExpressionLexer.tokens("\"just text\""))
        .containsExactly(token(ExpressionToken.Type.QUOTED_LITERAL, "\"just text\"", 0));
  }

  @Test
  void positionsAreByteOffsetsAsPerkeepReportsThem() {
    List<ExpressionToken> tokens = ExpressionLexer.tokens("tag:\u00e9t\u00e9 tag:b");

    assertThat(tokens.get(3)).isEqualTo(token(ExpressionToken.Type.PREDICATE, "tag", 10));
  }

  @Test
  void anUnclosedQuoteEndsTheTokensWithAnError() {
    assertThat(ExpressionLexer.tokens("tag:a tag:\"open"))
        .last()
        .isEqualTo(token(ExpressionToken.Type.ERROR, "Unclosed quote", 10));
  }
}
