package io.camlistore.examples;

import io.camlistore.camel.CamlistoreConstants;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the blobs the export route wrote out and their bytes; logs a progress line every interval
 * and the summary once at the end. Thread-safe.
 */
public final class ExportSummary {
  private static final Logger LOG = LoggerFactory.getLogger(ExportSummary.class);

  private final ProgressLog progress;
  private final AtomicLong blobs = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  /**
   * Starts counting, logging progress at most once per interval.
   *
   * @param progressInterval the least time between two progress lines
   */
  public ExportSummary(Duration progressInterval) {
    this(progressInterval, System::currentTimeMillis, LOG::info);
  }

  ExportSummary(Duration progressInterval, LongSupplier clock, Consumer<String> out) {
    this.progress = new ProgressLog("blobs", progressInterval, clock, out);
  }

  /**
   * Counts a blob written out.
   *
   * @param exchange the blob's exchange, which tells when it was picked up
   * @param size its size in bytes
   */
  public void written(Exchange exchange, @Header(CamlistoreConstants.BLOB_SIZE) long size) {
    written(exchange.getClock().getCreated(), size);
  }

  void written(long pickedUp, long size) {
    blobs.incrementAndGet();
    bytes.addAndGet(size);
    progress.update(pickedUp, blobs.get(), bytes.get());
  }

  /** {@return the number of blobs written out} */
  public long blobs() {
    return blobs.get();
  }

  /** {@return the bytes of the blobs written out} */
  public long bytes() {
    return bytes.get();
  }

  /** {@return the one-line summary of the run so far} */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Summary: %d blobs, %s exported, in %s",
        blobs(),
        ProgressLog.bytes(bytes()),
        ProgressLog.seconds(progress.elapsed()));
  }

  /** Logs the summary, the first time only. */
  public void log() {
    progress.finish(summary());
  }
}
