package io.camlistore.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.client.internal.HttpTransport;
import io.camlistore.client.internal.Json;
import io.camlistore.client.internal.Urls;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;

/**
 * The server's search index: describe blobs, list a permanode's claims, and query. Obtain it from
 * {@link Connection#searcher()}. Thread-safe.
 *
 * <p>The index only considers claims signed by the server owner's key. Errors: the server's own
 * error text is kept in {@link ServerException#serverError()}, including the search handler's
 * errors that arrive with HTTP 200 (such as "Unsupported search path or method"); a blob the index
 * does not know is a {@link NotFoundException}.
 *
 * <pre>{@code
 * SearchClient search = conn.searcher();
 * for (SearchResult hit : search.query("tag:alpha")) {
 *   BlobDescription d = search.describeBlob(hit.blobRef());
 *   System.out.println(d.attribute("title"));
 * }
 * }</pre>
 */
public final class SearchClient {
  /** The most content refs one {@code files} lookup names, so that its URL stays short. */
  public static final int MAX_WHOLE_DIGESTS = 250;

  private static final ContentType JSON_UTF8 = ContentType.APPLICATION_JSON;

  private final HttpTransport transport;
  private final URI searchRoot;

  SearchClient(HttpTransport transport, URI searchRoot) {
    this.transport = transport;
    this.searchRoot = searchRoot;
  }

  /** {@return the search handler root this client sends to} */
  public URI searchRoot() {
    return searchRoot;
  }

  /**
   * Describes a blob with the server's default depth.
   *
   * @param ref the blob
   * @return its description, with the related blobs the server described alongside
   * @throws NotFoundException if the index does not know the blob
   * @throws ServerException for an error answer
   */
  public BlobDescription describeBlob(BlobRef ref) {
    Objects.requireNonNull(ref, "ref");
    DescribedBlobs described = describeGet(List.of(ref));
    return requireDescribed(described, ref);
  }

  /**
   * Describes a blob with options: depth, directory entries, a past point in time, rules.
   *
   * @param ref the blob
   * @param options how to describe it
   * @return its description, with the related blobs the server described alongside
   * @throws NotFoundException if the index does not know the blob
   * @throws ServerException for an error answer
   */
  public BlobDescription describeBlob(BlobRef ref, DescribeOptions options) {
    Objects.requireNonNull(ref, "ref");
    ObjectNode body = options.toJson();
    body.put("blobref", ref.toString());
    return requireDescribed(describePost(body), ref);
  }

  /**
   * Describes several blobs in one request.
   *
   * @param refs the blobs
   * @return the descriptions of those the index knows, in request order; unknown blobs are absent
   * @throws ServerException for an error answer
   */
  public Map<BlobRef, BlobDescription> describeBlobs(Collection<BlobRef> refs) {
    if (refs.isEmpty()) {
      return Map.of();
    }
    return requested(describeGet(List.copyOf(refs)), refs);
  }

  /**
   * Describes several blobs in one request, with options.
   *
   * @param refs the blobs
   * @param options how to describe them
   * @return the descriptions of those the index knows, in request order; unknown blobs are absent
   * @throws ServerException for an error answer
   */
  public Map<BlobRef, BlobDescription> describeBlobs(
      Collection<BlobRef> refs, DescribeOptions options) {
    if (refs.isEmpty()) {
      return Map.of();
    }
    ObjectNode body = options.toJson();
    ArrayNode blobrefs = body.putArray("blobrefs");
    refs.forEach(ref -> blobrefs.add(ref.toString()));
    return requested(describePost(body), refs);
  }

  private static Map<BlobRef, BlobDescription> requested(
      DescribedBlobs described, Collection<BlobRef> refs) {
    Map<BlobRef, BlobDescription> result = new LinkedHashMap<>();
    for (BlobRef ref : refs) {
      BlobDescription description = described.find(ref);
      if (description != null) {
        result.put(ref, description);
      }
    }
    return result;
  }

  private DescribedBlobs describeGet(List<BlobRef> refs) {
    StringBuilder query = new StringBuilder("camli/search/describe?");
    for (int i = 0; i < refs.size(); i++) {
      query
          .append(i == 0 ? "" : "&")
          .append("blobref=")
          .append(Urls.encode(refs.get(i).toString()));
    }
    URI url = searchRoot.resolve(query.toString());
    String what = "GET " + url;
    return transport.execute(
        () -> new HttpGet(url),
        (response, uri) -> DescribedBlobs.parse(read(response, what).get("meta"), this, what));
  }

  private DescribedBlobs describePost(ObjectNode body) {
    URI url = searchRoot.resolve("camli/search/describe");
    String what = "POST " + url;
    return transport.execute(
        () -> postJson(url, body),
        (response, uri) -> DescribedBlobs.parse(read(response, what).get("meta"), this, what));
  }

  private BlobDescription requireDescribed(DescribedBlobs described, BlobRef ref) {
    BlobDescription description = described.find(ref);
    if (description == null) {
      throw new NotFoundException(
          "the search index of "
              + searchRoot
              + " has no description of "
              + ref
              + " (unknown blob, or not indexed yet)",
          200,
          null);
    }
    return description;
  }

  /**
   * Lists the claims signed by the server owner on a permanode, oldest first.
   *
   * @param permanode the permanode
   * @return its claims; empty for an unknown permanode
   * @throws ServerException for an error answer
   */
  public List<ClaimMeta> getClaimsForPermanode(BlobRef permanode) {
    return claims(permanode, null);
  }

  /**
   * Lists the claims signed by the server owner on one attribute of a permanode, oldest first.
   *
   * @param permanode the permanode
   * @param attrFilter the attribute, e.g. {@code tag}
   * @return the claims on that attribute; empty when there are none
   * @throws IllegalArgumentException if the attribute is empty
   * @throws ServerException for an error answer
   */
  public List<ClaimMeta> getClaimsForPermanode(BlobRef permanode, String attrFilter) {
    if (attrFilter.isEmpty()) {
      throw new IllegalArgumentException(
          "attrFilter must not be empty; use getClaimsForPermanode(permanode) for all claims");
    }
    return claims(permanode, attrFilter);
  }

  private List<ClaimMeta> claims(BlobRef permanode, @Nullable String attrFilter) {
    Objects.requireNonNull(permanode, "permanode");
    String query = "camli/search/claims?permanode=" + Urls.encode(permanode.toString());
    if (attrFilter != null) {
      query += "&attrFilter=" + Urls.encode(attrFilter);
    }
    URI url = searchRoot.resolve(query);
    String what = "GET " + url;
    return transport.execute(
        () -> new HttpGet(url),
        (response, uri) -> {
          List<ClaimMeta> claims = new ArrayList<>();
          for (JsonNode item : Json.array(read(response, what), "claims", what)) {
            claims.add(ClaimMeta.parse(item, what));
          }
          return List.copyOf(claims);
        });
  }

  /**
   * Runs a textual query, such as {@code tag:alpha}, {@code title:foo} or {@code is:image}, and
   * returns its first page (by default up to 200 results).
   *
   * @param expression the query
   * @return the matched blobs; empty when nothing matched
   * @throws IllegalArgumentException if the expression is blank
   * @throws ServerException for an error answer, e.g. an expression the server cannot parse
   */
  public List<SearchResult> query(String expression) {
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression must not be blank");
    }
    ObjectNode body = Json.object();
    body.put("expression", expression);
    return runQuery(body).results();
  }

  /**
   * Runs a query and returns one page of results.
   *
   * @param query the query
   * @return the page, with the continue token when more results follow
   * @throws ServerException for an error answer
   */
  public SearchResults query(SearchQuery query) {
    return runQuery(query.toJson());
  }

  /**
   * Runs a query and streams every result, lazily: each further page is requested with the previous
   * page's continue token when the stream needs it.
   *
   * @param query the query; its continue token, if any, is where the stream starts
   * @return the results; errors surface as exceptions while the stream is consumed
   */
  public Stream<SearchResult> queryAll(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    return StreamSupport.stream(new QuerySpliterator(query), false);
  }

  private SearchResults runQuery(ObjectNode body) {
    URI url = searchRoot.resolve("camli/search/query");
    String what = "POST " + url;
    JsonNode answer = transport.execute(() -> postJson(url, body), (r, uri) -> read(r, what));
    JsonNode description = answer.get("description");
    DescribedBlobs described =
        DescribedBlobs.parse(description == null ? null : description.get("meta"), this, what);
    List<SearchResult> results = new ArrayList<>();
    for (JsonNode item : Json.array(answer, "blobs", what)) {
      BlobRef ref = requireRef(Json.text(item, "blob"), "blob", what);
      results.add(new SearchResult(ref, described.find(ref)));
    }
    String token = Json.text(answer, "continue");
    return new SearchResults(
        results, token == null || token.isEmpty() ? null : token, described.all());
  }

  /**
   * Lists the permanodes modified most recently, newest first, each with its description.
   *
   * @param limit how many, 1 to 1000
   * @return the permanodes
   * @throws IllegalArgumentException if the limit is out of range
   * @throws ServerException for an error answer
   */
  public List<SearchResult> recentPermanodes(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000: " + limit);
    }
    URI url = searchRoot.resolve("camli/search/recent?n=" + limit);
    String what = "GET " + url;
    JsonNode answer = transport.execute(() -> new HttpGet(url), (r, uri) -> read(r, what));
    return refsWithDescriptions(answer, "recent", "blobref", what);
  }

  /**
   * Finds the permanodes (of the server owner) whose attribute has exactly this value, each with
   * its description. The server answers this from its attribute index; only {@code tag} and {@code
   * title} are full-text indexed.
   *
   * @param attr the attribute
   * @param value the value
   * @return the permanodes (at most 50, the server's default)
   * @throws IllegalArgumentException if the attribute or value is empty
   * @throws ServerException for an error answer
   */
  public List<SearchResult> permanodesWithAttribute(String attr, String value) {
    if (attr.isEmpty() || value.isEmpty()) {
      throw new IllegalArgumentException(
          "attr and value must not be empty (the server would search every attribute)");
    }
    URI url =
        searchRoot.resolve(
            "camli/search/permanodeattr?attr="
                + Urls.encode(attr)
                + "&value="
                + Urls.encode(value));
    String what = "GET " + url;
    JsonNode answer = transport.execute(() -> new HttpGet(url), (r, uri) -> read(r, what));
    return refsWithDescriptions(answer, "withAttr", "permanode", what);
  }

  /**
   * Finds the permanode a signer gave an attribute value (an exact match), with its description.
   *
   * @param signer the signer's public key blobref
   * @param attr the attribute
   * @param value the exact value
   * @return the permanode
   * @throws ServerException for an error answer, including when no permanode has that value
   */
  public SearchResult permanodeWithSignerAttrValue(BlobRef signer, String attr, String value) {
    URI url =
        searchRoot.resolve(
            "camli/search/signerattrvalue?signer="
                + Urls.encode(signer.toString())
                + "&attr="
                + Urls.encode(attr)
                + "&value="
                + Urls.encode(value));
    String what = "GET " + url;
    JsonNode answer = transport.execute(() -> new HttpGet(url), (r, uri) -> read(r, what));
    BlobRef ref = requireRef(Json.text(answer, "permanode"), "permanode", what);
    return new SearchResult(ref, DescribedBlobs.parse(answer.get("meta"), this, what).find(ref));
  }

  /**
   * Finds the file schema blobs whose whole content has the given ref (the files that hold exactly
   * these bytes), as the server's index knows them.
   *
   * @param wholeRef the ref of the whole content
   * @return the file schema blobs; empty when there are none
   * @throws ServerException for an error answer
   */
  public List<BlobRef> filesWithContent(BlobRef wholeRef) {
    return filesWithContent(List.of(wholeRef)).getOrDefault(wholeRef, List.of());
  }

  /**
   * Finds, in one request per {@value #MAX_WHOLE_DIGESTS} refs, the file schema blobs holding each
   * of several contents, as the server's index knows them. The index is asynchronous and may lag
   * behind the blobs: to decide whether files are stored, {@link FileClient#putFiles} stats their
   * blobs instead.
   *
   * @param wholeRefs the refs of whole contents
   * @return for each distinct ref, in the order given, its file schema blobs; empty when none
   * @throws ServerException for an error answer
   */
  public Map<BlobRef, List<BlobRef>> filesWithContent(Collection<BlobRef> wholeRefs) {
    List<BlobRef> distinct = new ArrayList<>(new LinkedHashSet<>(wholeRefs));
    Map<BlobRef, List<BlobRef>> files = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += MAX_WHOLE_DIGESTS) {
      List<BlobRef> page =
          distinct.subList(from, Math.min(distinct.size(), from + MAX_WHOLE_DIGESTS));
      StringBuilder query = new StringBuilder("camli/search/files?");
      for (BlobRef ref : page) {
        query.append(query.charAt(query.length() - 1) == '?' ? "" : "&");
        query.append("wholedigest=").append(Urls.encode(ref.toString()));
      }
      URI url = searchRoot.resolve(query.toString());
      String what = "GET " + url;
      JsonNode answer = transport.execute(() -> new HttpGet(url), (r, uri) -> read(r, what));
      for (BlobRef ref : page) {
        List<BlobRef> found = new ArrayList<>();
        for (JsonNode item : Json.array(answer.path("files"), ref.toString(), what)) {
          found.add(requireRef(item.asText(), "files", what));
        }
        files.put(ref, List.copyOf(found));
      }
    }
    return files;
  }

  /**
   * Lists the permanodes that reference a blob through a {@code camliMember} attribute (the only
   * references the server indexes as edges).
   *
   * @param ref the referenced blob
   * @return the referring permanodes; empty when there are none
   * @throws ServerException for an error answer
   */
  public List<Edge> edgesTo(BlobRef ref) {
    URI url = searchRoot.resolve("camli/search/edgesto?blobref=" + Urls.encode(ref.toString()));
    String what = "GET " + url;
    JsonNode answer = transport.execute(() -> new HttpGet(url), (r, uri) -> read(r, what));
    List<Edge> edges = new ArrayList<>();
    for (JsonNode item : Json.array(answer, "edgesTo", what)) {
      edges.add(
          new Edge(requireRef(Json.text(item, "from"), "from", what), Json.text(item, "fromType")));
    }
    return List.copyOf(edges);
  }

  private List<SearchResult> refsWithDescriptions(
      JsonNode answer, String listField, String refField, String what) {
    DescribedBlobs described = DescribedBlobs.parse(answer.get("meta"), this, what);
    List<SearchResult> results = new ArrayList<>();
    for (JsonNode item : Json.array(answer, listField, what)) {
      BlobRef ref = requireRef(Json.text(item, refField), refField, what);
      results.add(new SearchResult(ref, described.find(ref)));
    }
    return List.copyOf(results);
  }

  private static HttpPost postJson(URI url, JsonNode body) {
    HttpPost post = new HttpPost(url);
    post.setEntity(new StringEntity(body.toString(), JSON_UTF8));
    return post;
  }

  /**
   * Reads a search answer. The search handler reports some errors (an unknown endpoint or method)
   * with HTTP 200 and an {@code error} field; those become exceptions too.
   */
  private static JsonNode read(ClassicHttpResponse response, String what) throws IOException {
    JsonNode answer = Json.readObject(response, what);
    String error = Json.text(answer, "error");
    if (error != null) {
      String type = Json.text(answer, "errorType");
      throw new ServerException(
          what + " failed: " + error + (type == null ? "" : " (" + type + ")"),
          response.getCode(),
          error);
    }
    return answer;
  }

  private static BlobRef requireRef(@Nullable String text, String field, String what) {
    BlobRef ref = BlobRef.parseOrNull(text);
    if (ref == null) {
      throw new ServerException(
          "answer to " + what + " has a malformed blobref in '" + field + "': " + text, 200, null);
    }
    return ref;
  }

  /** Walks a query's pages, requesting the next one only when needed. */
  private final class QuerySpliterator extends Spliterators.AbstractSpliterator<SearchResult> {
    private SearchQuery next;
    private List<SearchResult> page = List.of();
    private int index;
    private boolean lastPage;

    QuerySpliterator(SearchQuery first) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.next = first;
    }

    @Override
    public boolean tryAdvance(Consumer<? super SearchResult> action) {
      while (index >= page.size()) {
        if (lastPage) {
          return false;
        }
        SearchResults results = query(next);
        page = results.results();
        index = 0;
        String token = results.continueToken();
        if (token == null || token.equals(next.continueToken())) {
          // No token, or the same one again (which would loop forever): this was the last page.
          lastPage = true;
        } else {
          next = next.toBuilder().continueToken(token).build();
        }
      }
      action.accept(page.get(index++));
      return true;
    }
  }
}
