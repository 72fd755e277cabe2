package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunControlTest {
  private final AtomicInteger finishes = new AtomicInteger();

  @Test
  void aOneShotRunFinishesAtTheFirstIdlePollOnly() {
    RunControl run = new RunControl(false, finishes::incrementAndGet);

    run.idle();
    run.idle();

    assertThat(finishes).hasValue(1);
    assertThat(run.isFinished()).isTrue();
  }

  @Test
  void aWatchingRunGoesOnWhenIdle() {
    RunControl run = new RunControl(true, finishes::incrementAndGet);

    run.idle();

    assertThat(finishes).hasValue(0);
    assertThat(run.isFinished()).isFalse();
  }
}
