package io.camlistore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rfc3339Test {
  @ParameterizedTest
  @CsvSource({
    "2020-11-01T12:00:00Z, 2020-11-01T12:00:00Z",
    "2026-11-25T09:29:46.551179453Z, 2026-11-25T09:29:46.551179453Z",
    "2026-11-25T09:30:13.35023705Z, 2026-11-25T09:30:13.35023705Z",
    "2026-11-25T09:30:13.500Z, 2026-11-25T09:30:13.5Z",
    "2026-11-25T09:30:13.000001Z, 2026-11-25T09:30:13.000001Z",
    "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
    "1969-12-31T23:59:59.5Z, 1969-12-31T23:59:59.5Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999999Z",
    "+2020-11-01T13:00:00+01:00, 2020-11-01T12:00:00Z"
  })
  void formatsInUtcWithTrailingFractionZerosTrimmed(String input, String expected) {
    Instant time =
        input.startsWith("+")
            ? OffsetDateTime.parse(input.substring(1)).toInstant()
            : Instant.parse(input);

    assertThat(Rfc3339.format(time)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
  void rejectsYearsRfc3339CannotWrite(String input) {
    Instant time = Instant.parse(input);

    assertThatThrownBy(() -> Rfc3339.format(time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(time.toString())
        .hasMessageContaining("0000..9999");
  }

  @ParameterizedTest
  @CsvSource({
    "2020-11-01T12:00:00Z, 2020-11-01T12:00:00Z",
    "2020-11-01T13:00:00.5+01:00, 2020-11-01T12:00:00.500Z",
    "2026-11-25T09:30:13.35023705Z, 2026-11-25T09:30:13.35023705Z"
  })
  void parsesWhatGoParses(String text, String expected) {
    assertThat(Rfc3339.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "2020-11-01T12:00Z",
    "2020-11-01 12:00:00Z",
    "2020-11-01T12:00:00",
    "yesterday",
    "''"
  })
  void rejectsWhatGoRejects(String text) {
    assertThat(Rfc3339.parse(text)).isNull();
  }

  @org.junit.jupiter.api.Test
  void readsNoTimeFromNull() {
    assertThat(Rfc3339.parse(null)).isNull();
  }
}
