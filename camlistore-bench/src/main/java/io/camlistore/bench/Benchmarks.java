package io.camlistore.bench;

import io.camlistore.client.Auth;
import io.camlistore.client.Blob;
import io.camlistore.client.BlobInputStream;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.LocalSigner;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Measures the client against the embedded server (started in a child JVM) or, with {@code
 * -Dcamlistore.url=…} and {@code -Dcamlistore.auth=…}, against a real Perkeep server; with {@code
 * -Dbench.pkput=…/pk-put} as well, Perkeep's reference uploader does the same uploads on that
 * server in the same run. Each scenario reports its throughput, the HTTP requests it needed and
 * this JVM's peak heap, and checks that the server holds what it stored; the tables are printed and
 * written to {@code -Dbench.results}. Run with {@code mvn -B -Pbench verify}.
 *
 * <p>Every measurement stores fresh random data, so the server holds none of it beforehand; pk-put
 * gets its own fresh data of the same shape (the same counts, sizes and names), since data the
 * other uploader just stored would already be there.
 */
public final class Benchmarks {
  private static final double MIB = 1024.0 * 1024.0;
  private static final int SMALL_FILES = 2_000;
  private static final int SMALL_SIZE = 4096;

  private final Connection conn;
  private final RequestCounter counter;
  private final @Nullable PkPut pkPut;
  private final Path data;
  private final Random random = new Random(System.nanoTime());
  private final Results results = new Results();

  private Benchmarks(Connection conn, RequestCounter counter, @Nullable PkPut pkPut, Path data) {
    this.conn = conn;
    this.counter = counter;
    this.pkPut = pkPut;
    this.data = data;
  }

  /**
   * Runs the benchmarks.
   *
   * @param args unused; configuration comes from system properties
   * @throws Exception if the server process, a measurement's check, the results file or the Camel
   *     route fails
   */
  public static void main(String[] args) throws Exception {
    String url = System.getProperty("camlistore.url", "");
    String auth = System.getProperty("camlistore.auth", "none");
    String pkPutPath = System.getProperty("bench.pkput", "");
    Set<String> scenarios = Set.of(System.getProperty("bench.scenarios", "all").split(","));
    Path results = Path.of(System.getProperty("bench.results", "bench-results.md"));
    Path workDir = results.toAbsolutePath().getParent();
    PkPut pkPut = null;
    ServerProcess server = null;
    if (url.isBlank()) {
      if (!pkPutPath.isBlank()) {
        throw new IllegalArgumentException(
            "-Dbench.pkput compares with pk-put on a real Perkeep server: name it with"
                + " -Dcamlistore.url and -Dcamlistore.auth");
      }
      Path storage = Files.createTempDirectory(workDir, "bench-store");
      server = ServerProcess.start(storage);
      url = server.url();
      System.out.println(
          "Benchmarking against the embedded server at " + url + " (" + storage + ")");
    } else {
      System.out.println("Benchmarking against " + url);
      if (!pkPutPath.isBlank()) {
        pkPut = new PkPut(RealPerkeepServer.of(url, auth).tools(binFolderOf(pkPutPath)));
        System.out.println("and pk-put (" + pkPutPath + ") on the same server");
      }
    }
    RequestCounter counter = new RequestCounter();
    ConnectOptions options =
        ConnectOptions.builder()
            .auth(Auth.parse(auth))
            .maxConnections(32)
            .httpClientCustomizer(counter::addTo)
            .build();
    Path data = Files.createTempDirectory(workDir, "bench-data");
    try (Connection conn = Camlistore.connect(url, options)) {
      Benchmarks bench = new Benchmarks(conn, counter, pkPut, data);
      if (wants(scenarios, "put-small")) {
        bench.putSmallBlobs(SMALL_FILES, SMALL_SIZE);
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
        bench.ingest(SMALL_FILES, SMALL_SIZE, options, url);
      }
      String table =
          bench.results.markdown(
              pkPut == null ? url : url + " (pk-put: " + pkPutPath + ")",
              Runtime.getRuntime().maxMemory() / (1024 * 1024));
      Files.writeString(results, table, StandardCharsets.UTF_8);
      System.out.println(table);
      System.out.println("Results written to " + results);
    } finally {
      deleteTree(data);
      if (server != null) {
        server.close();
      }
    }
  }

  /** The folder of the pk-put the property names (PerkeepTools runs the tools by folder). */
  private static Path binFolderOf(String pkPutPath) {
    Path pkPut = Path.of(pkPutPath).toAbsolutePath();
    Path folder = pkPut.getParent();
    if (folder == null || !pkPut.endsWith("pk-put") || !Files.isExecutable(pkPut)) {
      throw new IllegalArgumentException(
          "-Dbench.pkput must name an executable pk-put, not " + pkPutPath);
    }
    return folder;
  }

  private static boolean wants(Set<String> scenarios, String name) {
    return scenarios.contains("all") || scenarios.contains(name);
  }

  private void putSmallBlobs(int count, int size) throws IOException {
    String work = "putMulti " + count + " x " + size / 1024 + " KiB";
    List<Path> files = RandomFiles.write(data.resolve("client"), count, size, random);
    long start = startMeasuring();
    List<Blob> blobs = new ArrayList<>(count);
    for (Path file : files) {
      blobs.add(Blob.of(Files.readAllBytes(file)));
    }
    List<BlobRef> refs = conn.blobs().putMulti(blobs);
    double seconds = elapsed(start);
    record(
        work,
        String.format(
            Locale.ROOT,
            "%.0f blobs/s, %.1f MiB/s",
            count / seconds,
            count * (double) size / MIB / seconds),
        seconds);
    requireStored(refs, work);
    PkPut pkPut = this.pkPut;
    if (pkPut != null) {
      List<Path> theirs = RandomFiles.write(data.resolve("pk-put"), count, size, random);
      List<BlobRef> expected = RandomFiles.blobRefs(theirs);
      start = System.nanoTime();
      List<BlobRef> stored = pkPut.blobs(theirs);
      double pkPutSeconds = elapsed(start);
      if (!new HashSet<>(stored).equals(new HashSet<>(expected))) {
        throw new IllegalStateException("pk-put blob printed other refs than its files'");
      }
      requireStored(stored, "pk-put blob");
      results.add(
          new Results.Comparison(
              work + " vs pk-put blob of " + count + " files",
              count,
              "blobs",
              seconds,
              pkPutSeconds));
    }
    clearData();
  }

  private void getLargeBlobs(int count) throws IOException {
    // One at a time: the client heap is meant to stay small.
    List<BlobRef> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] content = new byte[Blob.MAX_SIZE];
      random.nextBytes(content);
      refs.add(conn.blobs().put(Blob.of(content)));
    }
    long start = startMeasuring();
    for (BlobRef ref : refs) {
      conn.blobs().get(ref);
    }
    double seconds = elapsed(start);
    record(
        "get " + count + " x 16 MiB",
        String.format(Locale.ROOT, "%.0f MiB/s", count * 16 / seconds),
        seconds);
    start = startMeasuring();
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
    String name = "random-" + mebibytes + "m.bin";
    Path mine = RandomFiles.writeLarge(data.resolve("client").resolve(name), length, seed());
    long start = startMeasuring();
    BlobRef ref = conn.files().putFile(mine);
    double seconds = elapsed(start);
    record(
        "putFile " + mebibytes + " MiB random",
        String.format(Locale.ROOT, "%.1f MiB/s", mebibytes / seconds),
        seconds);
    BlobRef expected = RandomFiles.wholeRef(mine);
    start = startMeasuring();
    BlobRef read;
    try (InputStream in = conn.files().getFile(ref)) {
      read = RandomFiles.wholeRef(in);
    }
    double readSeconds = elapsed(start);
    record(
        "getFile " + mebibytes + " MiB",
        String.format(Locale.ROOT, "%.1f MiB/s", mebibytes / readSeconds),
        readSeconds);
    requireSameContent(read, expected, "putFile " + name);
    PkPut pkPut = this.pkPut;
    if (pkPut != null) {
      Path theirs = RandomFiles.writeLarge(data.resolve("pk-put").resolve(name), length, seed());
      start = System.nanoTime();
      BlobRef stored = pkPut.file(theirs);
      double pkPutSeconds = elapsed(start);
      try (InputStream in = conn.files().getFile(stored)) {
        requireSameContent(RandomFiles.wholeRef(in), RandomFiles.wholeRef(theirs), "pk-put file");
      }
      results.add(
          new Results.Comparison(
              "putFile " + mebibytes + " MiB vs pk-put file of " + mebibytes + " MiB",
              mebibytes,
              "MiB",
              seconds,
              pkPutSeconds));
    }
    clearData();
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
    long start = startMeasuring();
    long seen = conn.blobs().enumerate().count();
    double seconds = elapsed(start);
    record(
        "enumerate " + seen + " blobs",
        String.format(Locale.ROOT, "%.0f blobs/s", seen / seconds),
        seconds);
  }

  /**
   * The ingestion example's route, signing with the server's sign helper, then signing locally (as
   * pk-put does), each on fresh files; pk-put file -filenodes beside each.
   */
  private void ingest(int count, int size, ConnectOptions options, String url) throws Exception {
    ingest(count, size, conn, "sign helper");
    LocalSigner identity;
    try (InputStream keyring = TestIdentity.keyring()) {
      identity = LocalSigner.fromKeyring(keyring, TestIdentity.KEY_ID);
    }
    try (Connection local = Camlistore.connect(url, options.toBuilder().signer(identity).build())) {
      ingest(count, size, local, "signing locally");
    }
  }

  private void ingest(int count, int size, Connection connection, String signing) throws Exception {
    String work = "Camel ingest " + count + " x " + size / 1024 + " KiB files, " + signing;
    Path input = data.resolve("client");
    List<BlobRef> contents = RandomFiles.blobRefs(RandomFiles.write(input, count, size, random));
    Duration elapsed =
        IngestScenario.run(connection, input, count, () -> startMeasuring(), Map.of());
    double seconds = elapsed.toNanos() / 1e9;
    record(work, String.format(Locale.ROOT, "%.0f files/s", count / seconds), seconds);
    requireStored(contents, work);
    PkPut pkPut = this.pkPut;
    if (pkPut != null) {
      Path theirs = data.resolve("pk-put");
      List<BlobRef> theirContents =
          RandomFiles.blobRefs(RandomFiles.write(theirs, count, size, random));
      long start = System.nanoTime();
      List<BlobRef> stored = pkPut.fileNodes(theirs, count);
      double pkPutSeconds = elapsed(start);
      requireStored(stored, "pk-put file -filenodes");
      requireStored(theirContents, "pk-put file -filenodes");
      results.add(
          new Results.Comparison(
              work + " vs pk-put file -filenodes of " + count + " files",
              count,
              "files",
              seconds,
              pkPutSeconds));
    }
    clearData();
  }

  /** Forgets the requests and the heap peak so far; {@return the start time, in nanoseconds} */
  private long startMeasuring() {
    counter.takeCount();
    HeapPeak.reset();
    return System.nanoTime();
  }

  private long seed() {
    return random.nextLong();
  }

  private static double elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void record(String scenario, String throughput, double seconds) {
    Results.Row row =
        new Results.Row(scenario, throughput, seconds, counter.takeCount(), HeapPeak.peakMiB());
    results.add(row);
    System.out.println(row.markdown());
  }

  /** Checks, after a measurement, that the server holds every blob it stored. */
  private void requireStored(Collection<BlobRef> refs, String work) {
    long missing =
        conn.blobs().getSizeMulti(refs).values().stream().filter(Objects::isNull).count();
    if (missing > 0) {
      throw new IllegalStateException(
          work + ": the server lacks " + missing + " of the " + refs.size() + " blobs stored");
    }
  }

  private static void requireSameContent(BlobRef read, BlobRef written, String work) {
    if (!read.equals(written)) {
      throw new IllegalStateException(
          work + ": read back content " + read + ", but the file written was " + written);
    }
  }

  private void clearData() throws IOException {
    deleteTree(data);
    Files.createDirectories(data);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
