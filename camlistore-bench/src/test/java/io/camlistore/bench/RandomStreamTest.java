package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RandomStreamTest {
  @Test
  void yieldsExactlyItsLengthWhateverTheReadSizes() throws IOException {
    try (InputStream in = new RandomStream(1_003, 5)) {
      long read = in.read() >= 0 ? 1 : 0;
      byte[] buffer = new byte[13];
      for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
        read += n;
      }

      assertThat(read).isEqualTo(1_003);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void theSeedDecidesTheContent() throws IOException {
    try (InputStream a = new RandomStream(64, 1);
        InputStream b = new RandomStream(64, 1);
        InputStream c = new RandomStream(64, 2)) {
      byte[] first = a.readAllBytes();

      assertThat(first).isNotEqualTo(new byte[64]);
      assertThat(b.readAllBytes()).isEqualTo(first);
      assertThat(c.readAllBytes()).isNotEqualTo(first);
    }
  }
}
