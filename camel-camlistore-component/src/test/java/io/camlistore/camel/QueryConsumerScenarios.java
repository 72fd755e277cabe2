package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.BlobDescription;
import io.camlistore.client.SearchResult;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query consumer end to end, through a real Camel context: each permanode matching the
 * expression is delivered once when it appears and again when it changes, also across a restart,
 * and again after a crash only if its delivery was not saved. Every test tags its own permanodes
 * with a tag of its own; a real server indexes them a moment after they are stored, which the
 * consumer, polling, waits for as an application would.
 */
abstract class QueryConsumerScenarios extends ConsumerScenarios {
  private String tag;

  @BeforeEach
  void newTag() {
    tag = "invoice-" + UUID.randomUUID();
  }

  /**
   * Makes permanodes with this test's tag, tagging each only once its title is indexed: a real
   * server indexes claims asynchronously, in any order, so a permanode whose tag was indexed before
   * its title would match the search, then change when the title is indexed, and rightly be
   * delivered twice. {@return them, oldest first}
   */
  final List<String> tagged(int count) {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String title = "invoice " + refs.size();
      BlobRef permanode = connection().permanodes().create(Map.of("title", title));
      await()
          .atMost(ConsumerRun.PATIENCE)
          .ignoreExceptions()
          .until(
              () ->
                  title.equals(connection().searcher().describeBlob(permanode).attribute("title")));
      connection().permanodes().addAttribute(permanode, "tag", tag);
      refs.add(permanode.toString());
    }
    return refs;
  }

  final void change(String permanode, String note) {
    connection().permanodes().addAttribute(BlobRef.parse(permanode), "note", note);
  }

  /** Waits until the search finds these permanodes (a real server indexes asynchronously). */
  final void awaitIndexed(List<String> refs) {
    await()
        .atMost(ConsumerRun.PATIENCE)
        .until(
            () ->
                connection().searcher().query("tag:" + tag).stream()
                    .map(SearchResult::blobRef)
                    .map(BlobRef::toString)
                    .toList()
                    .containsAll(refs));
  }

  final String uri(String options) {
    return "camlistore:query?expression=tag:" + tag + "&initialDelay=0&delay=20&" + options;
  }

  private static List<ConsumerRun.Delivered> deliveriesOf(ConsumerRun run, String ref) {
    return run.delivered().stream().filter(d -> d.ref().equals(ref)).toList();
  }

  @Test
  void eachMatchingPermanodeIsDeliveredOnceWhenItAppearsAndAgainWhenItChanges() throws Exception {
    List<String> invoices = tagged(3);
    try (ConsumerRun run =
        ConsumerRun.start(
            connection(),
            uri("maxMessagesPerPoll=2&stateFile=" + dir.resolve("query.state")),
            exchange -> {},
            Map.of())) {
      run.awaitDelivered(invoices);
      run.awaitRounds(1);

      change(invoices.get(1), "paid");
      List<String> later = tagged(1);
      await()
          .atMost(ConsumerRun.PATIENCE)
          .until(() -> deliveriesOf(run, invoices.get(1)).size() == 2);
      run.awaitDelivered(later);
      run.awaitRounds(2);

      run.assertOnceEach(List.of(invoices.get(0), invoices.get(2), later.get(0)));
      List<ConsumerRun.Delivered> changed = deliveriesOf(run, invoices.get(1));
      assertThat(changed).hasSize(2);
      assertThat(changed.get(1).modTime()).isAfter(changed.get(0).modTime());
      BlobDescription before = (BlobDescription) Objects.requireNonNull(changed.get(0).body());
      BlobDescription after = (BlobDescription) Objects.requireNonNull(changed.get(1).body());
      assertThat(before.type()).isEqualTo("permanode");
      assertThat(before.attribute("title")).isEqualTo("invoice 1");
      assertThat(before.attribute("note")).isNull();
      assertThat(after.attribute("note")).isEqualTo("paid");
      assertThat(after.modTime()).isEqualTo(changed.get(1).modTime());
    }
  }

  @Test
  void aRestartedApplicationDeliversWhatChangedMeanwhileAndNothingAgain() throws Exception {
    String state = "stateFile=" + dir.resolve("state/query.state");
    List<String> invoices = tagged(3);
    try (ConsumerRun first = ConsumerRun.start(connection(), uri(state))) {
      first.awaitDelivered(invoices);
      first.awaitRounds(1);
    }

    change(invoices.get(0), "paid");
    List<String> meanwhile = tagged(1);
    try (ConsumerRun second = ConsumerRun.start(connection(), uri(state))) {
      second.awaitDelivered(List.of(invoices.get(0), meanwhile.get(0)));
      second.awaitRounds(2);

      second.assertOnceEach(List.of(invoices.get(0), meanwhile.get(0)));
      second.assertNone(invoices.subList(1, 3));
      BlobDescription paid =
          (BlobDescription)
              Objects.requireNonNull(deliveriesOf(second, invoices.get(0)).get(0).body());
      assertThat(paid.attribute("note")).isEqualTo("paid");
    }
  }

  @Test
  void withoutAStateFileTheStateLastsAcrossAStopOfTheRoute() throws Exception {
    List<String> invoices = tagged(2);
    try (ConsumerRun run = ConsumerRun.start(connection(), uri("maxMessagesPerPoll=10"))) {
      run.awaitDelivered(invoices);
      run.awaitRounds(1);
      run.context().getRouteController().stopRoute("consumer");

      List<String> meanwhile = tagged(1);
      run.context().getRouteController().startRoute("consumer");
      run.awaitDelivered(meanwhile);
      run.awaitRounds(2);

      run.assertOnceEach(invoices);
      run.assertOnceEach(meanwhile);
    }
  }

  @Test
  void afterACrashEveryChangeWhoseDeliveryWasNotSavedIsDeliveredAgain() throws Exception {
    List<String> invoices = tagged(5);
    awaitIndexed(invoices);
    Path state = dir.resolve("live/query.state");
    // The third exchange, in the second poll, never finishes.
    ConsumerRun.HangAt crash = new ConsumerRun.HangAt(3);
    ConsumerRun crashed =
        ConsumerRun.start(
            connection(), uri("maxMessagesPerPoll=2&stateFile=" + state), crash, Map.of());
    Path copy = dir.resolve("after-crash/query.state");
    Set<String> saved;
    try {
      crash.awaitHung();
      // What the disk holds at this moment is what a killed process leaves.
      Files.createDirectories(copy.getParent());
      Files.copy(state, copy);
      saved = savedDeliveries(copy);
      // The first poll's two were saved when it ended.
      assertThat(saved).containsExactlyInAnyOrder(invoices.get(4), invoices.get(3));
    } finally {
      crash.release();
      crashed.close();
    }

    try (ConsumerRun after =
        ConsumerRun.start(connection(), uri("maxMessagesPerPoll=2&stateFile=" + copy))) {
      List<String> unsaved = invoices.stream().filter(ref -> !saved.contains(ref)).toList();
      after.awaitDelivered(unsaved);
      after.awaitRounds(2);

      after.assertOnceEach(unsaved);
      after.assertNone(List.copyOf(saved));
    }
  }

  /** {@return the permanodes a saved state file records as delivered} */
  private Set<String> savedDeliveries(Path file) throws IOException {
    String prefix = CamlistoreQueryConsumer.stateKey("tag:" + tag) + "=";
    String value = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(prefix)) {
        value = line.substring(prefix.length());
      }
    }
    Set<String> refs = new HashSet<>();
    QueryState.decode(value, file.toString())
        .delivered()
        .forEach(change -> refs.add(change.ref().toString()));
    return refs;
  }

  @Test
  void aFailedExchangeIsDeliveredAgainByTheNextPoll() throws Exception {
    List<String> invoices = tagged(3);
    String target = invoices.get(1);
    ConsumerRun.FailOnce failOnce = new ConsumerRun.FailOnce(target);
    try (ConsumerRun run =
        ConsumerRun.start(connection(), uri("maxMessagesPerPoll=10"), failOnce, Map.of())) {
      run.awaitDelivered(invoices);
      run.awaitRounds(2);

      run.assertOnceEach(invoices);
      assertThat(failOnce.attempts(target)).isEqualTo(2);
    }
  }

  @Test
  void aStateRepositoryBeanKeepsTheStateAcrossApplications() throws Exception {
    MemoryStateRepository repository = new MemoryStateRepository();
    Map<String, Object> beans = Map.of("queryState", repository);
    String options = "stateRepository=#queryState";
    List<String> invoices = tagged(2);
    try (ConsumerRun first = ConsumerRun.start(connection(), uri(options), exchange -> {}, beans)) {
      first.awaitDelivered(invoices);
      first.awaitRounds(1);
    }
    assertThat(repository.getState(CamlistoreQueryConsumer.stateKey("tag:" + tag)))
        .contains(invoices.get(0));

    change(invoices.get(1), "paid");
    try (ConsumerRun second =
        ConsumerRun.start(connection(), uri(options), exchange -> {}, beans)) {
      second.awaitDelivered(List.of(invoices.get(1)));
      second.awaitRounds(2);

      second.assertOnceEach(List.of(invoices.get(1)));
      second.assertNone(List.of(invoices.get(0)));
    }
  }
}
