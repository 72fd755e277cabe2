package io.camlistore.camel;

import io.camlistore.client.BlobDescription;
import io.camlistore.client.ClaimMeta;
import io.camlistore.client.DescribeOptions;
import io.camlistore.client.SearchClient;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResults;
import io.camlistore.protocol.BlobRef;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The search index operations: describe, query and claims. Each reads its input from the exchange
 * and returns the body and headers to set; none touches the message itself.
 */
final class SearchOperations {
  /** The query body types, for error messages. */
  static final String QUERY_BODIES =
      "an expression String (such as tag:alpha) or an io.camlistore.client.SearchQuery";

  private final Supplier<SearchClient> searcher;
  private final CamlistoreConfigurationOptionsProxy options;

  /**
   * Creates the operations.
   *
   * @param searcher supplies the search client, connecting on first use
   * @param options resolves per-message options
   */
  SearchOperations(Supplier<SearchClient> searcher, CamlistoreConfigurationOptionsProxy options) {
    this.searcher = searcher;
    this.options = options;
  }

  /**
   * Describes the blob named by the ref header or body: a {@link BlobDescription} body, and its
   * schema type in {@link CamlistoreConstants#CAMLI_TYPE}.
   *
   * @throws io.camlistore.client.NotFoundException if the index does not know the blob
   */
  CamlistoreOperationResult describe(Exchange exchange) {
    BlobRef ref = BlobRefs.single(exchange, CamlistoreOperation.describe);
    BlobDescription description = searcher.get().describeBlob(ref);
    return CamlistoreOperationResult.create(
        description, CamlistoreOperationResult.newHeaders().camliType(description.type()));
  }

  /**
   * Runs the body's query and answers one page of results ({@code List<SearchResult>}), with the
   * token of the next page in {@link CamlistoreConstants#CONTINUE_TOKEN} (removed on the last
   * page). An expression body is described with the server's defaults, so its results carry their
   * descriptions; a {@link SearchQuery} body is sent as it is, with the limit and token headers
   * applied.
   *
   * @throws IllegalArgumentException if the body is neither, or a header is malformed
   * @throws io.camlistore.client.ServerException if the server rejects the query
   */
  CamlistoreOperationResult query(Exchange exchange) {
    SearchQuery.Builder query = queryOf(exchange.getMessage().getBody());
    Integer limit = options.queryLimit(exchange);
    if (limit != null) {
      query.limit(limit);
    }
    String token = options.continueToken(exchange);
    if (token != null) {
      query.continueToken(token);
    }
    SearchResults page = searcher.get().query(build(query));
    return CamlistoreOperationResult.create(
        page.results(), CamlistoreOperationResult.newHeaders().continueToken(page.continueToken()));
  }

  private static SearchQuery.Builder queryOf(@Nullable Object body) {
    if (body instanceof SearchQuery query) {
      return query.toBuilder();
    }
    if (body instanceof CharSequence text && !text.toString().isBlank()) {
      return SearchQuery.builder()
          .expression(text.toString().trim())
          .describe(DescribeOptions.defaults());
    }
    throw new IllegalArgumentException(
        "query needs the query as the body: "
            + QUERY_BODIES
            + "; the body is "
            + (body == null
                ? "empty"
                : body instanceof CharSequence ? "blank" : "a " + body.getClass().getName()));
  }

  private static SearchQuery build(SearchQuery.Builder query) {
    try {
      return query.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("query: " + e.getMessage(), e);
    }
  }

  /**
   * Lists the claims on the permanode named by the ref header or body, oldest first ({@code
   * List<ClaimMeta>}; empty for an unknown permanode), only those on the {@link
   * CamlistoreConstants#ATTRIBUTE} attribute when that header is set.
   */
  CamlistoreOperationResult claims(Exchange exchange) {
    BlobRef permanode = BlobRefs.single(exchange, CamlistoreOperation.claims);
    String attribute = AttributeInputs.optionalName(exchange, CamlistoreOperation.claims);
    SearchClient search = searcher.get();
    List<ClaimMeta> claims =
        attribute == null
            ? search.getClaimsForPermanode(permanode)
            : search.getClaimsForPermanode(permanode, attribute);
    return CamlistoreOperationResult.create(claims, CamlistoreOperationResult.newHeaders());
  }
}
