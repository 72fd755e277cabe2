package io.camlistore.client.internal.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.HashMismatchException;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The read-ahead of file content: how far it runs ahead, and what closing waits for. */
@Timeout(30)
class PartsInputStreamTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
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
      Blob blob = Blob.of(data);
      chunks.put(blob.blobRef(), blob);
      parts.add(Part.blob(blob.blobRef(), size));
    }
  }

  private PartsInputStream open(Function<BlobRef, Blob> fetcher, int maxAhead, long maxBytes) {
    return open(fetcher, maxAhead, maxBytes, threads);
  }

  private PartsInputStream open(
      Function<BlobRef, Blob> fetcher, int maxAhead, long maxBytes, Executor executor) {
    BlobRef file = Blob.of("file").blobRef();
    LeafCursor cursor =
        new LeafCursor(
            file,
            parts,
            LeafCursor.totalSize(file, parts),
            fetcher,
            executor,
            maxAhead > 1 ? ContentReader.SCHEMAS_AHEAD : 0);
    return new PartsInputStream(cursor, fetcher, executor, maxAhead, maxBytes);
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
    List<Runnable> queued = new ArrayList<>();

    try (PartsInputStream in = open(this::count, 3, 1 << 20, queued::add)) {
      assertThat(queued).isEmpty();
      assertThat(fetched).hasValue(0);
      assertThat(in.read()).isZero();
      queued.forEach(Runnable::run);
      // The chunk being read plus three ahead.
      assertThat(fetched).hasValue(4);
    }
  }

  @Test
  void readAheadStopsAtItsByteBound() throws Exception {
    chunksOf(20, 1000);
    List<Runnable> queued = new ArrayList<>();

    try (PartsInputStream in = open(this::count, 10, 2500, queued::add)) {
      in.read();
      queued.forEach(Runnable::run);
      // One being read, then fetches until at least 2500 bytes are ahead.
      assertThat(fetched).hasValue(4);
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

  @Test
  void readAheadFetchesSeveralChunksAtOnceButNeverMoreThanItsCount() throws IOException {
    chunksOf(30, 1000);
    int bound = 4;
    // The first fetches wait until `bound` of them run together: without that much parallelism
    // the read never gets past them (and the test times out).
    CountDownLatch together = new CountDownLatch(bound);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    Function<BlobRef, Blob> gated =
        ref -> {
          mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            together.countDown();
            together.await();
            return chunk(ref);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          } finally {
            running.decrementAndGet();
          }
        };

    try (PartsInputStream in = open(gated, bound, 1 << 20)) {
      assertThat(in.readAllBytes()).isEqualTo(expectedContent());
    }
    assertThat(mostRunning).hasValue(bound);
  }

  @Test
  void chunksThatArriveOutOfOrderAreStillReadInOrder() throws IOException {
    chunksOf(4, 1000);
    // Each chunk's fetch ends only after the next chunk's fetch ended: they complete last first.
    List<CountDownLatch> fetchedChunk = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fetchedChunk.add(new CountDownLatch(1));
    }
    Function<BlobRef, Blob> lastFirst =
        ref -> {
          int index = indexOf(ref);
          try {
            if (index + 1 < fetchedChunk.size()) {
              fetchedChunk.get(index + 1).await();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          fetchedChunk.get(index).countDown();
          return chunk(ref);
        };

    try (PartsInputStream in = open(lastFirst, 4, 1 << 20)) {
      assertThat(in.readAllBytes()).isEqualTo(expectedContent());
    }
  }

  @Test
  void aFailedFetchReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
    chunksOf(6, 1000);
    BlobRef broken = parts.get(3).ref();
    Function<BlobRef, Blob> failing =
        ref -> {
          if (ref.equals(broken)) {
            throw new HashMismatchException(broken, Blob.of("other").blobRef());
          }
          return chunk(ref);
        };

    try (PartsInputStream in = open(failing, 4, 1 << 20)) {
      assertThat(in.readNBytes(3000)).isEqualTo(Arrays.copyOf(expectedContent(), 3000));
      assertThatThrownBy(in::read)
          .isInstanceOfSatisfying(
              HashMismatchException.class, e -> assertThat(e.expected()).isEqualTo(broken));
    }
  }

  @Test
  void skippingOverReadAheadChunksDropsThemAndFetchesOnlyWhatIsRead() throws IOException {
    chunksOf(10, 1000);
    Map<BlobRef, AtomicInteger> fetches = new ConcurrentHashMap<>();
    Function<BlobRef, Blob> counting =
        ref -> {
          fetches.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
          return chunk(ref);
        };

    try (PartsInputStream in = open(counting, 2, 1 << 20)) {
      assertThat(in.read()).isZero();
      assertThat(in.skip(6999)).isEqualTo(6999);
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(expectedContent(), 7000, 10_000));
    }
    // Chunks 0-2 were fetched or fetching before the skip; 3-6 lie wholly inside it.
    for (int i = 3; i < 7; i++) {
      assertThat(fetches.get(parts.get(i).ref())).as("chunk %d", i).isNull();
    }
    assertThat(fetches.values()).allSatisfy(count -> assertThat(count).hasValue(1));
  }

  @Test
  void aBytesSchemaAheadIsFetchedOnceWhileTheChunkBeforeItIsStillArriving() throws IOException {
    chunksOf(3, 1000);
    Part first = parts.get(0);
    Blob bytes = SchemaBlobs.of(FileSchema.bytes(parts.subList(1, 3)), "sha224");
    chunks.put(bytes.blobRef(), bytes);
    parts.subList(1, 3).clear();
    parts.add(Part.bytes(bytes.blobRef(), 2000));
    CountDownLatch bytesFetchStarted = new CountDownLatch(1);
    AtomicInteger bytesFetches = new AtomicInteger();
    Function<BlobRef, Blob> recording =
        ref -> {
          try {
            if (ref.equals(bytes.blobRef())) {
              bytesFetches.incrementAndGet();
              bytesFetchStarted.countDown();
            } else if (ref.equals(first.ref()) && !bytesFetchStarted.await(10, TimeUnit.SECONDS)) {
              // Without read-ahead the bytes blob would be asked for only after this chunk.
              throw new IllegalStateException("the bytes blob was not fetched ahead");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return chunk(ref);
        };

    try (PartsInputStream in = open(recording, 4, 1 << 20)) {
      assertThat(in.readAllBytes()).isEqualTo(expectedContent(first, bytes));
    }
    // Which thread fetched it is up to timing: the reader takes over a fetch no thread started.
    assertThat(bytesFetches).hasValue(1);
  }

  private int indexOf(BlobRef ref) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).ref().equals(ref)) {
        return i;
      }
    }
    throw new AssertionError(ref + " is no part");
  }

  private byte[] expectedContent() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Part part : parts) {
      all.writeBytes(chunk(part.ref()).data());
    }
    return all.toByteArray();
  }

  /** The content of a chunk followed by the chunks a bytes blob lists. */
  private byte[] expectedContent(Part chunk, Blob bytes) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(chunk(chunk.ref()).data());
    for (Part part : SchemaNode.parse(bytes).parts()) {
      all.writeBytes(chunk(part.ref()).data());
    }
    return all.toByteArray();
  }
}
