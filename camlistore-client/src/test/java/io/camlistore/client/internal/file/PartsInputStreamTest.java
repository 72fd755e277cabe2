package io.camlistore.client.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import io.camlistore.client.internal.schema.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The read-ahead of file content: how far it runs ahead, and what closing waits for. */
@Timeout(30)
class PartsInputStreamTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Map<BlobRef, Blob> chunks = new ConcurrentHashMap<>();
  private final List<Part> parts = new ArrayList<>();
  private final AtomicInteger fetched = new AtomicInteger();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private void chunksOf(int count, int size) {
    for (int i = 0; i < count; i++) {
      byte[] data = new byte[size];
      data[0] = (byte) i;
      data[1] = (byte) (i >> 8);
      Blob blob = new Blob(data);
      chunks.put(blob.blobRef(), blob);
      parts.add(Part.blob(blob.blobRef(), size));
    }
  }

  private PartsInputStream open(Function<BlobRef, Blob> fetcher, int maxAhead, long maxBytes) {
    LeafCursor cursor =
        new LeafCursor(
            Blob.of("file").blobRef(),
            parts,
            LeafCursor.totalSize(Blob.of("file").blobRef(), parts),
            fetcher);
    return new PartsInputStream(cursor, fetcher, threads, maxAhead, maxBytes);
  }

  private Blob chunk(BlobRef ref) {
    return Objects.requireNonNull(chunks.get(ref), "chunk");
  }

  private Blob count(BlobRef ref) {
    fetched.incrementAndGet();
    return chunk(ref);
  }

  @Test
  void readAheadStopsAtItsCountAndNothingIsFetchedBeforeTheFirstRead() throws Exception {
    chunksOf(20, 1000);

    try (PartsInputStream in = open(this::count, 3, 1 << 20)) {
      Thread.sleep(50);
      assertThat(fetched).hasValue(0);
      assertThat(in.read()).isZero();
      Thread.sleep(100);
      // The chunk being read plus three ahead.
      assertThat(fetched.get()).isEqualTo(4);
    }
  }

  @Test
  void readAheadStopsAtItsByteBound() throws Exception {
    chunksOf(20, 1000);

    try (PartsInputStream in = open(this::count, 10, 2500)) {
      in.read();
      Thread.sleep(100);
      // One being read, then fetches until at least 2500 bytes are ahead.
      assertThat(fetched.get()).isEqualTo(4);
    }
  }

  @Test
  void closeWaitsForFetchesAlreadyRunning() throws Exception {
    chunksOf(5, 1000);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    BlobRef first = parts.get(0).ref();
    Function<BlobRef, Blob> slowAfterFirst =
        ref -> {
          fetched.incrementAndGet();
          if (!ref.equals(first)) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          finished.incrementAndGet();
          return chunk(ref);
        };
    PartsInputStream in = open(slowAfterFirst, 3, 1 << 20);
    in.read();
    while (fetched.get() < 2) {
      Thread.onSpinWait();
    }

    Thread closer = new Thread(in::close);
    closer.start();
    closer.join(200);
    assertThat(closer.isAlive()).as("close waits for running fetches").isTrue();
    release.countDown();
    closer.join(10_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(finished.get()).isEqualTo(fetched.get());
  }

  @Test
  void withoutReadAheadEachChunkIsFetchedOnTheReadersThread() throws IOException {
    chunksOf(3, 1000);
    List<String> threadNames = new ArrayList<>();
    Function<BlobRef, Blob> recording =
        ref -> {
          threadNames.add(Thread.currentThread().getName());
          return chunk(ref);
        };

    try (PartsInputStream in = open(recording, 1, 1 << 20)) {
      assertThat(in.readAllBytes()).hasSize(3000);
    }
    assertThat(threadNames).containsOnly(Thread.currentThread().getName()).hasSize(3);
  }
}
