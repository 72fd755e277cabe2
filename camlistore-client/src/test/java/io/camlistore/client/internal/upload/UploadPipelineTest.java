package io.camlistore.client.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.ServerException;
import io.camlistore.client.internal.upload.UploadPipeline.Failures;
import io.camlistore.protocol.BlobRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The upload pipeline with a recording server standing in for the real one: stat windows, order (a
 * schema after its children), the bound on held bytes, batching, de-duplication, and failures, both
 * stopping the pipeline and per unit.
 */
@Timeout(30)
class UploadPipelineTest {
  private static final int OVERHEAD = UploadPipeline.PART_OVERHEAD_BYTES;

  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  /**
   * Stores what it is given, answers stats from what it holds, and checks each blob's children were
   * stored before its request or come earlier in the same request (the server stores parts in
   * order).
   */
  private static class RecordingServer implements UploadPipeline.Server {
    final Set<BlobRef> stored = ConcurrentHashMap.newKeySet();
    final List<List<BlobRef>> stats = Collections.synchronizedList(new ArrayList<>());
    final List<List<BlobRef>> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final Map<BlobRef, List<BlobRef>> children = new ConcurrentHashMap<>();

    @Override
    public Set<BlobRef> stat(List<BlobRef> refs) {
      stats.add(List.copyOf(refs));
      Set<BlobRef> present = new HashSet<>(refs);
      present.retainAll(stored);
      return present;
    }

    @Override
    public UploadPipeline.Receipt upload(List<Blob> batch) {
      List<BlobRef> refs = new ArrayList<>();
      for (Blob blob : batch) {
        for (BlobRef child : children.getOrDefault(blob.blobRef(), List.of())) {
          if (!stored.contains(child) && !refs.contains(child)) {
            violations.add(blob.blobRef() + " before " + child);
          }
        }
        refs.add(blob.blobRef());
      }
      requests.add(refs);
      stored.addAll(refs);
      return new UploadPipeline.Receipt(new HashSet<>(refs), null);
    }

    void add(UploadPipeline pipeline, Blob blob, Blob... kids) {
      add(pipeline, null, blob, kids);
    }

    void add(UploadPipeline pipeline, UploadPipeline.@Nullable Unit unit, Blob blob, Blob... kids) {
      List<BlobRef> refs = new ArrayList<>();
      for (Blob kid : kids) {
        refs.add(kid.blobRef());
      }
      children.put(blob.blobRef(), refs);
      pipeline.add(blob, refs, unit, false);
    }
  }

  /**
   * A file of two chunks behind a {@code bytes} blob and a third chunk, added in pk-put's order.
   */
  private static final class Tree {
    final Blob a = Blob.of("a");
    final Blob b = Blob.of("b");
    final Blob bytes = Blob.of("bytes(a,b)");
    final Blob c = Blob.of("c");
    final Blob file = Blob.of("file(bytes,c)");

    void addTo(RecordingServer server, UploadPipeline pipeline) {
      server.add(pipeline, a);
      server.add(pipeline, b);
      server.add(pipeline, bytes, a, b);
      server.add(pipeline, c);
      server.add(pipeline, file, bytes, c);
    }
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static UploadPipeline pipeline(
      UploadPipeline.Server server,
      java.util.concurrent.Executor executor,
      long held,
      long requestBytes,
      int requestBlobs) {
    return new UploadPipeline(
        server, executor, held, requestBytes, requestBlobs, 1000, Failures.STOP_AT_FIRST);
  }

  @Test
  void aSchemaGoesOutOnlyAfterEveryChildWasAcknowledged() {
    RecordingServer server = new RecordingServer();
    Tree tree = new Tree();

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 4, 10)) {
      tree.addTo(server, pipeline);
      pipeline.finish();
    }

    assertThat(server.stored).hasSize(5);
    assertThat(server.violations).isEmpty();
  }

  @Test
  void aSchemaRidesInTheRequestOfItsChildrenRightAfterThem() {
    RecordingServer server = new RecordingServer();
    Tree tree = new Tree();

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 1 << 20, 100)) {
      tree.addTo(server, pipeline);
      pipeline.finish();
    }

    assertThat(server.stats)
        .containsExactly(refs(List.of(tree.a, tree.b, tree.bytes, tree.c, tree.file)));
    assertThat(server.requests)
        .containsExactly(refs(List.of(tree.a, tree.b, tree.bytes, tree.c, tree.file)));
  }

  @Test
  void oneStatNamesAWindowOfBlobsAndOnlyWhatTheServerLacksIsUploaded() {
    RecordingServer server = new RecordingServer();
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      blobs.add(blobOf(10, i));
    }
    for (int i = 0; i < 25; i += 2) {
      server.stored.add(blobs.get(i).blobRef());
    }

    try (UploadPipeline pipeline =
        new UploadPipeline(
            server, Runnable::run, 1 << 20, 1 << 20, 100, 10, Failures.STOP_AT_FIRST)) {
      blobs.forEach(pipeline::add);
      pipeline.finish();
    }

    // Windows of 10 refs: 10, 10 and the 5 left at finish.
    assertThat(server.stats).extracting(List::size).containsExactly(10, 10, 5);
    assertThat(server.stats.stream().flatMap(List::stream)).containsExactlyElementsOf(refs(blobs));
    List<BlobRef> uploaded = server.requests.stream().flatMap(List::stream).toList();
    assertThat(uploaded).hasSize(12).doesNotContainAnyElementsOf(refs(evenOnes(blobs)));
  }

  @Test
  void aStatWindowClosesOnceItHoldsARequestsWorthOfBytes() {
    RecordingServer server = new RecordingServer();

    try (UploadPipeline pipeline =
        new UploadPipeline(
            server,
            Runnable::run,
            1 << 20,
            3 * (100 + OVERHEAD),
            100,
            1000,
            Failures.STOP_AT_FIRST)) {
      for (int i = 0; i < 7; i++) {
        pipeline.add(blobOf(100, i));
      }
      pipeline.finish();
    }

    assertThat(server.stats).extracting(List::size).containsExactly(3, 3, 1);
  }

  @Test
  void aSchemaTheServerHasIsNotSentAndReleasesWhatWaitsForIt() {
    RecordingServer server = new RecordingServer();
    Tree tree = new Tree();
    server.stored.addAll(refs(List.of(tree.a, tree.b, tree.bytes)));
    Blob claim = Blob.of("claim(file)");

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 1 << 20, 100)) {
      tree.addTo(server, pipeline);
      server.add(pipeline, claim, tree.file);
      pipeline.finish();
    }

    assertThat(server.requests).containsExactly(refs(List.of(tree.c, tree.file, claim)));
    assertThat(server.violations).isEmpty();
  }

  @Test
  void aBlobKnownToBeNewIsNotStatted() {
    RecordingServer server = new RecordingServer();
    Blob content = Blob.of("content");
    Blob permanode = Blob.of("new permanode");

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 1 << 20, 100)) {
      pipeline.add(content);
      pipeline.add(permanode, List.of(content.blobRef()), null, true);
      pipeline.finish();
    }

    assertThat(server.stats).containsExactly(List.of(content.blobRef()));
    assertThat(server.requests).containsExactly(refs(List.of(content, permanode)));
  }

  @Test
  void schemasOfDifferentFilesDoNotWaitForEachOther() {
    RecordingServer server = new RecordingServer();
    List<Blob> expected = new ArrayList<>();

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 1 << 20, 100)) {
      for (int i = 0; i < 50; i++) {
        Blob chunk = Blob.of("chunk " + i);
        Blob schema = Blob.of("file " + i);
        server.add(pipeline, chunk);
        server.add(pipeline, schema, chunk);
        expected.add(chunk);
        expected.add(schema);
      }
      pipeline.finish();
    }

    // One stat and one request, each schema after its chunk: no chain of round trips.
    assertThat(server.stats).hasSize(1);
    assertThat(server.requests).containsExactly(refs(expected));
    assertThat(server.violations).isEmpty();
  }

  @Test
  void aSchemaNeverGoesInARequestThatMayRunBeforeTheOneHoldingItsChild() throws Exception {
    RecordingServer server = new RecordingServer();
    LinkedBlockingDeque<Runnable> queued = new LinkedBlockingDeque<>();
    Tree tree = new Tree();
    // Two blobs fill a request; one stat per blob.
    UploadPipeline pipeline =
        new UploadPipeline(server, queued::add, 1 << 20, 1 << 20, 2, 1, Failures.STOP_AT_FIRST);
    Thread producer =
        new Thread(
            () -> {
              tree.addTo(server, pipeline);
              pipeline.finish();
            });

    producer.start();
    while (producer.isAlive()) {
      if (producer.getState() == Thread.State.WAITING) {
        // Run the newest request first: one sent beside an older request may land before it.
        List<Runnable> batch = new ArrayList<>();
        queued.drainTo(batch);
        Collections.reverse(batch);
        batch.forEach(Runnable::run);
      }
      Thread.onSpinWait();
    }

    assertThat(server.violations).isEmpty();
    assertThat(server.stored).hasSize(5);
  }

  @Test
  void aSchemaJoinsItsLastChildOnceTheOthersAreAcknowledged() throws Exception {
    RecordingServer recorder = new RecordingServer();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService single = Executors.newSingleThreadExecutor();
    Blob a = Blob.of("a");
    Blob x = Blob.of("x");
    Blob y = Blob.of("y");
    Blob file = Blob.of("file(x,y)");
    RecordingServer held =
        new RecordingServer() {
          @Override
          public UploadPipeline.Receipt upload(List<Blob> batch) {
            if (batch.contains(x)) {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return recorder.upload(batch);
          }
        };

    try (UploadPipeline pipeline = pipeline(held, single, 1 << 20, 1 << 20, 2)) {
      // Known to be new: no stats, so that the requests are queued as the blobs are added.
      recorder.children.put(file.blobRef(), refs(List.of(x, y)));
      pipeline.add(a, List.of(), null, true);
      pipeline.add(x, List.of(), null, true);
      pipeline.add(y, List.of(), null, true);
      pipeline.add(file, refs(List.of(x, y)), null, true);
      release.countDown();
      // The executor runs in order: once this no-op ran, the request holding x was acknowledged.
      single.submit(() -> {}).get(10, TimeUnit.SECONDS);
      pipeline.finish();
    } finally {
      single.shutdown();
    }

    assertThat(recorder.requests).containsExactly(refs(List.of(a, x)), refs(List.of(y, file)));
    assertThat(recorder.violations).isEmpty();
  }

  @Test
  void aSchemaThatDoesNotFitAfterItsChildrenWaitsForTheirAcknowledgement() {
    RecordingServer server = new RecordingServer();
    Blob a = Blob.of("a");
    Blob file = Blob.of("file(a)");

    // Room for the child's part, not for the schema's after it.
    try (UploadPipeline pipeline = pipeline(server, Runnable::run, 1 << 20, 500, 100)) {
      server.add(pipeline, a);
      server.add(pipeline, file, a);
      pipeline.finish();
    }

    assertThat(server.requests).containsExactly(refs(List.of(a)), refs(List.of(file)));
    assertThat(server.violations).isEmpty();
  }

  @Test
  void requestsAreCutByBytesAndByBlobCount() {
    RecordingServer bySize = new RecordingServer();
    RecordingServer byCount = new RecordingServer();

    try (UploadPipeline pipeline =
        pipeline(bySize, Runnable::run, 1 << 20, 3 * (100 + OVERHEAD), 100)) {
      for (int i = 0; i < 7; i++) {
        pipeline.add(blobOf(100, i));
      }
      pipeline.finish();
    }
    try (UploadPipeline pipeline = pipeline(byCount, Runnable::run, 1 << 20, 1 << 20, 5)) {
      for (int i = 0; i < 12; i++) {
        pipeline.add(blobOf(1, i));
      }
      pipeline.finish();
    }

    assertThat(bySize.requests).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(byCount.requests).extracting(List::size).containsExactly(5, 5, 2);
  }

  @Test
  void aBlobAlreadyQueuedOrInFlightIsNotQueuedAgain() {
    RecordingServer server = new RecordingServer();

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 1 << 20, 100)) {
      for (int i = 0; i < 5; i++) {
        pipeline.add(Blob.of("same"));
      }
      pipeline.finish();
    }

    assertThat(server.stats).containsExactly(List.of(Blob.of("same").blobRef()));
    assertThat(server.requests).containsExactly(List.of(Blob.of("same").blobRef()));
  }

  @Test
  void aChildNeverAddedHereCountsAsStored() {
    RecordingServer server = new RecordingServer();

    try (UploadPipeline pipeline = pipeline(server, threads, 1 << 20, 1 << 20, 100)) {
      pipeline.add(Blob.of("schema"), List.of(Blob.of("elsewhere").blobRef()), null, false);
      pipeline.finish();
    }

    assertThat(server.stored).containsExactly(Blob.of("schema").blobRef());
  }

  @Test
  void producersOnSeveralThreadsKeepEveryBlobAfterItsChildren() throws Exception {
    RecordingServer server = new RecordingServer();
    ExecutorService producers = Executors.newFixedThreadPool(3);
    try (UploadPipeline pipeline = pipeline(server, threads, 64 * 1024, 4096, 25)) {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        int producer = p;
        done.add(
            producers.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    Blob chunk = Blob.of("chunk " + producer + "/" + i);
                    Blob schema = Blob.of("file " + producer + "/" + i);
                    Blob claim = Blob.of("claim " + producer + "/" + i);
                    server.add(pipeline, chunk);
                    server.add(pipeline, schema, chunk);
                    server.add(pipeline, claim, schema);
                  }
                }));
      }
      for (java.util.concurrent.Future<?> future : done) {
        future.get(20, TimeUnit.SECONDS);
      }
      pipeline.finish();
    } finally {
      producers.shutdownNow();
    }

    assertThat(server.stored).hasSize(900);
    assertThat(server.violations).isEmpty();
  }

  @Test
  void theProducerBlocksOnceTheBoundIsHeldAndHeldBytesNeverExceedIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong inServer = new AtomicLong();
    AtomicLong maxInServer = new AtomicLong();
    RecordingServer slow =
        new RecordingServer() {
          @Override
          public UploadPipeline.Receipt upload(List<Blob> batch) {
            long bytes = batch.stream().mapToLong(b -> b.size() + OVERHEAD).sum();
            maxInServer.accumulateAndGet(inServer.addAndGet(bytes), Math::max);
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            inServer.addAndGet(-bytes);
            return super.upload(batch);
          }
        };
    long bound = 10L * (1000 + OVERHEAD);
    AtomicInteger added = new AtomicInteger();
    UploadPipeline pipeline = pipeline(slow, threads, bound, 2 * (1000 + OVERHEAD), 100);
    Thread producer =
        new Thread(
            () -> {
              for (int i = 0; i < 100; i++) {
                pipeline.add(blobOf(1000, i));
                added.incrementAndGet();
              }
              pipeline.finish();
            });

    producer.start();
    // Uploads cannot complete, so the producer ends up blocked for good once the bound is held
    // (it may also wait briefly for the lock on the way).
    while (added.get() < 10 || producer.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    int acceptedWhileBlocked = added.get();
    release.countDown();
    producer.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(acceptedWhileBlocked).isEqualTo(10);
    assertThat(producer.isAlive()).isFalse();
    assertThat(added).hasValue(100);
    assertThat(maxInServer.get()).isLessThanOrEqualTo(bound);
  }

  @Test
  void aFailedRequestIsThrownByFinishAndNothingWaitingForItIsSent() {
    Blob bad = Blob.of("bad");
    RecordingServer failing = failingOn(batch -> batch.contains(bad));

    UploadPipeline pipeline = pipeline(failing, threads, 1 << 20, 1, 100);
    pipeline.add(bad);
    assertThatThrownBy(
            () -> {
              // Depending on timing the failure surfaces here or in finish().
              pipeline.add(Blob.of("schema"), List.of(bad.blobRef()), null, false);
              pipeline.finish();
            })
        .isInstanceOf(ServerException.class)
        .hasMessageContaining(bad.blobRef().toString());
    assertThatThrownBy(() -> pipeline.add(Blob.of("later"))).isInstanceOf(ServerException.class);
    pipeline.close();

    assertThat(failing.stored).doesNotContain(Blob.of("schema").blobRef());
  }

  @Test
  void aFailedStatFailsItsWindow() {
    RecordingServer server =
        new RecordingServer() {
          @Override
          public Set<BlobRef> stat(List<BlobRef> refs) {
            throw new ServerException("stat refused", 400, "bad");
          }
        };

    UploadPipeline pipeline = pipeline(server, Runnable::run, 1 << 20, 1 << 20, 100);
    pipeline.add(Blob.of("x"));
    assertThatThrownBy(pipeline::finish).hasMessage("stat refused");
    pipeline.close();

    assertThat(server.requests).isEmpty();
  }

  @Test
  void perUnitAFailedRequestFailsOnlyTheUnitsWithBlobsInItAndWhatWaitsForThem() {
    Blob badChunk = Blob.of("bad chunk");
    RecordingServer server = failingOn(batch -> batch.contains(badChunk));
    UploadPipeline.Unit failing;
    UploadPipeline.Unit fine;
    UploadPipeline.Unit present;
    Blob fineChunk = Blob.of("fine chunk");
    Blob presentChunk = Blob.of("present chunk");
    server.stored.add(presentChunk.blobRef());

    try (UploadPipeline pipeline =
        new UploadPipeline(server, threads, 1 << 20, 30, 100, 1000, Failures.PER_UNIT)) {
      failing = pipeline.newUnit();
      fine = pipeline.newUnit();
      present = pipeline.newUnit();
      Blob badSchema = Blob.of("schema(bad chunk)");
      server.add(pipeline, failing, badChunk);
      server.add(pipeline, failing, badSchema, badChunk);
      server.add(pipeline, fine, fineChunk);
      server.add(pipeline, fine, Blob.of("schema(fine chunk)"), fineChunk);
      server.add(pipeline, present, presentChunk);
      pipeline.finish();

      assertThat(failing.failure()).isInstanceOf(ServerException.class);
      assertThat(fine.failure()).isNull();
      assertThat(present.failure()).isNull();
      assertThat(pipeline.uploadedAny(fine)).isTrue();
      assertThat(pipeline.uploadedAny(present)).isFalse();
      assertThat(server.stored)
          .contains(Blob.of("schema(fine chunk)").blobRef())
          .doesNotContain(badSchema.blobRef());
    }
  }

  @Test
  void perUnitABlobAddedAfterItsChildFailedFailsWithoutBeingSent() {
    Blob badChunk = Blob.of("bad chunk");
    RecordingServer server = failingOn(batch -> batch.contains(badChunk));

    try (UploadPipeline pipeline =
        new UploadPipeline(server, Runnable::run, 1 << 20, 1, 100, 1, Failures.PER_UNIT)) {
      UploadPipeline.Unit unit = pipeline.newUnit();
      server.add(pipeline, unit, badChunk);
      assertThat(unit.failure()).as("failed inline").isNotNull();
      UploadPipeline.Unit later = pipeline.newUnit();
      server.add(pipeline, later, Blob.of("schema(bad chunk)"), badChunk);
      pipeline.finish();

      assertThat(later.failure()).isSameAs(unit.failure());
    }

    assertThat(server.stats).hasSize(1);
  }

  @Test
  void aRefusedPartFailsAndThePartsAfterItAreSentOnceMore() {
    Blob first = Blob.of("first");
    Blob refused = Blob.of("refused");
    Blob after = Blob.of("after");
    Blob afterSchema = Blob.of("schema(after)");
    AtomicInteger calls = new AtomicInteger();
    RecordingServer server =
        new RecordingServer() {
          @Override
          public UploadPipeline.Receipt upload(List<Blob> batch) {
            calls.incrementAndGet();
            // Like the real server: stores parts in order and stops at the one it refuses.
            List<Blob> storedPart = new ArrayList<>();
            for (Blob blob : batch) {
              if (blob.equals(refused)) {
                break;
              }
              storedPart.add(blob);
            }
            super.upload(storedPart);
            return new UploadPipeline.Receipt(
                new LinkedHashSet<>(refs(storedPart)),
                storedPart.size() == batch.size()
                    ? null
                    : new ServerException("did not store " + refused.blobRef(), 200, "corrupt"));
          }
        };

    try (UploadPipeline pipeline =
        new UploadPipeline(server, threads, 1 << 20, 1 << 20, 100, 1000, Failures.PER_UNIT)) {
      UploadPipeline.Unit ok = pipeline.newUnit();
      UploadPipeline.Unit bad = pipeline.newUnit();
      UploadPipeline.Unit later = pipeline.newUnit();
      server.add(pipeline, ok, first);
      server.add(pipeline, bad, refused);
      server.add(pipeline, later, after);
      server.add(pipeline, later, afterSchema, after);
      pipeline.finish();

      assertThat(ok.failure()).isNull();
      assertThat(bad.failure()).hasMessageContaining(refused.blobRef().toString());
      assertThat(later.failure()).isNull();
    }

    assertThat(calls).hasValue(2);
    assertThat(server.requests)
        .containsExactly(refs(List.of(first)), refs(List.of(after, afterSchema)));
    assertThat(server.violations).isEmpty();
  }

  @Test
  void closeDropsRequestsNotStartedAndWaitsForRunningOnes() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    ExecutorService single = Executors.newSingleThreadExecutor();
    RecordingServer slow =
        new RecordingServer() {
          @Override
          public Set<BlobRef> stat(List<BlobRef> refs) {
            started.incrementAndGet();
            running.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
            return Set.of();
          }
        };
    UploadPipeline pipeline =
        new UploadPipeline(slow, single, 1 << 20, 1, 100, 1, Failures.STOP_AT_FIRST);
    pipeline.add(Blob.of("one"));
    pipeline.add(Blob.of("two"));
    running.await();

    Thread closer = new Thread(pipeline::close);
    closer.start();
    while (closer.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertThat(finished).hasValue(0);
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(10));
    single.shutdown();
    assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(closer.isAlive()).isFalse();
    assertThat(started).as("the second stat never ran").hasValue(1);
    assertThat(finished).hasValue(1);
    assertThat(slow.requests).as("nothing was uploaded after close").isEmpty();
    assertThatThrownBy(() -> pipeline.add(Blob.of("three")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theSizingKeepsRequestsAtFourMegabytesAndTheBoundAtSixtyFourAtMost() {
    RecordingServer server = new RecordingServer();
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      blobs.add(blobOf(1 << 20, i));
    }

    try (UploadPipeline pipeline =
        UploadPipeline.forParallelism(server, threads, 4, Failures.STOP_AT_FIRST)) {
      blobs.forEach(pipeline::add);
      pipeline.finish();
    }

    // 1 MiB blobs plus framing: three fit under 4 MiB.
    assertThat(server.requests).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(3));
    assertThat(server.stored).hasSize(9);
  }

  /** A server whose upload requests fail as a whole when they match. */
  private static RecordingServer failingOn(Predicate<List<Blob>> failing) {
    return new RecordingServer() {
      @Override
      public UploadPipeline.Receipt upload(List<Blob> batch) {
        if (failing.test(batch)) {
          throw new ServerException("upload refused: " + refs(batch), 500, "boom");
        }
        return super.upload(batch);
      }
    };
  }

  private static List<Blob> evenOnes(List<Blob> blobs) {
    List<Blob> even = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i += 2) {
      even.add(blobs.get(i));
    }
    return even;
  }

  private static Blob blobOf(int size, int seed) {
    byte[] data = new byte[size];
    data[0] = (byte) seed;
    if (size > 1) {
      data[1] = (byte) (seed >> 8);
    }
    return Blob.of(data);
  }

  private static List<BlobRef> refs(List<Blob> blobs) {
    return blobs.stream().map(Blob::blobRef).toList();
  }
}
