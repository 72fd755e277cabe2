package io.camlistore.testkit.contract;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits for the target's search index: a real server indexes what it stores asynchronously, so a
 * test must wait, with a bound, before it searches what it just wrote.
 */
final class SearchIndex {
  /** How long the target's index may take to catch up with what a test stored. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private SearchIndex() {}

  /** Waits until the index describes every one of the blobs (each is indexed once described). */
  static void awaitDescribed(ContractTarget target, List<String> refs) {
    await("the index of " + target + " describing " + refs.size() + " blobs")
        .atMost(WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> describesAll(target, refs));
  }

  private static boolean describesAll(ContractTarget target, List<String> refs) {
    JsonNode meta =
        ContractTarget.json(
                target
                    .send(
                        target
                            .searchRequest("describe")
                            .header("Content-Type", "application/json")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    Answers.compact(Map.of("blobrefs", refs)))))
                    .body())
            .path("meta");
    return refs.stream().allMatch(meta::has);
  }
}
