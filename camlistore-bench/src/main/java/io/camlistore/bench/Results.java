package io.camlistore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a benchmark run measured, as the Markdown written to {@code bench-results.md}. */
final class Results {
  /**
   * One measurement of this client.
   *
   * @param scenario what was done
   * @param throughput how fast, with its unit
   * @param seconds how long it took
   * @param requests the HTTP requests it made
   * @param peakHeapMiB the client's peak heap meanwhile
   */
  record Row(
      String scenario, String throughput, double seconds, long requests, double peakHeapMiB) {
    /** {@return the row as a line of the results table} */
    String markdown() {
      return String.format(
          Locale.ROOT,
          "| %s | %s | %.2f s | %d | %.0f MiB |",
          scenario,
          throughput,
          seconds,
          requests,
          peakHeapMiB);
    }
  }

  /**
   * The same work done by this client and by {@code pk-put}, each on its own fresh data of the same
   * shape.
   *
   * @param work what both did
   * @param units how much work, in {@code unit}s (blobs, MiB, files)
   * @param unit what the throughput counts
   * @param clientSeconds how long this client took
   * @param pkPutSeconds how long {@code pk-put} took
   */
  record Comparison(
      String work, long units, String unit, double clientSeconds, double pkPutSeconds) {
    /** {@return this client's throughput divided by pk-put's: above 1, this client is faster} */
    double ratio() {
      // The same amount of work: the ratio of throughputs is the inverse ratio of times.
      return pkPutSeconds / clientSeconds;
    }

    /** {@return the comparison as a line of the comparison table} */
    String markdown() {
      return String.format(
          Locale.ROOT,
          "| %s | %s | %s | %.2f |",
          work,
          rate(clientSeconds),
          rate(pkPutSeconds),
          ratio());
    }

    private String rate(double seconds) {
      return String.format(Locale.ROOT, "%.2f s, %.1f %s/s", seconds, units / seconds, unit);
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  void add(Comparison comparison) {
    comparisons.add(comparison);
  }

  /**
   * {@return the results file's content: this client's table and, if pk-put ran, the comparisons}
   *
   * @param server the server's URL, or a description of it
   * @param heapLimitMiB the client's heap limit
   */
  String markdown(String server, long heapLimitMiB) {
    StringBuilder out = new StringBuilder();
    out.append("Server: ")
        .append(server)
        .append(", client heap limit: ")
        .append(heapLimitMiB)
        .append(" MiB\n\n")
        .append("| scenario | throughput | time | HTTP requests | peak client heap |\n")
        .append("|---|---|---|---|---|\n");
    rows.forEach(row -> out.append(row.markdown()).append('\n'));
    if (!comparisons.isEmpty()) {
      out.append("\nThis client against pk-put, each on its own fresh data of the same shape")
          .append(" (ratio: this client's throughput / pk-put's):\n\n")
          .append("| work | this client | pk-put | ratio |\n")
          .append("|---|---|---|---|\n");
      comparisons.forEach(comparison -> out.append(comparison.markdown()).append('\n'));
    }
    return out.toString();
  }
}
