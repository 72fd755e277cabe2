package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.Rfc3339;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTextTest {
  @Test
  void quotesLikeGoPercentQ() {
    assertThat(GoText.quote("notablobref")).isEqualTo("\"notablobref\"");
    assertThat(GoText.quote("a\"b\\c\n\t\u0007\u000b\b\f\r"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\a\\v\\b\\f\\r\"");
    assertThat(GoText.quote("\u0001\u007fé\u200b\uD83D\uDE00\uDB80\uDC00"))
        .isEqualTo("\"\\x01\\x7fé\\u200b\uD83D\uDE00\\U000f0000\"");
  }

  @Test
  void formatsTimesAsRfc3339NanoWithTrailingZerosTrimmed() {
    assertThat(Rfc3339.format(Instant.parse("2026-11-25T09:27:41.903404525Z")))
        .isEqualTo("2026-11-25T09:27:41.903404525Z");
    assertThat(Rfc3339.format(Instant.parse("2026-11-25T09:30:13.350Z")))
        .isEqualTo("2026-11-25T09:30:13.35Z");
    assertThat(Rfc3339.format(Instant.parse("2020-11-01T12:00:00Z")))
        .isEqualTo("2020-11-01T12:00:00Z");
  }

  @Test
  void parsesNumbersLikeGoStrconv() {
    assertThat(GoStrconv.atoi("12")).isEqualTo(12);
    assertThat(GoStrconv.atoi("-3")).isEqualTo(-3);
    assertThat(GoStrconv.atoi("+4")).isEqualTo(4);
    assertThat(GoStrconv.atoi("x")).isZero();
    assertThat(GoStrconv.atoi("99999999999")).isEqualTo(Integer.MAX_VALUE);
    assertThat(GoStrconv.atoi("-99999999999")).isEqualTo(Integer.MIN_VALUE);
    assertThat(GoStrconv.parseUint32("20000")).isEqualTo(20000);
    assertThat(GoStrconv.parseUint32("-1")).isEqualTo(-1);
    assertThat(GoStrconv.parseUint32("4294967296")).isEqualTo(-1);
    assertThat(GoStrconv.parseUint32("99999999999999999999")).isEqualTo(-1);
  }
}
