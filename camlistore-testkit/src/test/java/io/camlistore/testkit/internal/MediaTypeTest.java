package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class MediaTypeTest {
  @Test
  void parsesTypeAndParametersCaseInsensitively() {
    MediaType type =
        Objects.requireNonNull(
            MediaType.parse("Multipart/Form-Data; Boundary=\"a\\\"b\"; charset=utf-8"));

    assertThat(type.type()).isEqualTo("multipart/form-data");
    assertThat(type.parameters()).isEqualTo(Map.of("boundary", "a\"b", "charset", "utf-8"));
    assertThat(type.parameter("missing")).isNull();
  }

  @Test
  void parsesContentDispositionWithoutSubtype() {
    MediaType disposition =
        Objects.requireNonNull(MediaType.parse("form-data; name=\"sha1-00\"; filename=x;"));

    assertThat(disposition.type()).isEqualTo("form-data");
    assertThat(disposition.parameter("name")).isEqualTo("sha1-00");
    assertThat(disposition.parameter("filename")).isEqualTo("x");
  }

  @Test
  void rejectsMalformedValues() {
    assertThat(MediaType.parse(null)).isNull();
    assertThat(MediaType.parse("")).isNull();
    assertThat(MediaType.parse("form data")).isNull();
    assertThat(MediaType.parse("form-data; name")).isNull();
    assertThat(MediaType.parse("form-data; name=")).isNull();
    assertThat(MediaType.parse("form-data; name=\"unterminated")).isNull();
    assertThat(MediaType.parse("form-data; name=a; name=b")).isNull();
    assertThat(MediaType.parse("form-data; name=a b")).isNull();
  }
}
