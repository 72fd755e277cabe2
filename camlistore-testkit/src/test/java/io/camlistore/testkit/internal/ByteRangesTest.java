package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangesTest {
  @Test
  void parsesTheFormsGoAccepts() throws Exception {
    assertThat(ByteRanges.parse("bytes=0-9", 100)).containsExactly(new ByteRanges.Range(0, 10));
    assertThat(ByteRanges.parse("bytes=90-", 100)).containsExactly(new ByteRanges.Range(90, 10));
    assertThat(ByteRanges.parse("bytes=-5", 100)).containsExactly(new ByteRanges.Range(95, 5));
    assertThat(ByteRanges.parse("bytes=-500", 100)).containsExactly(new ByteRanges.Range(0, 100));
    assertThat(ByteRanges.parse("bytes=50-500", 100)).containsExactly(new ByteRanges.Range(50, 50));
    assertThat(ByteRanges.parse("bytes= 0-1 , ,200-300, 3-4", 100))
        .containsExactly(new ByteRanges.Range(0, 2), new ByteRanges.Range(3, 2));
    assertThat(new ByteRanges.Range(0, 10).contentRange(262144)).isEqualTo("bytes 0-9/262144");
  }

  @Test
  void malformedRangesAreInvalid() {
    for (String header :
        new String[] {"items=0-1", "bytes=1", "bytes=a-b", "bytes=5-1", "bytes=-"}) {
      assertThatThrownBy(() -> ByteRanges.parse(header, 100))
          .as(header)
          .isInstanceOfSatisfying(
              ByteRanges.InvalidRangeException.class,
              e -> {
                assertThat(e.noOverlap()).isFalse();
                assertThat(e.reason()).isEqualTo("invalid range");
              });
    }
  }

  @Test
  void rangesPastTheEndFailToOverlap() {
    assertThatThrownBy(() -> ByteRanges.parse("bytes=100-200", 100))
        .isInstanceOfSatisfying(
            ByteRanges.InvalidRangeException.class,
            e -> assertThat(e.reason()).isEqualTo("invalid range: failed to overlap"));
  }
}
