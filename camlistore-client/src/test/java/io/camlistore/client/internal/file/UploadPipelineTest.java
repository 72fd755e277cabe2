package io.camlistore.client.internal.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import io.camlistore.client.ServerException;
import io.camlistore.client.internal.UploadBatches;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The upload pipeline with a recording writer standing in for the server: order (a schema after its
 * children), the bound on held bytes, batching, de-duplication and failures.
 */
@Timeout(30)
class UploadPipelineTest {
  private static final int OVERHEAD = UploadBatches.PART_OVERHEAD_BYTES;

  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  /**
   * Stores what it is given, and checks each blob's children were acknowledged before its request
   * or come earlier in the same request (the server stores parts in order).
   */
  private static final class RecordingWriter implements UploadPipeline.BatchWriter {
    final Set<BlobRef> stored = Collections.synchronizedSet(new HashSet<>());
    final List<List<BlobRef>> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final Map<BlobRef, List<BlobRef>> children = new ConcurrentHashMap<>();

    @Override
    public void write(List<Blob> batch) {
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
    }

    void add(UploadPipeline pipeline, Blob blob, Blob... kids) {
      List<BlobRef> refs = new ArrayList<>();
      for (Blob kid : kids) {
        refs.add(kid.blobRef());
      }
      children.put(blob.blobRef(), refs);
      pipeline.add(blob, refs);
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

    void addTo(RecordingWriter writer, UploadPipeline pipeline) {
      writer.add(pipeline, a);
      writer.add(pipeline, b);
      writer.add(pipeline, bytes, a, b);
      writer.add(pipeline, c);
      writer.add(pipeline, file, bytes, c);
    }
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aSchemaGoesOutOnlyAfterEveryChildWasAcknowledged() {
    RecordingWriter writer = new RecordingWriter();
    Tree tree = new Tree();

    try (UploadPipeline pipeline = new UploadPipeline(writer, threads, 1 << 20, 4, 10)) {
      tree.addTo(writer, pipeline);
      pipeline.finish();
    }

    assertThat(writer.stored).hasSize(5);
    assertThat(writer.violations).isEmpty();
  }

  @Test
  void aSchemaRidesInTheRequestOfItsChildrenRightAfterThem() {
    RecordingWriter writer = new RecordingWriter();
    Tree tree = new Tree();

    try (UploadPipeline pipeline = new UploadPipeline(writer, threads, 1 << 20, 1 << 20, 100)) {
      tree.addTo(writer, pipeline);
      pipeline.finish();
    }

    assertThat(writer.requests)
        .containsExactly(refs(List.of(tree.a, tree.b, tree.bytes, tree.c, tree.file)));
  }

  @Test
  void schemasOfDifferentFilesDoNotWaitForEachOther() {
    RecordingWriter writer = new RecordingWriter();
    List<Blob> expected = new ArrayList<>();

    try (UploadPipeline pipeline = new UploadPipeline(writer, threads, 1 << 20, 1 << 20, 100)) {
      for (int i = 0; i < 50; i++) {
        Blob chunk = Blob.of("chunk " + i);
        Blob schema = Blob.of("file " + i);
        writer.add(pipeline, chunk);
        writer.add(pipeline, schema, chunk);
        expected.add(chunk);
        expected.add(schema);
      }
      pipeline.finish();
    }

    // One request, each schema after its chunk: no chain of round trips.
    assertThat(writer.requests).containsExactly(refs(expected));
    assertThat(writer.violations).isEmpty();
  }

  @Test
  void aSchemaNeverGoesInARequestThatMayRunBeforeTheOneHoldingItsChild() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    LinkedBlockingDeque<Runnable> queued = new LinkedBlockingDeque<>();
    Tree tree = new Tree();
    // Two blobs fill a request.
    UploadPipeline pipeline = new UploadPipeline(writer, queued::add, 1 << 20, 1 << 20, 2);
    Thread producer =
        new Thread(
            () -> {
              tree.addTo(writer, pipeline);
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

    assertThat(writer.violations).isEmpty();
    assertThat(writer.requests)
        .containsExactly(
            refs(List.of(tree.c)),
            refs(List.of(tree.a, tree.b)),
            refs(List.of(tree.bytes, tree.file)));
  }

  @Test
  void aSchemaJoinsItsLastChildOnceTheOthersAreAcknowledged() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService single = Executors.newSingleThreadExecutor();
    Blob a = Blob.of("a");
    Blob x = Blob.of("x");
    Blob y = Blob.of("y");
    Blob file = Blob.of("file(x,y)");
    UploadPipeline.BatchWriter held =
        batch -> {
          if (batch.contains(x)) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          writer.write(batch);
        };

    try (UploadPipeline pipeline = new UploadPipeline(held, single, 1 << 20, 1 << 20, 2)) {
      writer.add(pipeline, a);
      writer.add(pipeline, x);
      writer.add(pipeline, y);
      writer.add(pipeline, file, x, y);
      release.countDown();
      // The executor runs in order: once this no-op ran, the request holding x was acknowledged.
      single.submit(() -> {}).get(10, TimeUnit.SECONDS);
      pipeline.finish();
    } finally {
      single.shutdown();
    }

    assertThat(writer.requests).containsExactly(refs(List.of(a, x)), refs(List.of(y, file)));
    assertThat(writer.violations).isEmpty();
  }

  @Test
  void aSchemaThatDoesNotFitAfterItsChildrenWaitsForTheirAcknowledgement() {
    RecordingWriter writer = new RecordingWriter();
    Blob a = Blob.of("a");
    Blob file = Blob.of("file(a)");

    // Room for the child's part, not for the schema's after it.
    try (UploadPipeline pipeline = new UploadPipeline(writer, Runnable::run, 1 << 20, 500, 100)) {
      writer.add(pipeline, a);
      writer.add(pipeline, file, a);
      pipeline.finish();
    }

    assertThat(writer.requests).containsExactly(refs(List.of(a)), refs(List.of(file)));
    assertThat(writer.violations).isEmpty();
  }

  @Test
  void aSchemaInTheRequestOfARefusedChildIsNotStored() {
    Blob bad = Blob.of("bad");
    Blob schema = Blob.of("schema(bad)");
    List<List<Blob>> sent = Collections.synchronizedList(new ArrayList<>());
    UploadPipeline.BatchWriter refusing =
        batch -> {
          sent.add(batch);
          throw new ServerException("did not store " + bad.blobRef(), 200, "corrupt");
        };

    UploadPipeline pipeline = new UploadPipeline(refusing, threads, 1 << 20, 1 << 20, 100);
    pipeline.add(bad);
    pipeline.add(schema, List.of(bad.blobRef()));
    assertThatThrownBy(pipeline::finish).isInstanceOf(ServerException.class);
    pipeline.close();

    assertThat(sent).containsExactly(List.of(bad, schema));
  }

  @Test
  void requestsAreCutByBytesAndByBlobCount() {
    RecordingWriter bySize = new RecordingWriter();
    RecordingWriter byCount = new RecordingWriter();

    try (UploadPipeline pipeline =
        new UploadPipeline(bySize, Runnable::run, 1 << 20, 3 * (100 + OVERHEAD), 100)) {
      for (int i = 0; i < 7; i++) {
        pipeline.add(blobOf(100, i));
      }
      pipeline.finish();
    }
    try (UploadPipeline pipeline =
        new UploadPipeline(byCount, Runnable::run, 1 << 20, 1 << 20, 5)) {
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
    RecordingWriter writer = new RecordingWriter();

    try (UploadPipeline pipeline = new UploadPipeline(writer, threads, 1 << 20, 1 << 20, 100)) {
      for (int i = 0; i < 5; i++) {
        pipeline.add(Blob.of("same"));
      }
      pipeline.finish();
    }

    assertThat(writer.requests).containsExactly(List.of(Blob.of("same").blobRef()));
  }

  @Test
  void aChildNeverAddedHereCountsAsStored() {
    RecordingWriter writer = new RecordingWriter();

    try (UploadPipeline pipeline = new UploadPipeline(writer, threads, 1 << 20, 1 << 20, 100)) {
      pipeline.add(Blob.of("schema"), List.of(Blob.of("elsewhere").blobRef()));
      pipeline.finish();
    }

    assertThat(writer.stored).containsExactly(Blob.of("schema").blobRef());
  }

  @Test
  void theProducerBlocksOnceTheBoundIsHeldAndHeldBytesNeverExceedIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong inWriter = new AtomicLong();
    AtomicLong maxInWriter = new AtomicLong();
    UploadPipeline.BatchWriter slow =
        batch -> {
          long bytes = batch.stream().mapToLong(b -> b.size() + OVERHEAD).sum();
          maxInWriter.accumulateAndGet(inWriter.addAndGet(bytes), Math::max);
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inWriter.addAndGet(-bytes);
        };
    long bound = 10L * (1000 + OVERHEAD);
    AtomicInteger added = new AtomicInteger();
    UploadPipeline pipeline = new UploadPipeline(slow, threads, bound, 2 * (1000 + OVERHEAD), 100);
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
    while (producer.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    int acceptedWhileBlocked = added.get();
    release.countDown();
    producer.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(acceptedWhileBlocked).isEqualTo(10);
    assertThat(producer.isAlive()).isFalse();
    assertThat(added).hasValue(100);
    assertThat(maxInWriter.get()).isLessThanOrEqualTo(bound);
  }

  @Test
  void aFailedRequestIsThrownByFinishAndNothingWaitingForItIsSent() {
    RecordingWriter recorder = new RecordingWriter();
    Blob bad = Blob.of("bad");
    UploadPipeline.BatchWriter failing =
        batch -> {
          if (batch.contains(bad)) {
            throw new ServerException("did not store " + bad.blobRef(), 200, "corrupt");
          }
          recorder.write(batch);
        };

    UploadPipeline pipeline = new UploadPipeline(failing, threads, 1 << 20, 1, 100);
    pipeline.add(bad);
    assertThatThrownBy(
            () -> {
              // Depending on timing the failure surfaces here or in finish().
              pipeline.add(Blob.of("schema"), List.of(bad.blobRef()));
              pipeline.finish();
            })
        .isInstanceOf(ServerException.class)
        .hasMessageContaining(bad.blobRef().toString());
    assertThatThrownBy(() -> pipeline.add(Blob.of("later"))).isInstanceOf(ServerException.class);
    pipeline.close();

    assertThat(recorder.stored).doesNotContain(Blob.of("schema").blobRef());
  }

  @Test
  void closeDropsRequestsNotStartedAndWaitsForRunningOnes() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    ExecutorService single = Executors.newSingleThreadExecutor();
    UploadPipeline.BatchWriter slow =
        batch -> {
          started.incrementAndGet();
          running.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.incrementAndGet();
        };
    UploadPipeline pipeline = new UploadPipeline(slow, single, 1 << 20, 1, 100);
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
    assertThat(started).as("the second request never ran").hasValue(1);
    assertThat(finished).hasValue(1);
    assertThatThrownBy(() -> pipeline.add(Blob.of("three")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theSizingKeepsRequestsAtFourMegabytesAndTheBoundAtSixtyFourAtMost() {
    RecordingWriter writer = new RecordingWriter();
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      blobs.add(blobOf(1 << 20, i));
    }

    try (UploadPipeline pipeline = UploadPipeline.forParallelism(writer, threads, 4)) {
      blobs.forEach(pipeline::add);
      pipeline.finish();
    }

    // 1 MiB blobs plus framing: three fit under 4 MiB.
    assertThat(writer.requests).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(3));
    assertThat(writer.stored).hasSize(9);
  }

  private static Blob blobOf(int size, int seed) {
    byte[] data = new byte[size];
    data[0] = (byte) seed;
    if (size > 1) {
      data[1] = (byte) (seed >> 8);
    }
    return new Blob(data);
  }

  private static List<BlobRef> refs(List<Blob> blobs) {
    return blobs.stream().map(Blob::blobRef).toList();
  }
}
