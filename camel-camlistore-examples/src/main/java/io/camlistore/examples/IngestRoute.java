package io.camlistore.examples;

import io.camlistore.client.AuthenticationException;
import io.camlistore.client.CamlistoreException;
import io.camlistore.client.NotCamliServerException;
import java.util.function.BiConsumer;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The ingestion route in the Java DSL; {@code routes/ingest.camel.yaml} is the same route in YAML.
 *
 * <p>It picks up every file under {@code {{ingest.input}}} (leaving it there, or moving it to a
 * {@code .done} folder with {@code ingest.noop=false}) and gathers the files of each poll into
 * batches of at most {@code {{ingest.batch-size}}} (Camel's aggregator, completed by the size or by
 * the end of the poll), each stored with {@code camlistore:putFiles?permanode=true}: per file its
 * content in chunks, a file schema naming it, and a permanode derived from its content with a
 * {@code camliContent} claim, as {@code pk-put file -filenodes} makes them, so a file stored before
 * is found by a stat of its blobs and not sent again, and no second permanode is made. A batch some
 * of whose files failed is redelivered ({@code ingest.retries} times, from {@code
 * ingest.retry-delay}, doubling): only what is missing is sent again; refused credentials and an
 * address that is no Perkeep server are not retried. Each file is logged and counted in the {@code
 * ingestSummary} bean; when a poll finds nothing new and every file picked up is done, it calls the
 * {@code ingestRun} bean, which ends a one-shot run. {@link #bindBeans} binds the beans it uses.
 */
public final class IngestRoute extends RouteBuilder {
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
   * Binds the beans the route uses, in either DSL: {@code ingestSummary}, {@code ingestRun} and
   * {@code ingestSeen} (the files picked up so far).
   *
   * @param registry binds a bean under a name, such as camel-main's {@code Main::bind}
   * @param summary counts the files
   * @param run ends the run
   */
  public static void bindBeans(
      BiConsumer<String, Object> registry, IngestSummary summary, RunControl run) {
    registry.accept("ingestSummary", summary);
    registry.accept("ingestRun", run);
    registry.accept(
        "ingestSeen", MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED_FILES));
  }

  @Override
  public void configure() {
    // Refused credentials or an address that is no Perkeep server: waiting does not mend them.
    onException(AuthenticationException.class, NotCamliServerException.class)
        .handled(true)
        .bean("ingestSummary", "notStored");
    // A server that fails for a moment (a restart): the batch again, sending only what is missing.
    onException(CamlistoreException.class)
        .maximumRedeliveries("{{ingest.retries}}")
        .redeliveryDelay("{{ingest.retry-delay}}")
        .useExponentialBackOff()
        .retryAttemptedLogLevel(LoggingLevel.WARN)
        .handled(true)
        .bean("ingestSummary", "notStored");
    onException(Exception.class).handled(true).bean("ingestSummary", "notStored");

    from("file:{{ingest.input}}?noop={{ingest.noop}}&move=.done/${file:name}&recursive=true"
            + "&sortBy=file:name&idempotentRepository=#ingestSeen"
            + "&initialDelay=0&delay={{ingest.poll-delay}}&sendEmptyMessageWhenIdle=true")
        .routeId("ingest")
        .choice()
        .when(body().isNull())
        .filter(method("ingestSummary", "settled"))
        .bean("ingestRun", "idle")
        .end()
        .endChoice()
        .otherwise()
        .bean("ingestSummary", "pickedUp")
        .aggregate(constant(true), AggregationStrategies.groupedExchange())
        .completionSize("{{ingest.batch-size}}")
        .completionFromBatchConsumer()
        // A group is a new exchange, without the poll's batch size: check each file's instead.
        .eagerCheckCompletion()
        .to("camlistore:putFiles?permanode=true")
        .bean("ingestSummary", "record")
        .end()
        .end();
  }
}
