package io.camlistore.examples;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The clock and the console of a long run: it measures from the first item picked up to the last
 * one done, writes a progress line at most once per interval, and the final summary exactly once.
 * Thread-safe.
 */
final class ProgressLog {
  private final String unit;
  private final long intervalMillis;
  private final LongSupplier clock;
  private final Consumer<String> out;
  private final AtomicBoolean finished = new AtomicBoolean();
  private long start = -1;
  private long end = -1;
  private long lastProgress = -1;

  /**
   * Creates the log; the clock starts with the first item.
   *
   * @param unit what is counted, in the plural ("files")
   * @param interval the least time between two progress lines
   * @param clock the time in epoch milliseconds, as {@link System#currentTimeMillis()}
   * @param out where the lines go
   */
  ProgressLog(String unit, Duration interval, LongSupplier clock, Consumer<String> out) {
    this.unit = unit;
    this.intervalMillis = interval.toMillis();
    this.clock = clock;
    this.out = out;
  }

  /**
   * Notes that an item is done, and writes a progress line if the interval has passed since the
   * last one (or the start).
   *
   * @param pickedUp when the item was picked up, in epoch milliseconds
   * @param items the items done so far
   * @param bytes their bytes
   */
  synchronized void update(long pickedUp, long items, long bytes) {
    long now = clock.getAsLong();
    if (start < 0 || pickedUp < start) {
      start = pickedUp;
    }
    end = now;
    if (lastProgress < 0) {
      lastProgress = start;
    }
    if (now - lastProgress < intervalMillis) {
      return;
    }
    lastProgress = now;
    double seconds = Math.max(now - start, 1) / 1000.0;
    out.accept(
        String.format(
            Locale.ROOT,
            "progress: %d %s, %s in %s (%.1f %s/s, %s/s)",
            items,
            unit,
            bytes(bytes),
            seconds(elapsed()),
            items / seconds,
            unit,
            bytes((long) (bytes / seconds))));
  }

  /**
   * Writes the summary line, the first time only.
   *
   * @param summary the line
   * @return whether it was written now
   */
  boolean finish(String summary) {
    if (!finished.compareAndSet(false, true)) {
      return false;
    }
    out.accept(summary);
    return true;
  }

  /** {@return the time from the first item picked up to the last one done; zero before any} */
  synchronized Duration elapsed() {
    return start < 0 ? Duration.ZERO : Duration.ofMillis(end - start);
  }

  /** {@return a byte count for people: "597 bytes", "10.2 KiB (10412 bytes)"} */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s (%d bytes)", value, units[unit], bytes);
  }

  /** {@return a duration in seconds with one decimal: "0.4 s"} */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
