package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link IngestSummary} and {@link ExportSummary}: what they count and how they report it. */
class SummaryTest {
  private final AtomicLong now = new AtomicLong(10_000);
  private final List<String> lines = new ArrayList<>();
  private final CamelContext context = new DefaultCamelContext();

  @AfterEach
  void stopContext() {
    context.stop();
  }

  @Test
  void ingestCountsStoredPresentAndFailedFiles() {
    IngestSummary summary = new IngestSummary(Duration.ofMinutes(1), now::get, lines::add);

    summary.stored(9_000, 100);
    summary.alreadyPresent(9_500, 50);
    summary.stored(9_900, 20_000_000);
    Exchange failed = new DefaultExchange(context);
    failed.getMessage().setHeader(Exchange.FILE_NAME, "big.bin");
    summary.failed(failed);
    summary.log();
    summary.log();

    assertThat(summary.files()).isEqualTo(3);
    assertThat(summary.bytes()).isEqualTo(20_000_150);
    assertThat(summary.stored()).isEqualTo(2);
    assertThat(summary.alreadyPresent()).isEqualTo(1);
    assertThat(summary.failures()).isEqualTo(1);
    assertThat(lines)
        .containsExactly(
            "Summary: 3 files, 19.1 MiB (20000150 bytes): 2 stored, 1 already present, 1 failed,"
                + " in 1.0 s");
  }

  @Test
  void ingestTakesThePickUpTimeAndSizesFromTheExchange() {
    IngestSummary summary = new IngestSummary(Duration.ofMinutes(1), now::get, lines::add);
    Exchange exchange = new DefaultExchange(context);
    now.set(exchange.getClock().getCreated() + 2_000);

    summary.stored(exchange, 10);
    summary.alreadyPresent(exchange, 20);

    assertThat(summary.bytes()).isEqualTo(30);
    assertThat(summary.summary()).endsWith(": 1 stored, 1 already present, 0 failed, in 2.0 s");
  }

  @Test
  void ingestReportsCatchingUpOnlyWhenFilesWereDoneSinceTheLastReport() {
    IngestSummary summary = new IngestSummary(Duration.ofMinutes(1), now::get, lines::add);

    summary.caughtUp();
    summary.stored(9_000, 100);
    summary.caughtUp();
    summary.caughtUp();
    Exchange failed = new DefaultExchange(context);
    failed.getMessage().setHeader(Exchange.FILE_NAME, "big.bin");
    summary.failed(failed);
    summary.caughtUp();

    assertThat(lines)
        .containsExactly(
            "Caught up: 0 files, 0 bytes: 0 stored, 0 already present, 0 failed; watching for new"
                + " files",
            "Caught up: 1 files, 100 bytes: 1 stored, 0 already present, 0 failed; watching for new"
                + " files",
            "Caught up: 1 files, 100 bytes: 1 stored, 0 already present, 1 failed; watching for new"
                + " files");
  }

  @Test
  void exportCountsBlobsAndBytes() {
    ExportSummary summary = new ExportSummary(Duration.ofMinutes(1), now::get, lines::add);
    Exchange exchange = new DefaultExchange(context);
    now.set(exchange.getClock().getCreated() + 500);

    summary.written(exchange, 2048);
    summary.written(exchange, 2048);
    summary.log();

    assertThat(summary.blobs()).isEqualTo(2);
    assertThat(summary.bytes()).isEqualTo(4096);
    assertThat(lines).containsExactly("Summary: 2 blobs, 4.0 KiB (4096 bytes) exported, in 0.5 s");
  }
}
