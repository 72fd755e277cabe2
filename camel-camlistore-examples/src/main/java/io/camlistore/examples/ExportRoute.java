package io.camlistore.examples;

import io.camlistore.camel.CamlistoreConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The export route: consumes {@code camlistore:enumerate}, which delivers every blob of the server
 * once (sweeping the store in blobref order), and writes each blob to {@code
 * {{export.output}}/<blobref>}.
 *
 * <p>A blob is written under a temporary name first and renamed once its content has been read to
 * the end and verified against its ref, so a corrupt blob never appears under its ref; a file
 * already there is left alone (blobs never change). Each blob is counted in the {@code
 * exportSummary} bean; when a poll finds no more blobs the route calls the {@code exportRun} bean,
 * which ends the run.
 */
public final class ExportRoute extends RouteBuilder {
  /** The logger name of the route's lines. */
  static final String LOG_NAME = "io.camlistore.examples.export";

  /** Creates the route builder. */
  public ExportRoute() {}

  @Override
  public void configure() {
    from("camlistore:enumerate?includeBody=true&maxMessagesPerPoll={{export.page-size}}"
            + "&initialDelay=0&delay={{export.poll-delay}}&sendEmptyMessageWhenIdle=true")
        .routeId("export")
        .choice()
        .when(body().isNull())
        .bean("exportRun", "idle")
        .otherwise()
        .setHeader(Exchange.FILE_NAME, header(CamlistoreConstants.BLOB_REF))
        .to("file:{{export.output}}?fileExist=Ignore&tempFileName=${file:name}.part")
        .log(
            LoggingLevel.INFO,
            LOG_NAME,
            "wrote ${header."
                + CamlistoreConstants.BLOB_REF
                + "} (${header."
                + CamlistoreConstants.BLOB_SIZE
                + "} bytes)")
        .bean("exportSummary", "written")
        .end();
  }
}
