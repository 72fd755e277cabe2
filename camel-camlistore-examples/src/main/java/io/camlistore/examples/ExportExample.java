package io.camlistore.examples;

import java.util.Map;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every blob of a Camlistore server to a folder, one file per blob named by its ref, then
 * prints a summary and exits.
 *
 * <p>Settings (see {@code application.properties}; each can be given as {@code -Dname=value}):
 * {@code export.output} the folder; {@code export.page-size} the most blobs per poll; {@code
 * export.progress-interval}; and the server settings of {@link ExampleServer}. Without a {@code
 * camlistore.url} it exports the embedded server's store, where the ingestion example put its
 * blobs.
 */
public final class ExportExample {
  private static final Logger LOG = LoggerFactory.getLogger(ExportExample.class);

  private ExportExample() {}

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
   * Runs the example until every blob is written out.
   *
   * @param config the settings
   * @return what was written
   * @throws IllegalArgumentException if a setting is invalid
   * @throws Exception if Camel fails to start or run
   */
  public static ExportSummary run(ExampleConfig config) throws Exception {
    ExportSummary summary = new ExportSummary(config.duration("export.progress-interval"));
    try (ExampleServer server = ExampleServer.open(config)) {
      Main main = Examples.camelMain(config, server);
      main.bind("exportSummary", summary);
      main.bind(
          "exportRun",
          new RunControl(
              false,
              () -> {
                summary.log();
                main.completed();
              },
              () -> {}));
      main.configure().addRoutesBuilder(new ExportRoute());
      LOG.info("Writing every blob of the server to {}", config.get("export.output"));
      main.run();
    }
    summary.log();
    return summary;
  }
}
