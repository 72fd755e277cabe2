package io.camlistore.bench;

import io.camlistore.client.Connection;
import io.camlistore.examples.ExampleConfig;
import io.camlistore.examples.IngestRoute;
import io.camlistore.examples.IngestSummary;
import io.camlistore.examples.RunControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The ingestion example's route ({@link IngestRoute}, with the example's default settings) storing
 * a folder of small files through the benchmark's connection, in a real CamelContext: each file
 * becomes a file schema with a content permanode, as the example stores it, in batches.
 */
final class IngestScenario {
  private IngestScenario() {}

  /**
   * Ingests the files of a folder and waits for the route to finish.
   *
   * @param conn the connection the component uses (bound as the registry's Connection bean)
   * @param input the folder; its files are left in place (the example's default)
   * @param count how many files it holds
   * @param beforeStart called just before Camel starts
   * @param settings example settings to use instead of its defaults
   * @return the time from the first file picked up to the last one stored
   * @throws IllegalStateException if a file was not stored, or the route did not finish within 30
   *     minutes
   * @throws Exception if Camel fails to start or stop
   */
  static Duration run(
      Connection conn, Path input, int count, Runnable beforeStart, Map<String, String> settings)
      throws Exception {
    // The example's own defaults (batch size, noop, ...); where to read from is the bench's.
    Map<String, String> all = new HashMap<>(settings);
    all.put("ingest.input", input.toString());
    ExampleConfig config = ExampleConfig.load(all);
    IngestSummary summary = new IngestSummary(config.duration("ingest.progress-interval"), input);
    CountDownLatch finished = new CountDownLatch(1);
    CamelContext context = new DefaultCamelContext();
    try {
      context.getPropertiesComponent().setInitialProperties(config.toProperties());
      context.getRegistry().bind("camlistoreConnection", conn);
      IngestRoute.bindBeans(
          context.getRegistry()::bind,
          summary,
          new RunControl(false, finished::countDown, () -> {}));
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
    return summary.elapsed();
  }
}
