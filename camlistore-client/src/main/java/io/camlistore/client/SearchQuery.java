package io.camlistore.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.client.internal.Json;
import io.camlistore.protocol.search.SearchSort;
import org.jspecify.annotations.Nullable;

/**
 * A search for {@link SearchClient#query(SearchQuery)}: either a {@link Constraint} or a textual
 * expression (such as {@code tag:alpha} or {@code is:image}), plus the page size, sort order,
 * continue token and an optional inline describe of the results. Immutable; checked when built.
 *
 * <pre>{@code
 * SearchQuery query = SearchQuery.builder()
 *     .constraint(Constraint.camliType("permanode"))
 *     .limit(50)
 *     .sort(SearchQuery.Sort.CREATED_DESC)
 *     .describe(DescribeOptions.defaults())
 *     .build();
 * }</pre>
 */
public final class SearchQuery {
  /** Result orders the server offers; their wire names are the protocol's {@link SearchSort}. */
  public enum Sort {
    /** No particular order (fastest). */
    UNSORTED(SearchSort.UNSORTED),
    /** Most recently modified permanodes first. */
    LAST_MODIFIED_DESC(SearchSort.LAST_MODIFIED_DESC),
    /** Least recently modified permanodes first. */
    LAST_MODIFIED_ASC(SearchSort.LAST_MODIFIED_ASC),
    /** Newest first; the server's default when the constraint only matches permanodes. */
    CREATED_DESC(SearchSort.CREATED_DESC),
    /** Oldest first. */
    CREATED_ASC(SearchSort.CREATED_ASC),
    /** By blobref. */
    BLOBREF(SearchSort.BLOBREF),
    /** Spread over a map (for located permanodes); no continue tokens. */
    MAP(SearchSort.MAP);

    private final SearchSort wire;

    Sort(SearchSort wire) {
      this.wire = wire;
    }

    /** {@return the name the server uses, e.g. {@code -created}} */
    public String wireName() {
      return wire.wireName();
    }
  }

  private final @Nullable Constraint constraint;
  private final @Nullable String expression;
  private final int limit;
  private final @Nullable Sort sort;
  private final @Nullable String continueToken;
  private final @Nullable DescribeOptions describe;

  private SearchQuery(Builder builder) {
    this.constraint = builder.constraint;
    this.expression = builder.expression;
    this.limit = builder.limit;
    this.sort = builder.sort;
    this.continueToken = builder.continueToken;
    this.describe = builder.describe;
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a query for a constraint with the server's defaults (200 results, its default order)}
   *
   * @param constraint what to match
   */
  public static SearchQuery of(Constraint constraint) {
    return builder().constraint(constraint).build();
  }

  /**
   * {@return a query for a textual expression with the server's defaults}
   *
   * @param expression e.g. {@code tag:alpha}
   * @throws IllegalArgumentException if the expression is blank
   */
  public static SearchQuery ofExpression(String expression) {
    return builder().expression(expression).build();
  }

  /** {@return a builder holding this query} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.constraint = constraint;
    builder.expression = expression;
    builder.limit = limit;
    builder.sort = sort;
    builder.continueToken = continueToken;
    builder.describe = describe;
    return builder;
  }

  /** {@return the constraint, or null for an expression query} */
  public @Nullable Constraint constraint() {
    return constraint;
  }

  /** {@return the expression, or null for a constraint query} */
  public @Nullable String expression() {
    return expression;
  }

  /** {@return the page size: positive, -1 for no limit, 0 for the server's default (200)} */
  public int limit() {
    return limit;
  }

  /** {@return the order, or null for the server's default} */
  public @Nullable Sort sort() {
    return sort;
  }

  /** {@return the token of the page to continue after, or null for the first page} */
  public @Nullable String continueToken() {
    return continueToken;
  }

  /** {@return how to describe the results, or null to not describe them} */
  public @Nullable DescribeOptions describe() {
    return describe;
  }

  /** Returns the request body the server expects. */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    if (constraint != null) {
      json.set("constraint", constraint.toJson());
    }
    if (expression != null) {
      json.put("expression", expression);
    }
    if (limit != 0) {
      json.put("limit", limit);
    }
    if (sort != null) {
      json.put("sort", sort.wireName());
    }
    if (continueToken != null) {
      json.put("continue", continueToken);
    }
    if (describe != null) {
      json.set("describe", describe.toJson());
    }
    return json;
  }

  /** {@return the query as the server's JSON} */
  @Override
  public String toString() {
    return toJson().toString();
  }

  /** Builds a {@link SearchQuery}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Constraint constraint;
    private @Nullable String expression;
    private int limit;
    private @Nullable Sort sort;
    private @Nullable String continueToken;
    private @Nullable DescribeOptions describe;

    private Builder() {}

    /**
     * Sets what to match; exclusive with {@link #expression(String)}.
     *
     * @param constraint the constraint, or null to unset
     * @return this builder
     */
    public Builder constraint(@Nullable Constraint constraint) {
      this.constraint = constraint;
      return this;
    }

    /**
     * Sets a textual query, e.g. {@code tag:alpha}; exclusive with {@link #constraint(Constraint)}.
     *
     * @param expression the expression, or null to unset
     * @return this builder
     */
    public Builder expression(@Nullable String expression) {
      this.expression = expression;
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param limit at least 1; the server's default is 200
     * @return this builder
     * @throws IllegalArgumentException if the limit is below 1
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException(
            "limit must be at least 1 (use unlimited() for no limit): " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Asks for every match in one page.
     *
     * @return this builder
     */
    public Builder unlimited() {
      this.limit = -1;
      return this;
    }

    /**
     * Sets the order.
     *
     * @param sort the order, or null for the server's default
     * @return this builder
     */
    public Builder sort(@Nullable Sort sort) {
      this.sort = sort;
      return this;
    }

    /**
     * Continues a previous query after the page that returned this token. The query, limit and sort
     * must be the same as for that page.
     *
     * @param continueToken the token from {@link SearchResults#continueToken()}, or null
     * @return this builder
     */
    public Builder continueToken(@Nullable String continueToken) {
      this.continueToken = continueToken;
      return this;
    }

    /**
     * Has the server describe the results in the same answer ({@link SearchResult#description()}).
     *
     * @param describe how to describe them, or null to not describe them
     * @return this builder
     */
    public Builder describe(@Nullable DescribeOptions describe) {
      this.describe = describe;
      return this;
    }

    /**
     * Checks and builds the query.
     *
     * @return the query
     * @throws IllegalArgumentException naming the field when the query is not one the server
     *     accepts: neither or both of constraint and expression, a blank expression or continue
     *     token, or a continue token with {@link Sort#MAP}
     */
    public SearchQuery build() {
      if ((constraint == null) == (expression == null)) {
        throw new IllegalArgumentException(
            "a search query needs exactly one of constraint or expression; "
                + (constraint == null ? "neither was set" : "both were set"));
      }
      if (expression != null && expression.isBlank()) {
        throw new IllegalArgumentException("expression must not be blank");
      }
      if (continueToken != null && continueToken.isBlank()) {
        throw new IllegalArgumentException("continueToken must not be blank");
      }
      if (continueToken != null && sort == Sort.MAP) {
        throw new IllegalArgumentException("continueToken cannot be used with sort MAP");
      }
      return new SearchQuery(this);
    }
  }
}
