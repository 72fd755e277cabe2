package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobMeta;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweeps' bookkeeping against the embedded server's real enumerate pages, three refs a page:
 * what each call hands out, when a sweep completes, and what the state file holds.
 */
class BlobSweepTest {
  private static final int PAGE = 3;

  @CamlistoreServer static EmbeddedCamlistoreServer server;

  @TempDir Path dir;

  private Connection connection;
  private final AtomicInteger listings = new AtomicInteger();

  @BeforeEach
  void connect() {
    server.reset();
    connection = Camlistore.connect(server.url());
  }

  @AfterEach
  void close() {
    connection.close();
  }

  private List<BlobRef> store(String prefix, int count) {
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      blobs.add(Blob.of((prefix + " " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return connection.blobs().putMulti(blobs).stream().sorted().toList();
  }

  private BlobSweep sweep(DeliveredRefs delivered) {
    return new BlobSweep(delivered, null, PAGE);
  }

  private List<BlobMeta> next(BlobSweep sweep, int max) {
    return sweep.next(
        max,
        (after, limit) -> {
          listings.incrementAndGet();
          return connection.blobs().enumeratePage(after, limit);
        },
        () -> true);
  }

  private static List<String> refs(List<BlobMeta> metas) {
    return metas.stream().map(meta -> meta.blobRef().toString()).toList();
  }

  private static List<String> strings(List<BlobRef> refs) {
    return refs.stream().map(BlobRef::toString).toList();
  }

  private void completeAll(BlobSweep sweep, List<BlobMeta> handedOut) {
    handedOut.forEach(meta -> sweep.completed(meta.blobRef().toString()));
  }

  @Test
  void aSweepHandsOutEveryBlobInOrderAcrossPagesAndCompletesAfterTheLast() {
    List<BlobRef> stored = store("first", 6);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = sweep(file);

      List<BlobMeta> first = next(sweep, 5);
      // A page holds three, so the call listed two pages to find five.
      assertThat(refs(first)).isEqualTo(strings(stored.subList(0, 5)));
      assertThat(listings).hasValue(2);
      completeAll(sweep, first);
      List<BlobMeta> second = next(sweep, 5);
      // The last page was full, so one more, empty, request found the end.
      assertThat(refs(second)).isEqualTo(strings(stored.subList(5, 6)));
      assertThat(listings).hasValue(3);
      assertThat(sweep.completedSweeps()).isZero();

      completeAll(sweep, second);
      assertThat(sweep.completedSweeps()).isOne();
      assertThat(sweep.trackedCount()).isZero();
    }
  }

  @Test
  void theNextSweepDeliversOnlyBlobsStoredSinceWhereverTheirRefsSort() {
    List<BlobRef> old = store("old", 6);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = sweep(file);
      List<BlobMeta> handed = new ArrayList<>();
      while (sweep.completedSweeps() == 0) {
        List<BlobMeta> batch = next(sweep, 100);
        completeAll(sweep, batch);
        handed.addAll(batch);
      }
      assertThat(refs(handed)).isEqualTo(strings(old));

      List<BlobRef> fresh = store("fresh", 5);
      List<BlobMeta> again = new ArrayList<>();
      while (sweep.completedSweeps() == 1) {
        List<BlobMeta> batch = next(sweep, 100);
        completeAll(sweep, batch);
        again.addAll(batch);
      }
      assertThat(refs(again)).isEqualTo(strings(fresh));
      assertThat(fresh.get(0).toString()).isLessThan(old.get(old.size() - 1).toString());
    }
  }

  @Test
  void aFailedBlobDoesNotHoldTheOthersBackAndTheNextSweepDeliversItAgain() {
    List<BlobRef> stored = store("fail", 4);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = sweep(file);
      List<BlobMeta> first = next(sweep, 2);
      sweep.skipped(first.get(0).blobRef().toString());
      sweep.completed(first.get(1).blobRef().toString());
      List<BlobMeta> rest = next(sweep, 10);
      assertThat(refs(rest)).isEqualTo(strings(stored.subList(2, 4)));
      completeAll(sweep, rest);
      assertThat(sweep.completedSweeps()).isOne();

      List<BlobMeta> retried = next(sweep, 10);
      assertThat(refs(retried)).containsExactly(stored.get(0).toString());
    }
  }

  @Test
  void aBlobInFlightIsNotHandedOutAgainAndHoldsTheSweepOpen() {
    store("flight", 2);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = sweep(file);
      List<BlobMeta> first = next(sweep, 1);
      List<BlobMeta> second = next(sweep, 1);
      sweep.completed(second.get(0).blobRef().toString());

      // Listed to the end, but the first is still in flight: no new sweep, nothing handed out.
      assertThat(next(sweep, 10)).isEmpty();
      assertThat(next(sweep, 10)).isEmpty();
      assertThat(sweep.completedSweeps()).isZero();
      assertThat(sweep.trackedCount()).isEqualTo(2);

      sweep.completed(first.get(0).blobRef().toString());
      assertThat(sweep.completedSweeps()).isOne();
    }
  }

  @Test
  void listingStopsWhileAPageOfBlobsWaitsBehindOneInFlight() {
    store("bound", 9);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = sweep(file);
      List<BlobMeta> first = next(sweep, 1);
      completeAll(sweep, next(sweep, 2));
      int listed = listings.get();

      // Three wait behind the first: the page size, so the sweep lists no further.
      assertThat(next(sweep, 10)).isEmpty();
      assertThat(listings).hasValue(listed);
      assertThat(sweep.trackedCount()).isEqualTo(PAGE);

      completeAll(sweep, first);
      assertThat(next(sweep, 10)).hasSize(6);
    }
  }

  @Test
  void aReleasedBlobIsHandedOutAgain() {
    List<BlobRef> stored = store("release", 2);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = sweep(file);
      List<BlobMeta> handed = next(sweep, 2);
      sweep.released(handed.get(1));
      sweep.completed(handed.get(0).blobRef().toString());

      assertThat(refs(next(sweep, 2))).containsExactly(stored.get(1).toString());
    }
  }

  @Test
  void aNewSweepObjectOnTheSameFileResumesWhereTheFlushedOneStopped() {
    List<BlobRef> stored = store("resume", 5);
    Path state = dir.resolve("state");
    try (DeliveredRefsFile file = DeliveredRefsFile.open(state)) {
      BlobSweep sweep = sweep(file);
      completeAll(sweep, next(sweep, 2));
      sweep.flush();
    }
    listings.set(0);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(state)) {
      BlobSweep sweep = sweep(file);
      assertThat(refs(next(sweep, 10))).isEqualTo(strings(stored.subList(2, 5)));
    }
  }

  @Test
  void startAfterLeavesOutTheRefsSortingBeforeIt() {
    List<BlobRef> stored = store("after", 4);
    try (DeliveredRefsFile file = DeliveredRefsFile.open(dir.resolve("state"))) {
      BlobSweep sweep = new BlobSweep(file, stored.get(1).toString(), PAGE);
      assertThat(refs(next(sweep, 10))).isEqualTo(strings(stored.subList(2, 4)));
    }
  }
}
