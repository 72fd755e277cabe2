package io.camlistore.bench;

import io.camlistore.client.Connection;
import io.camlistore.examples.ExampleConfig;
import io.camlistore.examples.IngestRoute;
import io.camlistore.examples.IngestSummary;
import io.camlistore.examples.RunControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The ingestion example's route ({@link IngestRoute}, with the example's default settings) storing
 * a folder of small files through the benchmark's connection, in a real CamelContext: each file
 * becomes a file schema with a permanode, as the example stores it.
 */
final class IngestScenario {
  /** What a run measured. */
  record Result(long files, Duration elapsed) {
    /** {@return the files stored per second} */
    double filesPerSecond() {
      return files / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
  }

  private IngestScenario() {}

  /**
   * Writes the files, then ingests them and waits for the route to finish.
   *
   * @param conn the connection the component uses (bound as the registry's Connection bean)
   * @param count how many files
   * @param size the bytes of each, random
   * @param random the source of their content
   * @param beforeStart called once the files are written, just before Camel starts
   * @return how many files were stored, and the time from the first picked up to the last stored
   * @throws IllegalStateException if a file was not stored
   */
  static Result run(Connection conn, int count, int size, Random random, Runnable beforeStart)
      throws Exception {
    Path input = Files.createTempDirectory("bench-ingest");
    try {
      for (int i = 0; i < count; i++) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        Files.write(input.resolve(String.format(Locale.ROOT, "file-%05d.bin", i)), content);
      }
      // The example's own defaults (threads, noop, ...); only where to read from is the bench's.
      ExampleConfig config = ExampleConfig.load(Map.of("ingest.input", input.toString()));
      IngestSummary summary = new IngestSummary(config.duration("ingest.progress-interval"));
      CountDownLatch finished = new CountDownLatch(1);
      CamelContext context = new DefaultCamelContext();
      try {
        context.getPropertiesComponent().setInitialProperties(config.toProperties());
        context.getRegistry().bind("camlistoreConnection", conn);
        IngestRoute.bindBeans(
            context.getRegistry()::bind, summary, new RunControl(false, finished::countDown));
        context.addRoutes(new IngestRoute());
        beforeStart.run();
        context.start();
        if (!finished.await(30, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the route did not finish: " + summary.summary());
        }
      } finally {
        context.stop();
      }
      if (summary.stored() != count || summary.failures() != 0) {
        throw new IllegalStateException(
            "expected " + count + " files stored, got " + summary.summary());
      }
      return new Result(summary.stored(), summary.elapsed());
    } finally {
      deleteTree(input);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
