package io.camlistore.examples;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every file of a folder in Camlistore, each as a file with a permanode derived from its
 * content (see {@link IngestRoute}), then prints a summary and exits; or, with {@code
 * -Dingest.watch=true}, keeps watching the folder until stopped, saying so whenever it has caught
 * up with the files found so far.
 *
 * <p>Settings (see {@code application.properties}; each can be given as {@code -Dname=value}):
 * {@code ingest.input} the folder; {@code ingest.dsl} {@code yaml} (the route in {@code
 * routes/ingest.camel.yaml}) or {@code java} ({@link IngestRoute}); {@code ingest.noop} {@code
 * true} to leave the files in place, {@code false} to move each to {@code .done}; {@code
 * ingest.samples} a folder copied to the input folder when that does not exist yet; {@code
 * ingest.batch-size} the most files stored in one batch; {@code ingest.retries} and {@code
 * ingest.retry-delay} how a batch with failed files is tried again; {@code ingest.watch}; {@code
 * ingest.progress-interval}; and the server and signing settings of {@link ExampleServer}.
 */
public final class IngestExample {
  private static final Logger LOG = LoggerFactory.getLogger(IngestExample.class);

  /** The YAML route, on the classpath. */
  static final String YAML_ROUTES = "classpath:routes/ingest.camel.yaml";

  private IngestExample() {}

  /**
   * Runs the example with the settings from {@code application.properties} and {@code -D}.
   *
   * @param args ignored
   * @throws Exception if Camel fails to start or run
   */
  public static void main(String[] args) throws Exception {
    run(ExampleConfig.load(Map.of()));
  }

  /**
   * Runs the example until the folder is ingested or, watching, until the JVM is stopped.
   *
   * @param config the settings
   * @return what was ingested
   * @throws IllegalArgumentException if a setting is invalid
   * @throws Exception if Camel fails to start or run
   */
  public static IngestSummary run(ExampleConfig config) throws Exception {
    return run(config, stop -> {});
  }

  /**
   * Runs the example, handing out the action that stops it (for a watching run).
   *
   * @param config the settings
   * @param started receives the stop action before Camel starts
   * @return what was ingested
   * @throws Exception if Camel fails to start or run
   */
  static IngestSummary run(ExampleConfig config, Consumer<Runnable> started) throws Exception {
    boolean watch = config.flag("ingest.watch");
    String dsl = config.get("ingest.dsl");
    if (!dsl.equals("yaml") && !dsl.equals("java")) {
      throw new IllegalArgumentException("ingest.dsl must be yaml or java, got '" + dsl + "'");
    }
    Path input = Path.of(config.get("ingest.input"));
    String samples = config.find("ingest.samples");
    if (samples != null) {
      SampleFolder.copyOnce(Path.of(samples), input);
    }
    IngestSummary summary = new IngestSummary(config.duration("ingest.progress-interval"), input);
    // Ctrl+C ends a watching run by shutting the JVM down, which does not wait for this thread:
    // the summary is printed by a shutdown hook then.
    Thread summaryOnExit = new Thread(summary::log, "ingest-summary");
    try (ExampleServer server = ExampleServer.open(config)) {
      Main main = Examples.camelMain(config, server);
      IngestRoute.bindBeans(
          main::bind,
          summary,
          new RunControl(
              watch,
              () -> {
                summary.log();
                main.completed();
              },
              summary::caughtUp));
      if (dsl.equals("yaml")) {
        main.configure().withRoutesIncludePattern(YAML_ROUTES);
      } else {
        main.configure().addRoutesBuilder(new IngestRoute());
      }
      LOG.info(
          "{} {} with the {} route{}",
          watch ? "Watching" : "Ingesting",
          config.get("ingest.input"),
          dsl.equals("yaml") ? "YAML" : "Java",
          watch ? "; stop with Ctrl+C" : "");
      if (watch) {
        Runtime.getRuntime().addShutdownHook(summaryOnExit);
      }
      started.accept(main::completed);
      main.run();
    } finally {
      if (watch) {
        removeShutdownHook(summaryOnExit);
      }
    }
    summary.log();
    return summary;
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting: the hook prints the summary.
    }
  }
}
