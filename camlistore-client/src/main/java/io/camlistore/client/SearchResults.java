package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results: the matched blobs in the query's sort order, the token to fetch the
 * next page when the limit cut the results, and every description the server sent with them.
 * Immutable.
 */
public final class SearchResults {
  private final List<SearchResult> results;
  private final @Nullable String continueToken;
  private final Map<BlobRef, BlobDescription> descriptions;

  SearchResults(
      List<SearchResult> results,
      @Nullable String continueToken,
      Map<BlobRef, BlobDescription> descriptions) {
    this.results = List.copyOf(results);
    this.continueToken = continueToken;
    this.descriptions = descriptions;
  }

  /** {@return the matched blobs of this page, in order; empty when nothing matched} */
  public List<SearchResult> results() {
    return results;
  }

  /**
   * {@return the token that continues the same query after this page (pass it to {@link
   * SearchQuery.Builder#continueToken(String)}); null when this is the last page}
   */
  public @Nullable String continueToken() {
    return continueToken;
  }

  /**
   * {@return every blob the server described with this page, results and related blobs alike; empty
   * when the query asked for no descriptions}
   */
  public Map<BlobRef, BlobDescription> descriptions() {
    return descriptions;
  }

  /** {@return the number of results and whether more pages follow} */
  @Override
  public String toString() {
    return "SearchResults{"
        + results.size()
        + " results"
        + (continueToken == null ? "" : ", continue=" + continueToken)
        + "}";
  }
}
