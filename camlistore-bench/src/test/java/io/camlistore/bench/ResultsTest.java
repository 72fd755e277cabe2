package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {
  @Test
  void tabulatesTheClientsMeasurements() {
    Results results = new Results();
    results.add(new Results.Row("putMulti 2000 x 4 KiB", "2000 blobs/s", 1.004, 10, 33.6));

    assertThat(results.markdown("http://127.0.0.1:3183/", 128))
        .isEqualTo(
            """
            Server: http://127.0.0.1:3183/, client heap limit: 128 MiB

            | scenario | throughput | time | HTTP requests | peak client heap |
            |---|---|---|---|---|
            | putMulti 2000 x 4 KiB | 2000 blobs/s | 1.00 s | 10 | 34 MiB |
            """);
  }

  @Test
  void theRatioIsTheClientsThroughputOverPkPuts() {
    Results.Comparison comparison =
        new Results.Comparison("putFile 200 MiB vs pk-put file", 200, "MiB", 2.0, 6.4);

    assertThat(comparison.ratio()).isEqualTo(3.2);
    assertThat(comparison.markdown())
        .isEqualTo(
            "| putFile 200 MiB vs pk-put file | 2.00 s, 100.0 MiB/s | 6.40 s, 31.3 MiB/s | 3.20 |");
  }

  @Test
  void aSlowerClientHasARatioBelowOne() {
    assertThat(new Results.Comparison("ingest", 2000, "files", 20.0, 7.4).ratio()).isEqualTo(0.37);
  }

  @Test
  void comparisonsFollowTheClientsTable() {
    Results results = new Results();
    results.add(new Results.Row("ingest", "100 files/s", 20.0, 14000, 30));
    results.add(new Results.Comparison("ingest vs pk-put file -filenodes", 2000, "files", 20, 8));

    assertThat(results.markdown("a server", 128))
        .endsWith(
            """
            | ingest | 100 files/s | 20.00 s | 14000 | 30 MiB |

            This client against pk-put, each on its own fresh data of the same shape \
            (ratio: this client's throughput / pk-put's):

            | work | this client | pk-put | ratio |
            |---|---|---|---|
            | ingest vs pk-put file -filenodes | 20.00 s, 100.0 files/s \
            | 8.00 s, 250.0 files/s | 0.40 |
            """);
  }
}
