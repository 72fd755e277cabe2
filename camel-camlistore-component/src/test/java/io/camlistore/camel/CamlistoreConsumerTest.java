package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.camlistore.camel.PerkeepStubs.BLOB_ROOT;
import static io.camlistore.camel.PerkeepStubs.BLOB_TWO_REF;
import static io.camlistore.camel.PerkeepStubs.PAGE_ONE_LAST;
import static io.camlistore.camel.PerkeepStubs.PAGE_TWO_LAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.BlobRef;
import io.camlistore.client.ConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enumerate consumer against a stub answering with the real server's enumerate pages (fixtures
 * 54 and 56, then the empty end page 60): it walks the pages across polls in blobref order,
 * delivers each blob once, retries a failed exchange at the next poll without skipping it, streams
 * content, and reports an unreachable server through the poll strategy, the error handler and its
 * health check.
 */
class CamlistoreConsumerTest extends CamelTestSupport {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  /** The refs of fixtures 54 and 56, in the order the server lists them. */
  private static final List<String> ALL_REFS =
      List.of(
          BLOB_TWO_REF,
          "sha224-0000d70a7c5328e50e6f50ee49fda8a5a99bfb4f9d6ace72dee96927",
          "sha224-00012c3546efef217cce68add4a587323a87e4099868f1f01bae88b8",
          "sha224-0003452bb094658556c1fd925d33502d78c865b0d668cb0b25e7f6cc",
          PAGE_ONE_LAST,
          "sha224-0007a43cc99917886db74df3a785841826ce7fc60557d723b3ca97a8",
          "sha224-0007c97434384984888cd24666b1436b0b7607ab4b085826ba0fc3fc",
          PAGE_TWO_LAST);

  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failFirstBlobOnce = new AtomicBoolean();
  private final RecordingPollStrategy pollStrategy = new RecordingPollStrategy();

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind("recordingPollStrategy", pollStrategy);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        String walk =
            "camlistore:enumerate?serverUrl="
                + server.baseUrl()
                + "/&maxMessagesPerPoll=5&initialDelay=0&delay=20";
        from(walk + "&includeBody=false")
            .routeId("headers")
            .autoStartup(false)
            .process(
                exchange -> {
                  String ref =
                      exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class);
                  attempts.add(ref);
                  if (ref.equals(BLOB_TWO_REF) && failFirstBlobOnce.compareAndSet(true, false)) {
                    throw new IllegalStateException("downstream is not ready for " + ref);
                  }
                })
            .to("mock:blobs");
        from(walk)
            .routeId("bodies")
            .autoStartup(false)
            .convertBodyTo(String.class)
            .to("mock:bodies");
        from("camlistore:enumerate?serverUrl=http://127.0.0.1:1/&initialDelay=0&delay=50"
                + "&pollStrategy=#recordingPollStrategy")
            .routeId("unreachable")
            .autoStartup(false)
            .to("mock:never");
        from("camlistore:enumerate?serverUrl=http://127.0.0.1:1/&initialDelay=0&delay=50"
                + "&bridgeErrorHandler=true")
            .routeId("bridged")
            .autoStartup(false)
            .onException(ConnectionException.class)
            .handled(true)
            .to("mock:pollErrors")
            .end()
            .to("mock:never");
      }
    };
  }

  @BeforeEach
  void answerDiscoveryAndPages() {
    PerkeepStubs.discovery(server);
    PerkeepStubs.enumerate(server, "", 5, "54-enumerate-limit-5.json");
    PerkeepStubs.enumerate(server, PAGE_ONE_LAST, 5, "56-enumerate-after.json");
    PerkeepStubs.enumerate(server, PAGE_TWO_LAST, 5, "60-enumerate-end.json");
  }

  private List<String> refsReceived(MockEndpoint mock) {
    List<String> refs = new ArrayList<>();
    for (Exchange exchange : mock.getExchanges()) {
      refs.add(exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class));
    }
    return refs;
  }

  private void awaitPollsOfTheEndPage(int polls) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                server
                        .findAll(
                            getRequestedFor(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
                                .withQueryParam("after", equalTo(PAGE_TWO_LAST)))
                        .size()
                    >= polls);
  }

  @Test
  void walksThePagesAcrossPollsDeliveringEachBlobOnceInOrder() throws Exception {
    MockEndpoint blobs = getMockEndpoint("mock:blobs");

    context.getRouteController().startRoute("headers");
    awaitPollsOfTheEndPage(3);

    assertThat(refsReceived(blobs)).isEqualTo(ALL_REFS);
    Exchange first = blobs.getExchanges().get(0);
    assertThat(first.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
        .isEqualTo(BlobRef.parse(BLOB_TWO_REF));
    assertThat(first.getMessage().getHeader(CamlistoreConstants.BLOB_SIZE)).isEqualTo(24L);
    assertThat(first.getMessage().getBody()).isNull();
    assertThat(first.getProperty(ExchangePropertyKey.BATCH_INDEX)).isEqualTo(0);
    assertThat(first.getProperty(ExchangePropertyKey.BATCH_SIZE)).isEqualTo(5);
    assertThat(blobs.getExchanges().get(4).getProperty(ExchangePropertyKey.BATCH_COMPLETE))
        .isEqualTo(true);
    assertThat(blobs.getExchanges().get(7).getProperty(ExchangePropertyKey.BATCH_SIZE))
        .isEqualTo(3);
    // The page size is maxMessagesPerPoll, and the first page starts at the beginning.
    server.verify(
        getRequestedFor(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
            .withQueryParam("limit", equalTo("5"))
            .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent()));
  }

  @Test
  void aFailedExchangeIsDeliveredAgainAtTheNextPollAndNothingIsSkipped() throws Exception {
    failFirstBlobOnce.set(true);
    MockEndpoint blobs = getMockEndpoint("mock:blobs");

    context.getRouteController().startRoute("headers");
    awaitPollsOfTheEndPage(2);

    // The first blob failed once and came back at the next poll; the others came once each.
    assertThat(attempts.stream().filter(BLOB_TWO_REF::equals)).hasSize(2);
    assertThat(refsReceived(blobs)).containsExactlyInAnyOrderElementsOf(ALL_REFS);
    assertThat(refsReceived(blobs)).doesNotHaveDuplicates();
    // The position was held at the start until the failed blob completed.
    server.verify(
        2,
        getRequestedFor(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
            .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent()));
  }

  @Test
  void includeBodyStreamsEachBlobAndSkipsBlobsGoneSinceListing() throws Exception {
    PerkeepStubs.blob(server, BLOB_TWO_REF, "30-upload-multipart-two-blobs.part2.txt");
    // Only the sha1 blob's bytes were captured; the chunks listed with it answer 404, as blobs
    // removed after the listing would.
    server.stubFor(
        get(urlPathMatching(BLOB_ROOT + "camli/sha224-.*"))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBodyFile("47-get-missing-404.txt")));
    MockEndpoint bodies = getMockEndpoint("mock:bodies");

    context.getRouteController().startRoute("bodies");
    awaitPollsOfTheEndPage(2);

    assertThat(refsReceived(bodies)).containsExactly(BLOB_TWO_REF);
    assertThat(bodies.getExchanges().get(0).getMessage().getBody())
        .isEqualTo("fixture blob two (sha1)\n");
    CamlistoreEndpoint endpoint = (CamlistoreEndpoint) context.getRoute("bodies").getEndpoint();
    context.getRouteController().stopRoute("bodies");
    assertThat(endpoint.connection().leasedHttpConnections()).isZero();
  }

  @Test
  void anUnreachableServerGoesToThePollStrategyAndTheHealthCheckReportsIt() throws Exception {
    context.getRouteController().startRoute("unreachable");

    await().atMost(Duration.ofSeconds(20)).until(() -> !pollStrategy.errors.isEmpty());
    HealthCheck check =
        ((HealthCheckAware) context.getRoute("unreachable").getConsumer()).getHealthCheck();
    HealthCheck.Result result = check.call();

    assertThat(pollStrategy.errors.get(0)).isInstanceOf(ConnectionException.class);
    assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
    assertThat(result.getError()).containsInstanceOf(ConnectionException.class);
    assertThat(getMockEndpoint("mock:never").getReceivedCounter()).isZero();
  }

  @Test
  void withBridgeErrorHandlerPollErrorsReachTheRoutesErrorHandler() throws Exception {
    MockEndpoint pollErrors = getMockEndpoint("mock:pollErrors");
    pollErrors.expectedMinimumMessageCount(1);

    context.getRouteController().startRoute("bridged");

    pollErrors.assertIsSatisfied(20_000);
    assertThat(
            pollErrors
                .getExchanges()
                .get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
        .isInstanceOf(ConnectionException.class);
  }

  /** Records the errors of failed polls. */
  static final class RecordingPollStrategy implements PollingConsumerPollStrategy {
    final List<Exception> errors = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean begin(org.apache.camel.Consumer consumer, org.apache.camel.Endpoint endpoint) {
      return true;
    }

    @Override
    public void commit(
        org.apache.camel.Consumer consumer,
        org.apache.camel.Endpoint endpoint,
        int polledMessages) {
      // Nothing to record.
    }

    @Override
    public boolean rollback(
        org.apache.camel.Consumer consumer,
        org.apache.camel.Endpoint endpoint,
        int retryCounter,
        Exception cause) {
      errors.add(cause);
      return false;
    }
  }
}
