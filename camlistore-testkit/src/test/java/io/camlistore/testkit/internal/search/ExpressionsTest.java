package io.camlistore.testkit.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
  private static final Query.Constraint BASE = Constraints.of(Constraints.skipHidden());

  @Test
  void anEmptyExpressionMatchesVisiblePermanodes() throws SearchException {
    assertThat(Expressions.parse("  ")).isEqualTo(BASE);
  }

  @Test
  void juxtapositionIsAndAndBindsTighterThanOr() throws SearchException {
    Query.Constraint parsed = Expressions.parse("tag:a tag:b or -tag:c");

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
    Query.Constraint parsed = Expressions.parse("(tag:a or tag:b) and attr:title:\"two words\"");

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
  void predicatesBuildPerkeepsConstraints() throws SearchException {
    assertThat(inner("ref:sha224-ab")).isEqualTo(Constraints.blobRefPrefix("sha224-ab"));
    assertThat(inner("attr:title:~Beach"))
        .isEqualTo(
            Constraints.withAttrMatching(
                "title", Constraints.contains("Beach", true, false), true));
    assertThat(inner("tag:")).isEqualTo(Constraints.withAttr("tag", ""));
    assertThat(inner("format:png"))
        .isEqualTo(Constraints.ofFile(Constraints.fileOfType("image/png")));
    assertThat(inner("format:video/mp4"))
        .isEqualTo(Constraints.ofFile(Constraints.fileOfType("video/mp4")));
    assertThat(inner("filename:a*"))
        .isEqualTo(Constraints.ofFile(Constraints.fileNamed(Constraints.prefix("a"))));
    assertThat(inner("filename:*mid*"))
        .isEqualTo(
            Constraints.ofFile(Constraints.fileNamed(Constraints.contains("mid", false, false))));
    assertThat(inner("is:post"))
        .isEqualTo(Constraints.withAttrValue("camliNodeType", "twitter.com:tweet"));
    assertThat(inner("is:image").permanode()).isNotNull();
    assertThat(inner("with:ann").permanode()).isNotNull();
    assertThat(inner("after:2020").permanode()).isNotNull();
    assertThat(inner("is:pano").unsupported()).containsExactly("file.widthHeightRation");
    assertThat(inner("width:100-").unsupported()).containsExactly("file.width");
    assertThat(inner("loc:paris").unsupported()).containsExactly("permanode.location");
    assertThat(inner("named:x").unsupported()).containsExactly("named searches");
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
    assertError("filename:*a*b", "unsupported glob wildcard in filename search predicate");
    assertError("width:wide", "Unable to parse \"wide\" as range");
    assertError("after:20x", "parsing time \"20x");
    assertError("tag:\"bad\\q\"", "invalid syntax");
  }

  private static Query.Constraint inner(String expression) throws SearchException {
    Query.Logical top = Objects.requireNonNull(Expressions.parse(expression).logical());
    Query.Constraint b = Objects.requireNonNull(top.b());
    return b;
  }

  private static void assertError(String expression, String message) {
    assertThatThrownBy(() -> Expressions.parse(expression))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining(message);
  }
}
