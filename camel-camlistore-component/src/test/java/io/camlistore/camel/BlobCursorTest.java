package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.BlobMeta;
import io.camlistore.client.BlobPage;
import io.camlistore.client.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cursor's bookkeeping on the real first enumerate page (fixture 54): it advances only over a
 * contiguous run of completed blobs, never hands out a blob in progress or done twice, and hands a
 * failed one out again.
 */
class BlobCursorTest {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  private static List<BlobMeta> page = List.of();
  private final List<String> saved = new ArrayList<>();

  @BeforeAll
  static void listTheFirstPage() {
    PerkeepStubs.discovery(server);
    PerkeepStubs.enumerate(server, "", 5, "54-enumerate-limit-5.json");
    try (Connection conn = PerkeepStubs.connect(server)) {
      BlobPage first = conn.blobs().enumeratePage(null, 5);
      page = first.blobs();
    }
  }

  private String ref(int index) {
    return page.get(index).blobRef().toString();
  }

  @Test
  void advancesOnlyOverContiguousCompletedBlobs() {
    BlobCursor cursor = new BlobCursor(null, saved::add);
    assertThat(cursor.claim(page, false)).hasSize(5);

    cursor.completed(ref(1));
    assertThat(cursor.position()).isNull();
    cursor.completed(ref(0));
    assertThat(cursor.position()).isEqualTo(ref(1));
    cursor.completed(ref(3));
    cursor.completed(ref(4));
    assertThat(cursor.position()).isEqualTo(ref(1));
    cursor.completed(ref(2));

    assertThat(cursor.position()).isEqualTo(ref(4));
    assertThat(saved).containsExactly(ref(1), ref(4));
    assertThat(cursor.trackedCount()).isZero();
  }

  @Test
  void aPageListedAgainWhileBlobsAreInFlightHandsOutNothingTwice() {
    BlobCursor cursor = new BlobCursor(null, saved::add);
    cursor.claim(page, false);
    cursor.completed(ref(2));

    assertThat(cursor.claim(page, false)).isEmpty();
  }

  @Test
  void aFailedBlobHoldsThePositionAndIsHandedOutAgainAlone() {
    BlobCursor cursor = new BlobCursor(null, saved::add);
    cursor.claim(page, false);
    cursor.completed(ref(0));
    cursor.failed(ref(1));
    cursor.completed(ref(2));
    cursor.completed(ref(3));
    cursor.completed(ref(4));
    assertThat(cursor.position()).isEqualTo(ref(0));

    List<BlobMeta> again = cursor.claim(page.subList(1, 5), false);

    assertThat(again).extracting(meta -> meta.blobRef().toString()).containsExactly(ref(1));
    cursor.completed(ref(1));
    assertThat(cursor.position()).isEqualTo(ref(4));
  }

  @Test
  void aFailedBlobGoneFromTheServerNoLongerHoldsThePosition() {
    BlobCursor cursor = new BlobCursor(null, saved::add);
    cursor.claim(page, false);
    cursor.completed(ref(0));
    cursor.failed(ref(1));
    cursor.completed(ref(2));

    // Listed again without the failed blob: it was removed from the server.
    List<BlobMeta> relisted = new ArrayList<>(page);
    relisted.remove(1);
    cursor.claim(relisted, true);

    assertThat(cursor.position()).isEqualTo(ref(2));
  }

  @Test
  void blobsAtOrBeforeThePositionAreNeverHandedOut() {
    BlobCursor cursor = new BlobCursor(ref(2), saved::add);

    assertThat(cursor.claim(page, false))
        .extracting(meta -> meta.blobRef().toString())
        .containsExactly(ref(3), ref(4));
  }
}
