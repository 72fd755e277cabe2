package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The enumerate consumer's scenarios against the embedded server, plus what only it can show: the
 * requests a sweep makes, a blob removed between listing and fetching, and a state file of the
 * former cursor format.
 */
class EnumerateConsumerTest extends EnumerateConsumerScenarios {
  @CamlistoreServer(removeEnabled = true)
  static EmbeddedCamlistoreServer server;

  @Override
  Connection openConnection() {
    return Camlistore.connect(server.url());
  }

  @Test
  void aSweepListsTheServersLargestPagesWhateverTheBatchSize() throws Exception {
    store("pages", 3);
    server.clearRequests();
    try (ConsumerRun run = start("maxMessagesPerPoll=2")) {
      run.awaitRounds(1);
    }

    List<RecordedRequest> listings =
        server.requests().stream()
            .filter(request -> request.path().endsWith("/camli/enumerate-blobs"))
            .toList();
    assertThat(listings).isNotEmpty();
    assertThat(listings).allSatisfy(r -> assertThat(r.query()).contains("limit=10000"));
  }

  @Test
  void aBlobRemovedBetweenListingAndFetchingIsSkipped() throws Exception {
    List<String> own = store("removed", 3);
    server.faults().removeBlobWhenEnumerated(BlobRef.parse(own.get(1)));
    try (ConsumerRun run =
        ConsumerRun.start(
            connection(),
            "camlistore:enumerate?initialDelay=0&delay=20",
            exchange -> {},
            Map.of())) {
      run.awaitDelivered(List.of(own.get(0), own.get(2)));
      run.awaitRounds(2);

      assertThat(run.countsOf(own))
          .containsEntry(own.get(0), 1L)
          .containsEntry(own.get(1), 0L)
          .containsEntry(own.get(2), 1L);
    } finally {
      server.faults().clear();
    }
  }

  @Test
  void aStateFileOfTheFormerCursorFormatIsReadAsEveryBlobUpToItDelivered() throws Exception {
    List<String> own = store("migrated", 6);
    Path cursor = dir.resolve("walk.cursor");
    Files.writeString(cursor, own.get(2) + "\n", StandardCharsets.UTF_8);

    // The former option name still works, with the former file.
    try (ConsumerRun run = start("cursorFile=" + cursor)) {
      run.awaitDelivered(own.subList(3, 6));
      run.awaitRounds(2);

      assertThat(run.countsOf(own)).containsEntry(own.get(0), 0L).containsEntry(own.get(2), 0L);
      assertThat(run.countsOf(own.subList(3, 6)))
          .allSatisfy((ref, count) -> assertThat(count).isOne());
    }
    List<String> lines = Files.readAllLines(cursor, StandardCharsets.US_ASCII);
    assertThat(lines.get(0)).isEqualTo(DeliveredRefsFile.HEADER);
    assertThat(lines).containsAll(own);
  }
}
