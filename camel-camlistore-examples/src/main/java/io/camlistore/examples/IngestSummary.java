package io.camlistore.examples;

import io.camlistore.camel.FilesNotStoredException;
import io.camlistore.client.FileResult;
import io.camlistore.client.FileUpload;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ingestion route did with each file it picked up: stored (some of its blobs were sent
 * now), already present (the server had every blob of it, its permanode included, so nothing was
 * sent), or failed. The route calls {@link #pickedUp} for each file, then {@link #record} with a
 * batch's results, or {@link #notStored} when a batch failed after its redeliveries. Each file gets
 * one line ({@code NAME → file REF, permanode REF}, {@code NAME already stored, permanode REF}, or
 * a warning naming why it failed), a progress line is logged every interval and the summary once at
 * the end; a watching run logs the counts whenever it has caught up ({@link #caughtUp}).
 * Thread-safe.
 */
public final class IngestSummary {
  private static final Logger LOG = LoggerFactory.getLogger(IngestSummary.class);
  private static final Logger FILES = LoggerFactory.getLogger(IngestRoute.LOG_NAME);

  private final Path input;
  private final ProgressLog progress;
  private final Consumer<String> out;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong firstPickUp = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong alreadyPresent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong reportedDone = new AtomicLong(-1);

  /**
   * Starts counting, logging progress at most once per interval.
   *
   * @param progressInterval the least time between two progress lines
   * @param input the folder ingested, whose files are named relative to it
   */
  public IngestSummary(Duration progressInterval, Path input) {
    this(progressInterval, input, System::currentTimeMillis, LOG::info);
  }

  IngestSummary(Duration progressInterval, Path input, LongSupplier clock, Consumer<String> out) {
    this.input = input.toAbsolutePath().normalize();
    this.progress = new ProgressLog("files", progressInterval, clock, out);
    this.out = out;
  }

  /**
   * Counts a file picked up, before it joins a batch: the run's clock starts with the first.
   *
   * @param exchange the file's exchange
   */
  public void pickedUp(Exchange exchange) {
    seen.incrementAndGet();
    firstPickUp.accumulateAndGet(exchange.getClock().getCreated(), Math::min);
  }

  /**
   * Counts and logs each file of a stored batch.
   *
   * @param results what putFiles did with each file
   */
  public void record(List<FileResult> results) {
    for (FileResult result : results) {
      String name = nameOf(result);
      switch (result.status()) {
        case STORED -> {
          FileUpload upload = result.uploadOrThrow();
          FILES.info("{} → file {}, permanode {}", name, upload.contentRef(), permanode(upload));
          done(stored, sizeOf(result));
        }
        case ALREADY_STORED -> {
          FILES.info("{} already stored, permanode {}", name, permanode(result.uploadOrThrow()));
          done(alreadyPresent, sizeOf(result));
        }
        case FAILED -> failed(name, reason(result.error()));
      }
    }
  }

  /**
   * Counts and logs the files of a batch that failed after its redeliveries: those putFiles could
   * not store (the others as {@link #record} does), or every file of the batch when it failed as a
   * whole.
   *
   * @param exchange the batch's exchange, the failure caught on it, its body the batch's files
   */
  public void notStored(Exchange exchange) {
    Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    if (caught instanceof FilesNotStoredException partly) {
      record(partly.results());
      return;
    }
    String reason =
        caught == null
            ? "unknown error"
            : Objects.toString(caught.getMessage(), caught.getClass().getName());
    Object body = exchange.getMessage().getBody();
    List<?> files = body instanceof List<?> batch ? batch : List.of(exchange);
    for (Object file : files) {
      String name =
          file instanceof Exchange fileExchange
              ? fileExchange.getMessage().getHeader(Exchange.FILE_NAME, "a file", String.class)
              : String.valueOf(file);
      failed(name, reason);
    }
  }

  /** {@return whether every file picked up so far is stored, present or failed} */
  public boolean settled() {
    return seen.get() == done();
  }

  void stored(long pickedUp, long size) {
    firstPickUp.accumulateAndGet(pickedUp, Math::min);
    done(stored, size);
  }

  void alreadyPresent(long pickedUp, long size) {
    firstPickUp.accumulateAndGet(pickedUp, Math::min);
    done(alreadyPresent, size);
  }

  void failed(String name, String reason) {
    FILES.warn("could not store {}: {}", name, reason);
    done(failures, 0);
  }

  private void done(AtomicLong outcome, long size) {
    outcome.incrementAndGet();
    long total = bytes.addAndGet(size);
    long first = firstPickUp.get();
    if (first != Long.MAX_VALUE) {
      progress.update(first, done(), total);
    }
  }

  private long done() {
    return stored.get() + alreadyPresent.get() + failures.get();
  }

  private String nameOf(FileResult result) {
    Path path = result.source().path();
    if (path != null && path.toAbsolutePath().normalize().startsWith(input)) {
      return input.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
    return result.source().fileName();
  }

  private static long sizeOf(FileResult result) {
    Path path = result.source().path();
    if (path == null) {
      return 0;
    }
    try {
      return Files.size(path);
    } catch (IOException e) {
      // Stored, then moved or deleted by someone else: the count stays right, the bytes not.
      return 0;
    }
  }

  private static String permanode(FileUpload upload) {
    BlobRef ref = upload.permanodeRef();
    return ref == null ? "none" : ref.toString();
  }

  private static String reason(@Nullable RuntimeException error) {
    String message = error == null ? null : error.getMessage();
    return message == null ? "no reason given by putFiles" : message;
  }

  /** {@return the number of files done: stored, found already present, or failed} */
  public long files() {
    return done();
  }

  /** {@return the bytes of the files stored or found already present} */
  public long bytes() {
    return bytes.get();
  }

  /** {@return the number of files stored now} */
  public long stored() {
    return stored.get();
  }

  /** {@return the number of files the server already held, every blob of them} */
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
    long done = files();
    if (reportedDone.getAndSet(done) != done) {
      out.accept("Caught up: " + counts() + "; watching for new files");
    }
  }

  /** Logs the summary, the first time only. */
  public void log() {
    progress.finish(summary());
  }
}
