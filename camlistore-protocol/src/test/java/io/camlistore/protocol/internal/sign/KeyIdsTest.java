package io.camlistore.protocol.internal.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyIdsTest {
  @Test
  void formatsAndParsesSixteenHexDigitsInEitherCase() {
    long id = KeyIds.parse("7559c29efa90dc38");

    assertThat(id).isEqualTo(0x7559C29EFA90DC38L);
    assertThat(KeyIds.format(id)).isEqualTo("7559C29EFA90DC38");
    assertThat(KeyIds.format(KeyIds.parse("C381C8E7E7D09D6F"))).isEqualTo("C381C8E7E7D09D6F");
    assertThat(KeyIds.format(1)).isEqualTo("0000000000000001");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "FA90DC38", "7559C29EFA90DC38A", "0x7559C29EFA90DC", "7559C29EFA90DC3G"})
  void rejectsAnythingElseQuotingIt(String text) {
    assertThatThrownBy(() -> KeyIds.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void rejectsNonAsciiDigits() {
    String fullWidth = "\uFF17559C29EFA90DC38".substring(0, 16);

    assertThatThrownBy(() -> KeyIds.parse(fullWidth)).isInstanceOf(IllegalArgumentException.class);
  }
}
