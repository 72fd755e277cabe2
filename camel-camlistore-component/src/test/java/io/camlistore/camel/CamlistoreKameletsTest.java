package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobDescription;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The kamelets the component jar carries ({@code kamelets/camlistore-source.kamelet.yaml} and
 * {@code camlistore-sink}), found on the classpath and run by camel-kamelet as an integration runs
 * them: the sink stores files with permanodes, the source delivers them (query) and every blob
 * (enumerate), with only the required parameters and a few optional ones set.
 */
@CamlistoreServer(signing = true)
class CamlistoreKameletsTest {
  @Test
  void theSinkStoresWhatTheSourceThenDelivers(EmbeddedCamlistoreServer server) throws Exception {
    sinkStoresWhatTheSourceDelivers(server.url(), "");
  }

  /**
   * Stores a file with a permanode through the sink, and waits for the source to deliver the
   * permanode (query) and the content blob (enumerate).
   *
   * @param serverUrl the server
   * @param credentials kamelet parameters to add, such as {@code &username=...&password=...}
   */
  static void sinkStoresWhatTheSourceDelivers(String serverUrl, String credentials)
      throws Exception {
    String name = "kamelet-" + UUID.randomUUID() + ".txt";
    String content = "stored through camlistore-sink\n";
    BlobRef contentRef = Blob.of(content.getBytes(StandardCharsets.UTF_8)).blobRef();
    CamelContext context = new DefaultCamelContext();
    // The other blobs of a shared server are closed unread.
    context.setStreamCaching(false);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:store")
                .to(
                    "kamelet:camlistore-sink?serverUrl="
                        + serverUrl
                        + credentials
                        + "&operation=putFile&permanode=true");
            from("kamelet:camlistore-source?serverUrl="
                    + serverUrl
                    + credentials
                    + "&operation=query&expression=title:"
                    + name
                    + "&delay=20")
                .routeId("changes")
                .to("mock:changes");
            from("kamelet:camlistore-source?serverUrl="
                    + serverUrl
                    + credentials
                    + "&delay=20&maxMessagesPerPoll=1000")
                .routeId("blobs")
                .filter(header(CamlistoreConstants.BLOB_REF).isEqualTo(contentRef))
                .convertBodyTo(String.class)
                .to("mock:blobs");
          }
        });
    MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
    MockEndpoint blobs = context.getEndpoint("mock:blobs", MockEndpoint.class);
    changes.expectedMessageCount(1);
    blobs.expectedBodiesReceived(content);
    context.start();
    try {
      ProducerTemplate template = context.createProducerTemplate();
      Exchange stored =
          template.send(
              "direct:store",
              exchange -> {
                exchange.getMessage().setBody(content);
                exchange.getMessage().setHeader(Exchange.FILE_NAME, name);
              });
      assertThat(stored.getException()).isNull();
      BlobRef permanode =
          stored.getMessage().getHeader(CamlistoreConstants.PERMANODE_REF, BlobRef.class);

      changes.assertIsSatisfied(ConsumerRun.PATIENCE.toMillis());
      blobs.assertIsSatisfied(ConsumerRun.PATIENCE.toMillis());
      Exchange change = changes.getExchanges().get(0);
      assertThat(change.getMessage().getHeader(CamlistoreConstants.BLOB_REF)).isEqualTo(permanode);
      BlobDescription description = change.getMessage().getBody(BlobDescription.class);
      assertThat(description.attribute("title")).isEqualTo(name);
      assertThat(description.attributeValues("camliContent"))
          .isEqualTo(
              List.of(stored.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class)));
    } finally {
      context.stop();
    }
  }
}
