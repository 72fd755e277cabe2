package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/**
 * The enumerate consumer end to end, through a real Camel context, against a server that may hold
 * other blobs: every test stores its own, uniquely named blobs and asserts only about those. Each
 * blob is delivered exactly once: the ones stored before the route started, after its first sweep
 * and while it was stopped; after a crash, every blob whose delivery was not recorded is delivered
 * again.
 */
abstract class EnumerateConsumerScenarios extends ConsumerScenarios {
  private final String label = UUID.randomUUID().toString();

  /** Stores new blobs; {@return their refs, sorted} */
  final List<String> store(String name, int count) {
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      blobs.add(Blob.of((label + " " + name + " " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return connection().blobs().putMulti(blobs).stream().map(BlobRef::toString).sorted().toList();
  }

  final String uri(String options) {
    return "camlistore:enumerate?includeBody=false&initialDelay=0&delay=20&" + options;
  }

  final ConsumerRun start(String options) throws Exception {
    return ConsumerRun.start(connection(), uri(options));
  }

  @Test
  void everyBlobIsDeliveredOnceAlsoThoseStoredAfterTheFirstSweep() throws Exception {
    List<String> old = store("old", 30);
    try (ConsumerRun run =
        start("maxMessagesPerPoll=7&stateFile=" + dir.resolve("enumerate.state"))) {
      run.awaitDelivered(old);
      run.awaitRounds(1);

      List<String> fresh = store("fresh", 200);
      run.awaitDelivered(fresh);
      run.awaitRounds(2);

      run.assertOnceEach(old);
      run.assertOnceEach(fresh);
      // The blobs stored later sort among the old ones, not only after them.
      assertThat(fresh).anyMatch(ref -> ref.compareTo(old.get(old.size() - 1)) < 0);
      assertThat(run.delivered()).allSatisfy(d -> assertThat(d.batchSize()).isBetween(1, 7));
    }
  }

  @Test
  void blobsStoredWhileTheRouteWasStoppedAreDeliveredWhenItStartsAgain() throws Exception {
    // No state file: the state lives as long as the endpoint, across a stop of the route.
    List<String> before = store("before", 20);
    try (ConsumerRun run = start("maxMessagesPerPoll=50")) {
      run.awaitDelivered(before);
      run.awaitRounds(1);
      run.context().getRouteController().stopRoute("consumer");

      List<String> meanwhile = store("meanwhile", 50);
      run.context().getRouteController().startRoute("consumer");
      run.awaitDelivered(meanwhile);
      run.awaitRounds(2);

      run.assertOnceEach(before);
      run.assertOnceEach(meanwhile);
    }
  }

  @Test
  void aRestartedApplicationDeliversWhatWasStoredMeanwhileAndNothingAgain() throws Exception {
    String state = "stateFile=" + dir.resolve("state/enumerate.state");
    List<String> before = store("before", 20);
    try (ConsumerRun first = start(state)) {
      first.awaitDelivered(before);
      first.awaitRounds(1);
    }

    List<String> meanwhile = store("meanwhile", 50);
    try (ConsumerRun second = start(state)) {
      second.awaitDelivered(meanwhile);
      // The first sweep may resume the one the stop interrupted: wait for a whole one after it.
      second.awaitRounds(2);

      second.assertNone(before);
      second.assertOnceEach(meanwhile);
    }
  }

  @Test
  void afterACrashEveryBlobWhoseDeliveryWasNotRecordedIsDeliveredAgain() throws Exception {
    List<String> own = store("crash", 40);
    Path state = dir.resolve("live/enumerate.state");
    // The 16th exchange, in the middle of the second batch, never finishes.
    ConsumerRun.HangAt crash = new ConsumerRun.HangAt(16);
    ConsumerRun crashed =
        ConsumerRun.start(
            connection(), uri("maxMessagesPerPoll=10&stateFile=" + state), crash, Map.of());
    Path copy = dir.resolve("after-crash/enumerate.state");
    Set<String> recorded;
    try {
      crash.awaitHung();
      // What the disk holds at this moment is what a killed process leaves.
      Files.createDirectories(copy.getParent());
      copyIfExists(state, copy);
      copyIfExists(sweepFile(state), sweepFile(copy));
      recorded = recordedRefs(copy);
      // The first batch was recorded when its poll ended; the second's were not yet.
      assertThat(recorded).hasSize(10);
    } finally {
      crash.release();
      crashed.close();
    }

    try (ConsumerRun after = start("maxMessagesPerPoll=10&stateFile=" + copy)) {
      List<String> unrecorded = own.stream().filter(ref -> !recorded.contains(ref)).toList();
      after.awaitDelivered(unrecorded);
      after.awaitRounds(2);

      after.assertOnceEach(unrecorded);
      after.assertNone(own.stream().filter(recorded::contains).toList());
    }
  }

  private static Path sweepFile(Path state) {
    return state.resolveSibling(state.getFileName() + ".sweep");
  }

  private static void copyIfExists(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.copy(from, to);
    }
  }

  private static Set<String> recordedRefs(Path state) throws IOException {
    Set<String> refs = new HashSet<>();
    for (Path file : List.of(state, sweepFile(state))) {
      if (Files.exists(file)) {
        Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
            .filter(line -> !line.equals(DeliveredRefsFile.HEADER))
            .forEach(refs::add);
      }
    }
    return refs;
  }

  @Test
  void aFailedExchangeIsDeliveredAgainByTheNextSweepWithoutHoldingTheOthersBack() throws Exception {
    List<String> own = store("retry", 10);
    String target = own.get(0);
    ConsumerRun.FailOnce failOnce = new ConsumerRun.FailOnce(target);
    try (ConsumerRun run =
        ConsumerRun.start(connection(), uri("maxMessagesPerPoll=5"), failOnce, Map.of())) {
      run.awaitDelivered(own);
      run.awaitRounds(2);

      run.assertOnceEach(own);
      assertThat(failOnce.attempts(target)).isEqualTo(2);
      List<String> order = run.delivered().stream().map(ConsumerRun.Delivered::ref).toList();
      // The others went through in the first sweep; the failed one came back in a later one.
      for (String other : own.subList(1, own.size())) {
        assertThat(order.indexOf(other)).isLessThan(order.indexOf(target));
      }
    }
  }

  @Test
  void includeBodyDeliversEachBlobsContent() throws Exception {
    List<String> own = store("content", 5);
    try (ConsumerRun run =
        ConsumerRun.start(
            connection(),
            "camlistore:enumerate?initialDelay=0&delay=20",
            exchange -> {
              // Other blobs of a shared server are closed unread.
              if (!own.contains(
                  exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class))) {
                exchange.getMessage().setBody(null);
              }
            },
            Map.of())) {
      run.awaitDelivered(own);

      Map<String, Object> bodies = new HashMap<>();
      run.delivered().stream()
          .filter(d -> own.contains(d.ref()))
          .forEach(d -> bodies.put(d.ref(), d.body()));
      for (String ref : own) {
        String content = (String) Objects.requireNonNull(bodies.get(ref), ref);
        assertThat(content).startsWith(label + " content ");
        assertThat(Blob.of(content.getBytes(StandardCharsets.UTF_8)).blobRef().toString())
            .isEqualTo(ref);
      }
    }
  }

  @Test
  void anIdempotentRepositoryBeanKeepsWhatWasDeliveredAcrossApplications() throws Exception {
    // Unbounded, so that a large shared store cannot push these refs out.
    MemoryIdempotentRepository repository =
        (MemoryIdempotentRepository)
            MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>());
    String options = "idempotentRepository=#delivered";
    List<String> before = store("before", 10);
    try (ConsumerRun first =
        ConsumerRun.start(
            connection(), uri(options), exchange -> {}, Map.of("delivered", repository))) {
      first.awaitDelivered(before);
      first.awaitRounds(1);
    }
    assertThat(before).allMatch(repository::contains);

    List<String> meanwhile = store("meanwhile", 10);
    try (ConsumerRun second =
        ConsumerRun.start(
            connection(), uri(options), exchange -> {}, Map.of("delivered", repository))) {
      second.awaitDelivered(meanwhile);
      second.awaitRounds(2);

      second.assertNone(before);
      second.assertOnceEach(meanwhile);
    }
  }

  @Test
  void overlappingPollsNeverDeliverABlobInFlightAgain() throws Exception {
    List<String> own = store("overlap", 20);
    AtomicLong polls = new AtomicLong();
    PollingConsumerPollStrategy counting =
        new PollingConsumerPollStrategy() {
          @Override
          public boolean begin(Consumer consumer, Endpoint endpoint) {
            return true;
          }

          @Override
          public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            polls.incrementAndGet();
          }

          @Override
          public boolean rollback(
              Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            return false;
          }
        };
    try (ConsumerRun run =
        ConsumerRun.start(
            connection(),
            uri("maxMessagesPerPoll=4&pollStrategy=#counting") + "&greedy=true",
            4,
            exchange -> {
              // Each of these blobs stays in flight while the consumer polls three more times
              // (the other blobs of a shared server go through at once).
              String ref =
                  exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class);
              if (own.contains(ref)) {
                long start = polls.get();
                await().atMost(ConsumerRun.PATIENCE).until(() -> polls.get() >= start + 3);
              }
            },
            Map.of("counting", counting))) {
      run.awaitDelivered(own);
      run.awaitRounds(2);

      run.assertOnceEach(own);
    }
  }
}
