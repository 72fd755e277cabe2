package io.camlistore.testkit.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each predicate's constraint, and Perkeep's messages for bad arguments. */
class ExpressionPredicatesTest {
  /** {@return the constraint of an atom written as Perkeep splits it at its colons} */
  private static Query.Constraint of(String atom) {
    List<String> parts = Arrays.asList(atom.split(":", -1));
    return ExpressionPredicates.constraint(parts.get(0), parts.subList(1, parts.size()), atom);
  }

  @Test
  void predicatesBuildPerkeepsConstraints() {
    assertThat(of("ref:sha224-ab")).isEqualTo(Constraints.blobRefPrefix("sha224-ab"));
    assertThat(of("tag:alpha")).isEqualTo(Constraints.withAttr("tag", "alpha"));
    assertThat(of("attr:title:~Beach"))
        .isEqualTo(
            Constraints.withAttrMatching(
                "title", Constraints.contains("Beach", true, false), true));
    assertThat(of("attr:title:Beach")).isEqualTo(Constraints.withAttr("title", "Beach"));
    assertThat(of("title:Beach"))
        .isEqualTo(
            Constraints.withAttrMatching(
                "title", Constraints.contains("Beach", true, false), true));
    assertThat(of("format:png")).isEqualTo(Constraints.ofFile(Constraints.fileOfType("image/png")));
    assertThat(of("format:jpg"))
        .isEqualTo(Constraints.ofFile(Constraints.fileOfType("image/jpeg")));
    assertThat(of("format:video/mp4"))
        .isEqualTo(Constraints.ofFile(Constraints.fileOfType("video/mp4")));
    assertThat(of("is:post"))
        .isEqualTo(Constraints.withAttrValue("camliNodeType", "twitter.com:tweet"));
    assertThat(of("is:image").permanode()).isNotNull();
    assertThat(of("with:ann").permanode()).isNotNull();
    assertThat(of("after:2020").permanode()).isNotNull();
  }

  @Test
  void fileNameGlobsBecomeStringMatches() {
    assertThat(of("filename:a.txt"))
        .isEqualTo(Constraints.ofFile(Constraints.fileNamed(Constraints.equalTo("a.txt"))));
    assertThat(of("filename:a*"))
        .isEqualTo(Constraints.ofFile(Constraints.fileNamed(Constraints.prefix("a"))));
    assertThat(of("filename:*.jpg"))
        .isEqualTo(Constraints.ofFile(Constraints.fileNamed(Constraints.suffix(".jpg"))));
    assertThat(of("filename:*mid*"))
        .isEqualTo(
            Constraints.ofFile(Constraints.fileNamed(Constraints.contains("mid", false, false))));
  }

  @Test
  void predicatesTheEmbeddedServerCannotEvaluateAreMarkedUnsupported() {
    assertThat(of("is:pano").unsupported()).containsExactly("file.widthHeightRation");
    assertThat(of("width:100-").unsupported()).containsExactly("file.width");
    assertThat(of("height:-1024").unsupported()).containsExactly("file.height");
    assertThat(of("loc:paris").unsupported()).containsExactly("permanode.location");
    assertThat(of("named:x").unsupported()).containsExactly("named searches");
    assertThat(of("childrenof:sha224-ab").unsupported()).containsExactly("permanode.relation");
  }

  @Test
  void badArgumentsFailWithPerkeepsMessages() {
    assertRefused(":x", "Unknown search predicate: \":x\"");
    assertRefused("tag:a:b", "Wrong number of arguments for \"tag\", given 2, expected 1");
    assertRefused("attr:title", "Wrong number of arguments for \"attr\", given 1, expected 2");
    assertRefused("filename:*a*b", "unsupported glob wildcard in filename search predicate");
    assertRefused("width:wide", "Unable to parse \"wide\" as range");
    assertRefused("after:20x", "parsing time \"20x");
    assertRefused("format:tiff", "Unknown format: tiff");
  }

  private static void assertRefused(String atom, String message) {
    assertThatThrownBy(() -> of(atom))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
