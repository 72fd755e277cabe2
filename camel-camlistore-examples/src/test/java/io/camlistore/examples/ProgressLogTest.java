package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLogTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<String> lines = new ArrayList<>();
  private final ProgressLog log =
      new ProgressLog("files", Duration.ofSeconds(5), now::get, lines::add);

  @Test
  void writesAProgressLineOncePerIntervalFromTheFirstItem() {
    log.update(1_000_000, 1, 100);
    now.addAndGet(4_999);
    log.update(1_000_000, 2, 200);
    assertThat(lines).isEmpty();

    now.addAndGet(1);
    log.update(1_000_000, 3, 10 * 1024 * 1024);
    now.addAndGet(1_000);
    log.update(1_000_000, 4, 11 * 1024 * 1024);

    assertThat(lines)
        .containsExactly(
            "progress: 3 files, 10.0 MiB (10485760 bytes) in 5.0 s (0.6 files/s, 2.0 MiB"
                + " (2097152 bytes)/s)");
  }

  @Test
  void measuresFromTheEarliestPickUpToTheLastItemDone() {
    now.set(2_000);
    log.update(1_500, 1, 1);
    now.set(3_000);
    log.update(1_000, 2, 2);

    assertThat(log.elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void elapsedIsZeroBeforeAnyItem() {
    assertThat(log.elapsed()).isZero();
  }

  @Test
  void writesTheSummaryOnlyOnce() {
    assertThat(log.finish("done")).isTrue();
    assertThat(log.finish("done again")).isFalse();

    assertThat(lines).containsExactly("done");
  }

  @Test
  void formatsSizesForPeople() {
    assertThat(ProgressLog.bytes(0)).isEqualTo("0 bytes");
    assertThat(ProgressLog.bytes(1)).isEqualTo("1 byte");
    assertThat(ProgressLog.bytes(1023)).isEqualTo("1023 bytes");
    assertThat(ProgressLog.bytes(1536)).isEqualTo("1.5 KiB (1536 bytes)");
    assertThat(ProgressLog.bytes(5L << 40)).isEqualTo("5.0 TiB (5497558138880 bytes)");
    assertThat(ProgressLog.bytes(5L << 50)).isEqualTo("5120.0 TiB (5629499534213120 bytes)");
    assertThat(ProgressLog.seconds(Duration.ofMillis(1250))).isEqualTo("1.3 s");
  }
}
