package io.camlistore.examples;

import io.camlistore.camel.CamlistoreConstants;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the ingestion route did: files, bytes, blobs written, blobs the server already had,
 * and failures. The route calls {@link #stored} and {@link #failed}; a progress line is logged
 * every interval and the summary once at the end. Thread-safe.
 */
public final class IngestSummary {
  private static final Logger LOG = LoggerFactory.getLogger(IngestSummary.class);

  private final ProgressLog progress;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong alreadyPresent = new AtomicLong();
  private final AtomicLong chunkedFiles = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

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
  }

  /**
   * Counts a stored file.
   *
   * @param exchange the file's exchange, which tells when it was picked up
   * @param size its size in bytes
   * @param alreadyStored whether the server had the blob before this upload; null when the route
   *     did not check
   * @param camliType {@code file} when the file was stored in chunks with a file schema, else null
   */
  public void stored(
      Exchange exchange,
      @Header(CamlistoreConstants.BLOB_SIZE) long size,
      @Variable(IngestRoute.ALREADY_STORED) @Nullable Boolean alreadyStored,
      @Header(CamlistoreConstants.CAMLI_TYPE) @Nullable String camliType) {
    stored(exchange.getClock().getCreated(), size, alreadyStored, "file".equals(camliType));
  }

  void stored(long pickedUp, long size, @Nullable Boolean alreadyStored, boolean chunked) {
    files.incrementAndGet();
    bytes.addAndGet(size);
    if (chunked) {
      chunkedFiles.incrementAndGet();
    } else if (Boolean.TRUE.equals(alreadyStored)) {
      alreadyPresent.incrementAndGet();
    }
    progress.update(pickedUp, files.get(), bytes.get());
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

  /** {@return the number of files stored} */
  public long files() {
    return files.get();
  }

  /** {@return the bytes of the files stored} */
  public long bytes() {
    return bytes.get();
  }

  /** {@return the number of files stored as one blob that the server did not have yet} */
  public long blobsWritten() {
    return files.get() - alreadyPresent.get() - chunkedFiles.get();
  }

  /** {@return the number of stored files whose blob the server already had} */
  public long alreadyPresent() {
    return alreadyPresent.get();
  }

  /** {@return the number of files over one blob's size, stored in chunks with a file schema} */
  public long chunkedFiles() {
    return chunkedFiles.get();
  }

  /** {@return the number of files that could not be stored} */
  public long failures() {
    return failures.get();
  }

  /** {@return the one-line summary of the run so far} */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Summary: %d files, %s: %d blobs written, %d already present,%s %d failed, in %s",
        files(),
        ProgressLog.bytes(bytes()),
        blobsWritten(),
        alreadyPresent(),
        chunkedFiles() == 0 ? "" : " " + chunkedFiles() + " stored in chunks,",
        failures(),
        ProgressLog.seconds(progress.elapsed()));
  }

  /** Logs the summary, the first time only. */
  public void log() {
    progress.finish(summary());
  }
}
