package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query consumer's saved state: one line of JSON that reads back as it was written. */
class QueryStateTest {
  private static final BlobRef PERMANODE =
      BlobRef.parse("sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265");
  private static final BlobRef TREE =
      BlobRef.parse("sha224-c724b97139b9153fb1e5af5663479181cb2440760c4a14aada5ba16a");

  @Test
  void aStateReadsBackAsItWasWrittenOnOneLine() {
    QueryState state =
        new QueryState(
            1_795_599_000_000_000_000L,
            1_795_599_023_874_987_106L,
            "pn:1795599023874987106:" + TREE,
            List.of(new QueryScan.Change(1_795_599_023_874_987_106L, TREE)),
            List.of(PERMANODE));

    String text = state.encode();

    assertThat(text).doesNotContain("\n").startsWith("{\"version\":1,");
    assertThat(QueryState.decode(text, "test")).isEqualTo(state);
  }

  @Test
  void nothingSavedIsTheEmptyState() {
    assertThat(QueryState.decode(null, "test")).isEqualTo(QueryState.EMPTY);
    assertThat(QueryState.decode(QueryState.EMPTY.encode(), "test")).isEqualTo(QueryState.EMPTY);
  }

  @Test
  void somethingElseIsRefusedNamingWhereItCameFrom() {
    assertThatThrownBy(() -> QueryState.decode("sha224-00", "key k in repo"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key k in repo holds no query consumer state");
    assertThatThrownBy(() -> QueryState.decode("{\"version\":2}", "key k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no query consumer state of version 1");
    assertThatThrownBy(
            () ->
                QueryState.decode(
                    "{\"version\":1,\"delivered\":[{\"ref\":\"nope\",\"mod\":1}]}", "key k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("malformed blob ref");
    assertThatThrownBy(() -> QueryState.decode("{\"version\":1,\"floor\":\"x\"}", "key k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("malformed 'floor'");
  }
}
