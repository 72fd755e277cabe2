package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormValuesTest {
  private static final String URLENCODED = "application/x-www-form-urlencoded";

  @Test
  void bodyValuesComeBeforeQueryValues() throws IOException {
    FormValues form = FormValues.read("POST", URLENCODED, body("a=body&b=2"), "a=query&c=3");

    assertThat(form.first("a")).isEqualTo("body");
    assertThat(form.first("b")).isEqualTo("2");
    assertThat(form.first("c")).isEqualTo("3");
    assertThat(form.first("d")).isEmpty();
    assertThat(form.has("d")).isFalse();
  }

  @Test
  void bodiesOfOtherTypesOrMethodsAreIgnored() throws IOException {
    assertThat(FormValues.read("POST", "text/plain", body("a=1"), null).has("a")).isFalse();
    assertThat(FormValues.read("GET", URLENCODED, body("a=1"), null).has("a")).isFalse();
  }

  @Test
  void decodesPlusPercentAndUnicodeAndSkipsBrokenPairs() {
    FormValues form = FormValues.ofQuery("x=a+b%2Fc&y=%zz&z=%4&é=ü&flag&semi=a;b");

    assertThat(form.first("x")).isEqualTo("a b/c");
    assertThat(form.has("y")).isFalse();
    assertThat(form.has("z")).isFalse();
    assertThat(form.first("é")).isEqualTo("ü");
    assertThat(form.has("flag")).isTrue();
    assertThat(form.has("semi")).isFalse();
  }

  @Test
  void refusesBodiesOverTenMegabytes() {
    byte[] huge = new byte[(10 << 20) + 1];

    assertThatThrownBy(
            () -> FormValues.read("POST", URLENCODED, new ByteArrayInputStream(huge), null))
        .hasMessageContaining("too large");
  }

  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
