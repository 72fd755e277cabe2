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
 * Counts what the ingestion route did with each file: stored (a file schema and a permanode made
 * now), already present (the server had a permanode with its name and content, so nothing was
 * sent), or failed. The route calls {@link #stored}, {@link #alreadyPresent} and {@link #failed}; a
 * progress line is logged every interval and the summary once at the end, and a watching run logs
 * the counts whenever it has caught up with the files found so far ({@link #caughtUp}).
 * Thread-safe.
 */
public final class IngestSummary {
  private static final Logger LOG = LoggerFactory.getLogger(IngestSummary.class);

  private final ProgressLog progress;
  private final Consumer<String> out;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong alreadyPresent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong reportedDone = new AtomicLong(-1);

  /**
   * Starts counting, logging progress at most once per interval.
   *
   * @param progressInterval the least time between two progress lines
   */
  public IngestSummary(Duration progressInterval) {
    this(progressInterval, System::currentTimeMillis, LOG::info);
  }

  IngestSummary(Duration progressInterval, LongSupplier clock, Consumer<String> out) {
    this.progress = new ProgressLog("files", progressInterval, clock, out);
    this.out = out;
  }

  /**
   * Counts a file stored now, as putFile reported it.
   *
   * @param exchange the file's exchange, which tells when it was picked up
   * @param size the size of its content, as putFile stored it
   */
  public void stored(Exchange exchange, @Header(CamlistoreConstants.BLOB_SIZE) long size) {
    stored(exchange.getClock().getCreated(), size);
  }

  void stored(long pickedUp, long size) {
    stored.incrementAndGet();
    done(pickedUp, size);
  }

  /**
   * Counts a file the server already held with its name and content, which was not sent again.
   *
   * @param exchange the file's exchange, which tells when it was picked up
   * @param size the local file's size
   */
  public void alreadyPresent(Exchange exchange, @Header(Exchange.FILE_LENGTH) long size) {
    alreadyPresent(exchange.getClock().getCreated(), size);
  }

  void alreadyPresent(long pickedUp, long size) {
    alreadyPresent.incrementAndGet();
    done(pickedUp, size);
  }

  private void done(long pickedUp, long size) {
    long count = files.incrementAndGet();
    progress.update(pickedUp, count, bytes.addAndGet(size));
  }

  /**
   * Counts a file that could not be stored (the route logs why).
   *
   * @param exchange the file's exchange
   */
  public void failed(Exchange exchange) {
    failures.incrementAndGet();
    LOG.debug("not stored: {}", exchange.getMessage().getHeader(Exchange.FILE_NAME));
  }

  /** {@return the number of files stored now or found already present} */
  public long files() {
    return files.get();
  }

  /** {@return the bytes of those files} */
  public long bytes() {
    return bytes.get();
  }

  /** {@return the number of files stored now, each as a file schema with a permanode} */
  public long stored() {
    return stored.get();
  }

  /** {@return the number of files the server already held with the same name and content} */
  public long alreadyPresent() {
    return alreadyPresent.get();
  }

  /** {@return the number of files that could not be stored} */
  public long failures() {
    return failures.get();
  }

  /** {@return the time from the first file picked up to the last one done; zero before any} */
  public Duration elapsed() {
    return progress.elapsed();
  }

  /** {@return the one-line summary of the run so far} */
  public String summary() {
    return "Summary: " + counts() + ", in " + ProgressLog.seconds(elapsed());
  }

  private String counts() {
    return String.format(
        Locale.ROOT,
        "%d files, %s: %d stored, %d already present, %d failed",
        files(),
        ProgressLog.bytes(bytes()),
        stored(),
        alreadyPresent(),
        failures());
  }

  /**
   * Tells a watching run's user that every file found so far is done, with the counts, unless
   * nothing was done since the last time: a watching run is otherwise silent until it is stopped.
   */
  public void caughtUp() {
    long done = files() + failures();
    if (reportedDone.getAndSet(done) != done) {
      out.accept("Caught up: " + counts() + "; watching for new files");
    }
  }

  /** Logs the summary, the first time only. */
  public void log() {
    progress.finish(summary());
  }
}
