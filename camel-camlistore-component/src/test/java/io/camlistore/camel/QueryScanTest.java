package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query consumer's scans against the embedded server's search (sorted by modification time,
 * newest first, with continue tokens; two results a page): what each call hands out, what a later
 * scan hands out again, and what a saved state resumes.
 */
@CamlistoreServer(signing = true)
class QueryScanTest {
  private static final long LOOKBACK = 60_000_000_000L;

  private final AtomicInteger searches = new AtomicInteger();
  private Connection connection;
  private String tag;

  @BeforeEach
  void connect(EmbeddedCamlistoreServer server) {
    connection = Camlistore.connect(server.url());
    tag = "scan-" + UUID.randomUUID();
  }

  @AfterEach
  void close() {
    connection.close();
  }

  /** {@return new permanodes with the tag, oldest first} */
  private List<BlobRef> tagged(int count) {
    List<BlobRef> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(connection.permanodes().create(Map.of("tag", tag, "title", "item " + i)));
    }
    return refs;
  }

  private List<QueryScan.Claim> next(QueryScan scan, int max) {
    return scan.next(
        max,
        token -> {
          searches.incrementAndGet();
          return connection
              .searcher()
              .query(CamlistoreQueryConsumer.scanPage("tag:" + tag, token, 2));
        },
        () -> true);
  }

  private static List<BlobRef> refs(List<QueryScan.Claim> claims) {
    return claims.stream().map(claim -> claim.change().ref()).toList();
  }

  private static void completeAll(QueryScan scan, List<QueryScan.Claim> claims) {
    claims.forEach(scan::completed);
  }

  /** Runs scans to their end, completing every claim; {@return what was handed out} */
  private List<QueryScan.Claim> scanToTheEnd(QueryScan scan) {
    long scans = scan.completedScans();
    List<QueryScan.Claim> all = new ArrayList<>();
    while (scan.completedScans() == scans) {
      List<QueryScan.Claim> claims = next(scan, 10);
      completeAll(scan, claims);
      all.addAll(claims);
    }
    return all;
  }

  @Test
  void theFirstScanHandsOutEveryMatchNewestFirstAcrossPages() {
    List<BlobRef> made = tagged(5);
    connection.permanodes().create(Map.of("tag", "other-" + tag));
    QueryScan scan = new QueryScan(QueryState.EMPTY, LOOKBACK);

    List<QueryScan.Claim> first = next(scan, 10);
    // Two unsettled pages: the scan waits for them before reading further.
    assertThat(refs(first)).containsExactly(made.get(4), made.get(3), made.get(2), made.get(1));
    assertThat(searches).hasValue(2);
    assertThat(first.get(0).description().attribute("title")).isEqualTo("item 4");
    completeAll(scan, first);
    List<QueryScan.Claim> rest = next(scan, 10);
    assertThat(refs(rest)).containsExactly(made.get(0));
    assertThat(scan.completedScans()).isZero();
    completeAll(scan, rest);

    assertThat(scan.completedScans()).isOne();
  }

  @Test
  void aLaterScanHandsOutOnlyWhatChangedAndWhatAppeared() {
    List<BlobRef> made = tagged(3);
    QueryScan scan = new QueryScan(QueryState.EMPTY, LOOKBACK);
    assertThat(scanToTheEnd(scan)).hasSize(3);
    assertThat(scanToTheEnd(scan)).isEmpty();

    connection.permanodes().addAttribute(made.get(1), "note", "changed");
    BlobRef added = tagged(1).get(0);
    List<QueryScan.Claim> again = scanToTheEnd(scan);

    assertThat(refs(again)).containsExactly(added, made.get(1));
    assertThat(again.get(1).description().attribute("note")).isEqualTo("changed");
    assertThat(scanToTheEnd(scan)).isEmpty();
  }

  @Test
  void aScanStopsAtTheFloorInsteadOfReadingEveryMatch() {
    tagged(6);
    QueryScan scan = new QueryScan(QueryState.EMPTY, 0);
    scanToTheEnd(scan);
    searches.set(0);

    assertThat(scanToTheEnd(scan)).isEmpty();
    // The first page already reaches below the newest time the last scan saw.
    assertThat(searches).hasValue(1);
    assertThat(scan.rememberedCount()).isOne();
  }

  @Test
  void aFailedChangeIsHandedOutAgainByTheNextPollAsThePermanodeIsThen() {
    List<BlobRef> made = tagged(2);
    QueryScan scan = new QueryScan(QueryState.EMPTY, LOOKBACK);
    List<QueryScan.Claim> claims = next(scan, 10);
    scan.failed(claims.get(0));
    scan.completed(claims.get(1));
    assertThat(scan.dueRetries(10)).containsExactly(made.get(1));

    connection.permanodes().addAttribute(made.get(1), "note", "fixed");
    QueryScan.Claim retry =
        Objects.requireNonNull(scan.retry(connection.searcher().describeBlob(made.get(1))));
    assertThat(retry.description().attribute("note")).isEqualTo("fixed");
    assertThat(scan.dueRetries(10)).isEmpty();
    scan.completed(retry);

    assertThat(Objects.requireNonNull(scan.unsavedState()).retries()).isEmpty();
    // The next scan finds the change the retry delivered, and skips it.
    assertThat(scanToTheEnd(scan)).isEmpty();
  }

  @Test
  void aSavedStateResumesAtTheFirstUnsettledPageWithoutDeliveringAgain() {
    List<BlobRef> made = tagged(4);
    QueryScan scan = new QueryScan(QueryState.EMPTY, LOOKBACK);
    List<QueryScan.Claim> first = next(scan, 3);
    assertThat(refs(first)).containsExactly(made.get(3), made.get(2), made.get(1));
    completeAll(scan, first);
    QueryState saved = Objects.requireNonNull(scan.unsavedState());
    scan.saved(saved);
    assertThat(scan.unsavedState()).isNull();

    QueryScan resumed =
        new QueryScan(QueryState.decode(saved.encode(), "the saved state"), LOOKBACK);
    List<QueryScan.Claim> rest = new ArrayList<>();
    while (resumed.completedScans() == 0) {
      List<QueryScan.Claim> claims = next(resumed, 10);
      completeAll(resumed, claims);
      rest.addAll(claims);
    }

    assertThat(refs(rest)).containsExactly(made.get(0));
  }

  @Test
  void aReleasedChangeIsHandedOutAgain() {
    List<BlobRef> made = tagged(2);
    QueryScan scan = new QueryScan(QueryState.EMPTY, LOOKBACK);
    List<QueryScan.Claim> claims = next(scan, 2);
    scan.released(claims.get(1));
    scan.completed(claims.get(0));

    assertThat(refs(next(scan, 2))).containsExactly(made.get(0));
  }
}
