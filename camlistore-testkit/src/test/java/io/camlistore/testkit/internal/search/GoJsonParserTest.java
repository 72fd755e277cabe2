package io.camlistore.testkit.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonParserTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{not json|invalid character 'n' looking for beginning of object key string",
        "{|unexpected EOF",
        "'   '|EOF",
        "{\"a\" 1}|invalid character '1' after object key",
        "{\"a\": 1 \"b\": 2}|invalid character '\"' after object key:value pair",
        "[1 2]|invalid character '2' after array element",
        "[1,]|invalid character ']' looking for beginning of value",
        "{\"a\": tru}|invalid character '}' in literal true (expecting 'e')",
        "{\"a\": nul}|invalid character '}' in literal null (expecting 'l')",
        "{\"a\": fx}|invalid character 'x' in literal false (expecting 'a')",
        "{\"a\": -x}|invalid character 'x' in numeric literal",
        "{\"a\": 1.}|invalid character '}' after decimal point in numeric literal",
        "{\"a\": 1e}|invalid character '}' in exponent of numeric literal",
        "{\"a\": \"\\q\"}|invalid character 'q' in string escape code",
        "{\"a\": \"\\u12x4\"}|invalid character 'x' in \\u hexadecimal character escape",
        "{\"a\": 'x'}|invalid character '\\'' looking for beginning of value",
        "@|invalid character '@' looking for beginning of value",
      })
  void decodingRejectsWhatGoRejectsWithGosMessage(String json, String message) {
    assertThatThrownBy(() -> GoJsonParser.decodeFirst(json))
        .isInstanceOf(GoJsonException.class)
        .hasMessage(message);
  }

  @Test
  void controlCharactersInStringsAreQuotedAsGoQuotesThem() {
    assertThatThrownBy(() -> GoJsonParser.decodeFirst("{\"a\": \"\u0001\"}"))
        .hasMessage("invalid character '\\x01' in string literal");
  }

  @Test
  void theDecoderReadsOnlyTheFirstValueButUnmarshalWantsOnlyOne() throws GoJsonException {
    GoValue first =
        GoJsonParser.decodeFirst(" {\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\n\"]} junk");

    assertThat(first.kind()).isEqualTo(GoValue.Kind.OBJECT);
    GoValue list = Objects.requireNonNull(first.member("A"));
    assertThat(list.elements())
        .extracting(GoValue::kind)
        .containsExactly(
            GoValue.Kind.NUMBER,
            GoValue.Kind.NUMBER,
            GoValue.Kind.BOOL,
            GoValue.Kind.NULL,
            GoValue.Kind.STRING);
    assertThat(list.elements().get(4).text()).isEqualTo("xé\n");
    assertThatThrownBy(() -> GoJsonParser.unmarshal("{} junk"))
        .hasMessage("invalid character 'j' after top-level value");
    assertThatThrownBy(() -> GoJsonParser.unmarshal("{"))
        .hasMessage("unexpected end of JSON input");
  }

  @Test
  void aRepeatedMemberKeepsTheLastValueAndExactNamesWinOverFoldedOnes() throws GoJsonException {
    GoValue object = GoJsonParser.decodeFirst("{\"x\": 1, \"X\": 2, \"x\": 3, \"Y\": 4}");

    GoValue x = Objects.requireNonNull(object.member("x"));

    GoValue y = Objects.requireNonNull(object.member("y"));
    assertThat(x.raw()).isEqualTo("3");
    assertThat(y.raw()).isEqualTo("4");
    assertThat(object.member("z")).isNull();
  }
}
