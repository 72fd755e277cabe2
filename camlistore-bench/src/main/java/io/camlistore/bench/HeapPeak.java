package io.camlistore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap in use between {@link #reset()} and {@link #peakMiB()}, sampled every millisecond by a
 * daemon thread (a sum of per-pool peaks would overstate it: pools peak at different times).
 */
final class HeapPeak {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final AtomicLong PEAK = new AtomicLong();

  static {
    Thread sampler =
        new Thread(
            () -> {
              while (true) {
                PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private HeapPeak() {}

  static void reset() {
    System.gc();
    PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
  }

  static double peakMiB() {
    return PEAK.get() / (1024.0 * 1024.0);
  }
}
