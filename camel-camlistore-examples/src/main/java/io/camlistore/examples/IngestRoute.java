package io.camlistore.examples;

import io.camlistore.camel.CamlistoreConstants;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The ingestion route in the Java DSL; {@code routes/ingest.camel.yaml} is the same route in YAML.
 *
 * <p>It picks up every file under {@code {{ingest.input}}} (leaving it there, or moving it to a
 * {@code .done} folder with {@code ingest.noop=false}) and hands it to {@code {{ingest.threads}}}
 * worker threads. A file the server already holds with its name and content ({@link IngestedFiles})
 * is counted as already present; any other is stored with {@code
 * camlistore:putFile?permanode=true}: its content in chunks, one file schema naming it, and a
 * permanode whose {@code camliContent} is that file and whose {@code title} is its name, as {@code
 * pk-put file -permanode} does, so it shows up in Perkeep's web UI and search. Each file is logged
 * and counted in the {@code ingestSummary} bean; when a poll finds nothing new it calls the {@code
 * ingestRun} bean, which ends a one-shot run. {@link #bindBeans} binds the beans it uses.
 */
public final class IngestRoute extends RouteBuilder {
  /** The variable holding the permanode of the file when the server already holds it, or null. */
  public static final String EXISTING_PERMANODE = "existingPermanode";

  /**
   * How many files the consumer remembers having picked up when it leaves them in place ({@code
   * ingest.noop=true}); Camel's default, 1000, would let a larger folder be picked up again.
   */
  static final int REMEMBERED_FILES = 1_000_000;

  /** The logger name of the route's lines. */
  static final String LOG_NAME = "io.camlistore.examples.ingest";

  /** Creates the route builder. */
  public IngestRoute() {}

  /**
   * Binds the beans the route uses, in either DSL: {@code ingestSummary}, {@code ingestRun}, {@code
   * ingestedFiles} and {@code ingestSeen} (the files picked up so far).
   *
   * @param registry binds a bean under a name, such as camel-main's {@code Main::bind}
   * @param summary counts the files
   * @param run ends the run
   */
  public static void bindBeans(
      BiConsumer<String, Object> registry, IngestSummary summary, RunControl run) {
    registry.accept("ingestSummary", summary);
    registry.accept("ingestRun", run);
    registry.accept("ingestedFiles", new IngestedFiles());
    registry.accept(
        "ingestSeen", MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED_FILES));
  }

  @Override
  public void configure() {
    onException(Exception.class)
        .handled(true)
        .log(
            LoggingLevel.WARN,
            LOG_NAME,
            "could not store ${header." + Exchange.FILE_NAME + "}: ${exception.message}")
        .bean("ingestSummary", "failed");

    from("file:{{ingest.input}}?noop={{ingest.noop}}&move=.done/${file:name}&recursive=true"
            + "&sortBy=file:name&idempotentRepository=#ingestSeen"
            + "&initialDelay=0&delay={{ingest.poll-delay}}&sendEmptyMessageWhenIdle=true")
        .routeId("ingest")
        .threads()
        .poolSize("{{ingest.threads}}")
        .maxPoolSize("{{ingest.threads}}")
        // The name putFile stores the file under, and the lookup searches for.
        .setHeader(CamlistoreConstants.FILE_NAME, simple("${file:onlyname}"))
        .setVariable(EXISTING_PERMANODE, method("ingestedFiles", "permanodeOf"))
        .choice()
        .when(body().isNull())
        .bean("ingestRun", "idle")
        .when(variable(EXISTING_PERMANODE).isNotNull())
        .log(
            LoggingLevel.INFO,
            LOG_NAME,
            "${header."
                + Exchange.FILE_NAME
                + "} already stored, permanode ${variable."
                + EXISTING_PERMANODE
                + "}")
        .bean("ingestSummary", "alreadyPresent")
        .otherwise()
        .to("camlistore:putFile?permanode=true")
        .log(
            LoggingLevel.INFO,
            LOG_NAME,
            "${header."
                + Exchange.FILE_NAME
                + "} → file ${header."
                + CamlistoreConstants.BLOB_REF
                + "}, permanode ${header."
                + CamlistoreConstants.PERMANODE_REF
                + "}")
        .bean("ingestSummary", "stored")
        .end();
  }
}
