package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
  void ingestCountsStoredPresentAndFailedFilesAndEveryFileInTheSummary() {
    IngestSummary summary = ingestSummary();

    summary.stored(9_000, 100);
    summary.alreadyPresent(9_500, 50);
    summary.stored(9_900, 20_000_000);
    summary.failed("big.bin", "refused");
    summary.log();
    summary.log();

    assertThat(summary.files()).isEqualTo(4);
    assertThat(summary.bytes()).isEqualTo(20_000_150);
    assertThat(summary.stored()).isEqualTo(2);
    assertThat(summary.alreadyPresent()).isEqualTo(1);
    assertThat(summary.failures()).isEqualTo(1);
    assertThat(lines)
        .containsExactly(
            "Summary: 4 files, 19.1 MiB (20000150 bytes): 2 stored, 1 already present, 1 failed,"
                + " in 1.0 s");
  }

  @Test
  void ingestTimesFromTheFirstFilePickedUpAndIsSettledWhenEveryFileIsDone() {
    IngestSummary summary = ingestSummary();
    Exchange first = new DefaultExchange(context);
    Exchange second = new DefaultExchange(context);
    now.set(first.getClock().getCreated() + 2_000);

    summary.pickedUp(second);
    summary.pickedUp(first);
    boolean settledBefore = summary.settled();
    summary.stored(second.getClock().getCreated(), 10);
    summary.alreadyPresent(second.getClock().getCreated(), 20);

    assertThat(settledBefore).isFalse();
    assertThat(summary.settled()).isTrue();
    assertThat(summary.bytes()).isEqualTo(30);
    assertThat(summary.summary()).endsWith(": 1 stored, 1 already present, 0 failed, in 2.0 s");
  }

  @Test
  void aBatchFailedAsAWholeCountsEachOfItsFilesFailed() {
    IngestSummary summary = ingestSummary();
    List<Exchange> batch = new ArrayList<>();
    for (String name : List.of("a.txt", "data/b.txt")) {
      Exchange file = new DefaultExchange(context);
      file.getMessage().setHeader(Exchange.FILE_NAME, name);
      summary.pickedUp(file);
      batch.add(file);
    }
    Exchange failed = new DefaultExchange(context);
    failed.getMessage().setBody(batch);
    failed.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("server gone"));

    summary.notStored(failed);

    assertThat(summary.failures()).isEqualTo(2);
    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.settled()).isTrue();
  }

  @Test
  void ingestReportsCatchingUpOnlyWhenFilesWereDoneSinceTheLastReport() {
    IngestSummary summary = ingestSummary();

    summary.caughtUp();
    summary.stored(9_000, 100);
    summary.caughtUp();
    summary.caughtUp();
    summary.failed("big.bin", "refused");
    summary.caughtUp();

    assertThat(lines)
        .containsExactly(
            "Caught up: 0 files, 0 bytes: 0 stored, 0 already present, 0 failed; watching for new"
                + " files",
            "Caught up: 1 files, 100 bytes: 1 stored, 0 already present, 0 failed; watching for new"
                + " files",
            "Caught up: 2 files, 100 bytes: 1 stored, 0 already present, 1 failed; watching for new"
                + " files");
  }

  private IngestSummary ingestSummary() {
    return new IngestSummary(Duration.ofMinutes(1), Path.of("input"), now::get, lines::add);
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
