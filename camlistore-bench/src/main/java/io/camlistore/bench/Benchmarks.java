package io.camlistore.bench;

import io.camlistore.client.Auth;
import io.camlistore.client.Blob;
import io.camlistore.client.BlobInputStream;
import io.camlistore.client.BlobRef;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.FileMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Measures the client against the embedded server (started in a child JVM) or, with {@code
 * -Dcamlistore.url=…} and {@code -Dcamlistore.auth=…}, against a real Perkeep server. Each scenario
 * reports its throughput, the HTTP requests it needed and this JVM's peak heap; the table is
 * printed and written to {@code -Dbench.results}. Run with {@code mvn -B -Pbench verify}.
 */
public final class Benchmarks {
  private static final double MIB = 1024.0 * 1024.0;

  private final Connection conn;
  private final RequestCounter counter;
  private final Random random = new Random(System.nanoTime());
  private final List<String> rows = new ArrayList<>();

  private Benchmarks(Connection conn, RequestCounter counter) {
    this.conn = conn;
    this.counter = counter;
  }

  /**
   * Runs the benchmarks.
   *
   * @param args unused; configuration comes from system properties
   * @throws Exception if the server process, the results file or the Camel route fails
   */
  public static void main(String[] args) throws Exception {
    String url = System.getProperty("camlistore.url", "");
    Set<String> scenarios = Set.of(System.getProperty("bench.scenarios", "all").split(","));
    Path results = Path.of(System.getProperty("bench.results", "bench-results.md"));
    ServerProcess server = null;
    if (url.isBlank()) {
      Path storage = Files.createTempDirectory(results.toAbsolutePath().getParent(), "bench-store");
      server = ServerProcess.start(storage);
      url = server.url();
      System.out.println(
          "Benchmarking against the embedded server at " + url + " (" + storage + ")");
    } else {
      System.out.println("Benchmarking against " + url);
    }
    RequestCounter counter = new RequestCounter();
    ConnectOptions options =
        ConnectOptions.builder()
            .auth(Auth.parse(System.getProperty("camlistore.auth", "none")))
            .maxConnections(32)
            .httpClientCustomizer(counter::addTo)
            .build();
    try (Connection conn = Camlistore.connect(url, options)) {
      Benchmarks bench = new Benchmarks(conn, counter);
      counter.takeCount();
      if (wants(scenarios, "put-small")) {
        bench.putSmallBlobs(2_000, 4096);
      }
      if (wants(scenarios, "get-large")) {
        bench.getLargeBlobs(8);
      }
      if (wants(scenarios, "file")) {
        bench.file(200);
      }
      if (wants(scenarios, "file-1g")) {
        bench.file(1024);
      }
      if (wants(scenarios, "enumerate")) {
        bench.enumerate(100_000);
      }
      if (wants(scenarios, "ingest")) {
        bench.ingest(2_000, 4096);
      }
      bench.write(results, url);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static boolean wants(Set<String> scenarios, String name) {
    return scenarios.contains("all") || scenarios.contains(name);
  }

  private void putSmallBlobs(int count, int size) {
    List<Blob> blobs = randomBlobs(count, size);
    HeapPeak.reset();
    long start = System.nanoTime();
    conn.blobs().putMulti(blobs);
    double seconds = elapsed(start);
    record(
        "putMulti " + count + " x " + size / 1024 + " KiB",
        String.format(
            Locale.ROOT,
            "%.0f blobs/s, %.1f MiB/s",
            count / seconds,
            count * (double) size / MIB / seconds),
        seconds);
  }

  private void getLargeBlobs(int count) throws IOException {
    // One at a time: the client heap is meant to stay small.
    List<BlobRef> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(conn.blobs().put(randomBlobs(1, Blob.MAX_SIZE).get(0)));
    }
    counter.takeCount();
    HeapPeak.reset();
    long start = System.nanoTime();
    for (BlobRef ref : refs) {
      conn.blobs().get(ref);
    }
    double seconds = elapsed(start);
    record(
        "get " + count + " x 16 MiB",
        String.format(Locale.ROOT, "%.0f MiB/s", count * 16 / seconds),
        seconds);
    HeapPeak.reset();
    start = System.nanoTime();
    for (BlobRef ref : refs) {
      try (BlobInputStream in = conn.blobs().getStream(ref)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    seconds = elapsed(start);
    record(
        "getStream " + count + " x 16 MiB",
        String.format(Locale.ROOT, "%.0f MiB/s", count * 16 / seconds),
        seconds);
  }

  private void file(int mebibytes) throws IOException {
    long length = mebibytes * 1024L * 1024L;
    HeapPeak.reset();
    long start = System.nanoTime();
    BlobRef ref;
    try (InputStream in = new RandomStream(length, random.nextLong())) {
      ref = conn.files().putFile(in, "random-" + mebibytes + "m.bin", FileMetadata.empty());
    }
    double seconds = elapsed(start);
    record(
        "putFile " + mebibytes + " MiB random",
        String.format(Locale.ROOT, "%.1f MiB/s", mebibytes / seconds),
        seconds);
    HeapPeak.reset();
    start = System.nanoTime();
    long read;
    try (InputStream in = conn.files().getFile(ref)) {
      read = in.transferTo(OutputStream.nullOutputStream());
    }
    seconds = elapsed(start);
    if (read != length) {
      throw new IllegalStateException("read back " + read + " bytes of " + length);
    }
    record(
        "getFile " + mebibytes + " MiB",
        String.format(Locale.ROOT, "%.1f MiB/s", mebibytes / seconds),
        seconds);
  }

  private void enumerate(int count) {
    List<Blob> batch = new ArrayList<>();
    long salt = random.nextLong();
    for (int i = 0; i < count; i++) {
      batch.add(Blob.of("enumerate " + salt + " " + i));
      if (batch.size() == 10_000) {
        conn.blobs().putMulti(batch);
        batch.clear();
      }
    }
    conn.blobs().putMulti(batch);
    counter.takeCount();
    HeapPeak.reset();
    long start = System.nanoTime();
    long seen = conn.blobs().enumerate().count();
    double seconds = elapsed(start);
    record(
        "enumerate " + seen + " blobs",
        String.format(Locale.ROOT, "%.0f blobs/s", seen / seconds),
        seconds);
  }

  private void ingest(int count, int size) throws Exception {
    IngestScenario.Result result =
        IngestScenario.run(
            conn,
            count,
            size,
            random,
            () -> {
              counter.takeCount();
              HeapPeak.reset();
            });
    double seconds = result.elapsed().toNanos() / 1e9;
    record(
        "Camel ingest " + count + " x " + size / 1024 + " KiB files",
        String.format(Locale.ROOT, "%.0f files/s", result.filesPerSecond()),
        seconds);
  }

  private List<Blob> randomBlobs(int count, int size) {
    List<Blob> blobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      blobs.add(new Blob(data));
    }
    return blobs;
  }

  private static double elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void record(String scenario, String throughput, double seconds) {
    String row =
        String.format(
            Locale.ROOT,
            "| %s | %s | %.2f s | %d | %.0f MiB |",
            scenario,
            throughput,
            seconds,
            counter.takeCount(),
            HeapPeak.peakMiB());
    rows.add(row);
    System.out.println(row);
  }

  private void write(Path results, String url) throws IOException {
    StringBuilder table = new StringBuilder();
    table
        .append("Server: ")
        .append(url)
        .append(", client heap limit: ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
        .append(" MiB\n\n")
        .append("| scenario | throughput | time | HTTP requests | peak client heap |\n")
        .append("|---|---|---|---|---|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    Files.writeString(results, table.toString(), StandardCharsets.UTF_8);
    System.out.println("Results written to " + results);
  }
}
