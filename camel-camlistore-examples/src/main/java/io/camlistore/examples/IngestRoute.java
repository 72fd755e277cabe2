package io.camlistore.examples;

import io.camlistore.camel.CamlistoreConstants;
import io.camlistore.client.Blob;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The ingestion route in the Java DSL; {@code routes/ingest.camel.yaml} is the same route in YAML.
 *
 * <p>It picks up every file under {@code {{ingest.input}}} (leaving it there, or moving it to a
 * {@code .done} folder with {@code ingest.noop=false}), stores it (as one blob, or in chunks when
 * it is over 16 MiB), logs {@code name → blobref} and counts it in the {@code ingestSummary} bean.
 * When a poll finds nothing new it calls the {@code ingestRun} bean, which ends a one-shot run.
 */
public final class IngestRoute extends RouteBuilder {
  /** The variable holding whether the server had the blob before the upload. */
  public static final String ALREADY_STORED = "alreadyStored";

  /** The logger name of the route's lines. */
  static final String LOG_NAME = "io.camlistore.examples.ingest";

  /** Creates the route builder. */
  public IngestRoute() {}

  @Override
  public void configure() {
    onException(Exception.class)
        .handled(true)
        .log(
            LoggingLevel.WARN,
            LOG_NAME,
            "could not store ${header." + Exchange.FILE_NAME + "}: ${exception.message}")
        .bean("ingestSummary", "failed");

    from("file:{{ingest.input}}?noop={{ingest.noop}}&move=.done/${file:name}&recursive=true&sortBy=file:name"
            + "&initialDelay=0&delay={{ingest.poll-delay}}&sendEmptyMessageWhenIdle=true")
        .routeId("ingest")
        .choice()
        .when(body().isNull())
        .bean("ingestRun", "idle")
        .otherwise()
        // A file that fits in one blob (16 MiB): ask the server whether it has that blob already,
        // for the summary. put stores a larger file in chunks, as putFile does;
        // .to("camlistore:putFile") would store every file that way, with its name.
        .filter(simple("${header." + Exchange.FILE_LENGTH + "} <= " + Blob.MAX_SIZE))
        .setHeader(
            CamlistoreConstants.BLOB_REF,
            simple("${bodyAs(" + Blob.class.getName() + ").blobRef()}"))
        .enrich()
        .constant("camlistore:exists")
        .variableReceive(ALREADY_STORED)
        .end() // the enrich
        .end() // the filter
        .to("camlistore:put")
        .log(
            LoggingLevel.INFO,
            LOG_NAME,
            "${header." + Exchange.FILE_NAME + "} → ${header." + CamlistoreConstants.BLOB_REF + "}")
        .bean("ingestSummary", "stored")
        .end();
  }
}
