package io.camlistore.protocol.internal.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnsignedJsonTest {
  private static final String SIGNER =
      "sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e";
  private static final String OBJECT =
      "{\"camliVersion\": 1,\n  \"camliSigner\": \"" + SIGNER + "\"\n}";

  @Test
  void payloadIsTheObjectWithoutItsFinalBrace() {
    UnsignedJson json = UnsignedJson.parse(OBJECT);

    assertThat(json.payload()).isEqualTo(OBJECT.substring(0, OBJECT.length() - 1));
    assertThat(json.camliSigner()).hasToString(SIGNER);
    assertThat(json.claimDate()).isNull();
  }

  @Test
  void trailingWhiteSpaceIsWhatGoCallsWhiteSpace() {
    String goSpaces = " \t\n\u000B\f\r\u0085\u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000";

    assertThat(UnsignedJson.trimTrailingSpace("}" + goSpaces)).isEqualTo("}");
    // U+200B (zero width space) and U+001C are not white space in Go.
    assertThat(UnsignedJson.trimTrailingSpace("}\u200B")).isEqualTo("}\u200B");
    assertThat(UnsignedJson.trimTrailingSpace("}\u001C")).isEqualTo("}\u001C");
    assertThat(UnsignedJson.parse(OBJECT + goSpaces).payload())
        .isEqualTo(UnsignedJson.parse(OBJECT).payload());
  }

  @Test
  void characterThatIsNotGoWhiteSpaceAfterTheObjectIsAnError() {
    assertThatThrownBy(() -> UnsignedJson.parse(OBJECT + "\u200B"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsigned JSON is not valid JSON");
  }

  @Test
  void claimDateIsParsedAsRfc3339() {
    String withDate =
        OBJECT.replace("\n}", ",\n  \"claimDate\": \"2026-11-25T09:30:13.35023705Z\"\n}");

    assertThat(UnsignedJson.parse(withDate).claimDate())
        .isEqualTo(Instant.parse("2026-11-25T09:30:13.350237050Z"));
  }

  @Test
  void claimDateThatIsNotAStringIsAnError() {
    String withDate = OBJECT.replace("\n}", ",\n  \"claimDate\": 1604232000\n}");

    assertThatThrownBy(() -> UnsignedJson.parse(withDate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"claimDate\" of type number");
  }
}
