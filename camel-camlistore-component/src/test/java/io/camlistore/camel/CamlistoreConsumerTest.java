package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.ConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both consumers against an unreachable server: the route starts anyway, and each failed poll goes
 * to the poll strategy (or, with bridgeErrorHandler, to the route's error handler) and makes the
 * consumer's health check report DOWN.
 */
class CamlistoreConsumerTest extends CamelTestSupport {
  private static final String UNREACHABLE = "serverUrl=http://127.0.0.1:1/&initialDelay=0&delay=50";

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
        for (String from : List.of("enumerate?", "query?expression=tag:a&")) {
          String operation = from.substring(0, from.indexOf('?'));
          from("camlistore:" + from + UNREACHABLE + "&pollStrategy=#recordingPollStrategy")
              .routeId("unreachable-" + operation)
              .autoStartup(false)
              .to("mock:never");
          from("camlistore:" + from + UNREACHABLE + "&bridgeErrorHandler=true")
              .routeId("bridged-" + operation)
              .autoStartup(false)
              .onException(ConnectionException.class)
              .handled(true)
              .to("mock:pollErrors")
              .end()
              .to("mock:never");
        }
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"enumerate", "query"})
  void anUnreachableServerGoesToThePollStrategyAndTheHealthCheckReportsIt(String operation)
      throws Exception {
    context.getRouteController().startRoute("unreachable-" + operation);

    await().atMost(Duration.ofSeconds(20)).until(() -> !pollStrategy.errors.isEmpty());
    HealthCheck check =
        ((HealthCheckAware) context.getRoute("unreachable-" + operation).getConsumer())
            .getHealthCheck();

    assertThat(pollStrategy.errors.get(0)).isInstanceOf(ConnectionException.class);
    // The poll strategy hears of a failed poll before the consumer records it for its health
    // check: wait for the check to report it.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              HealthCheck.Result result = check.call();
              assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
              assertThat(result.getError()).containsInstanceOf(ConnectionException.class);
            });
    assertThat(getMockEndpoint("mock:never").getReceivedCounter()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"enumerate", "query"})
  void withBridgeErrorHandlerPollErrorsReachTheRoutesErrorHandler(String operation)
      throws Exception {
    MockEndpoint pollErrors = getMockEndpoint("mock:pollErrors");
    pollErrors.expectedMinimumMessageCount(1);

    context.getRouteController().startRoute("bridged-" + operation);

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
