package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunControlTest {
  private final AtomicInteger finishes = new AtomicInteger();
  private final AtomicInteger caughtUp = new AtomicInteger();
  private final CamelContext context = new DefaultCamelContext();

  RunControlTest() {
    // Camel counts a route's exchanges once the route is known, as when it starts.
    context.getInflightRepository().addRoute("ingest");
  }

  @AfterEach
  void stopContext() {
    context.stop();
  }

  private Exchange idlePoll() {
    Exchange exchange = new DefaultExchange(context);
    exchange.getExchangeExtension().setFromRouteId("ingest");
    context.getInflightRepository().add(exchange, "ingest");
    return exchange;
  }

  @Test
  void aOneShotRunFinishesAtTheFirstIdlePollOnly() {
    RunControl run = new RunControl(false, finishes::incrementAndGet, caughtUp::incrementAndGet);

    run.idle(idlePoll());
    run.idle(idlePoll());

    assertThat(finishes).hasValue(1);
    assertThat(run.isFinished()).isTrue();
    assertThat(caughtUp).hasValue(0);
  }

  @Test
  void aOneShotRunWaitsForTheFilesStillInFlight() {
    RunControl run = new RunControl(false, finishes::incrementAndGet, caughtUp::incrementAndGet);
    Exchange stillStoring = idlePoll();

    Exchange poll = idlePoll();
    run.idle(poll);
    assertThat(run.isFinished()).isFalse();

    context.getInflightRepository().remove(stillStoring, "ingest");
    run.idle(poll);
    assertThat(finishes).hasValue(1);
  }

  @Test
  void aWatchingRunGoesOnWhenIdleAndReportsEachIdlePollWithNothingInFlight() {
    RunControl run = new RunControl(true, finishes::incrementAndGet, caughtUp::incrementAndGet);
    Exchange poll = idlePoll();

    run.idle(poll);
    run.idle(poll);

    assertThat(finishes).hasValue(0);
    assertThat(run.isFinished()).isFalse();
    assertThat(caughtUp).hasValue(2);
  }

  @Test
  void aWatchingRunIsNotCaughtUpWhileFilesAreInFlight() {
    RunControl run = new RunControl(true, finishes::incrementAndGet, caughtUp::incrementAndGet);
    Exchange stillStoring = idlePoll();

    Exchange poll = idlePoll();
    run.idle(poll);
    assertThat(caughtUp).hasValue(0);

    context.getInflightRepository().remove(stillStoring, "ingest");
    run.idle(poll);
    assertThat(caughtUp).hasValue(1);
    assertThat(finishes).hasValue(0);
  }
}
