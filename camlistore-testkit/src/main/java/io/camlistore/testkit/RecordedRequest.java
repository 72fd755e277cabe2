package io.camlistore.testkit;

import io.camlistore.testkit.internal.FormValues;
import io.camlistore.testkit.internal.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the embedded server received it: method, path, query, headers and the start
 * of the body. Tests use these to count round trips and check what a client sent.
 *
 * <pre>{@code
 * RecordedRequest stat = server.requests("POST", "stat").get(0);
 * assertThat(stat.formParameter("blob1")).isEqualTo(ref.toString());
 * }</pre>
 *
 * <p>The server records a request when it arrives, without its body, and completes the record with
 * the body once it has answered: what it read of the body, up to the builder's {@linkplain
 * EmbeddedCamlistoreServer.Builder#recordedBodyLimit(int) recorded body limit} (8 KiB by default).
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the {@code Authorization} header.
 */
public final class RecordedRequest {
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private RecordedRequest(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Makes a recorded request (the server does this; tests may, to try out a request matcher).
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the decoded path, e.g. {@code /bs-and-maybe-also-index/camli/stat}
   * @param query the raw query string without {@code ?}, or the empty string
   * @param headers the request headers; names are matched case-insensitively
   * @return the request
   */
  public static RecordedRequest of(
      String method, String path, String query, Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    return new RecordedRequest(
        Objects.requireNonNull(method, "method"),
        Objects.requireNonNull(path, "path"),
        Objects.requireNonNull(query, "query"),
        Collections.unmodifiableMap(copy),
        new byte[0]);
  }

  /**
   * Returns this request with a body (the server does this once it has answered).
   *
   * @param body the body as the server read it, or its start
   * @return a copy of this request holding a copy of the body
   */
  public RecordedRequest withBody(byte[] body) {
    return new RecordedRequest(method, path, query, headers, body.clone());
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the decoded path} */
  public String path() {
    return path;
  }

  /** {@return the raw query string without {@code ?}; empty when there was none} */
  public String query() {
    return query;
  }

  /**
   * Returns the first value of a query parameter, decoded.
   *
   * @param name the parameter name
   * @return its first value, or null if the query does not have it
   */
  public @Nullable String queryParameter(String name) {
    FormValues values = FormValues.ofQuery(query);
    return values.has(name) ? values.first(name) : null;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or null if the request did not have the header
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * {@return the body as the server read it, up to the recorded body limit; empty while the server
   * has not answered yet, for a request without a body, and for one the server answered without
   * reading its body (e.g. a refused upload)}
   */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the {@linkplain #body() recorded body} decoded as UTF-8} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns the first value of a parameter of an {@code application/x-www-form-urlencoded} body,
   * such as the {@code blobN} refs of a stat or remove request or the {@code json} a client asks
   * the sign helper to sign.
   *
   * @param name the parameter name
   * @return its first value, decoded; null if the body is not a form or has no such parameter
   */
  public @Nullable String formParameter(String name) {
    MediaType type = MediaType.parse(header("Content-Type"));
    if (type == null || !type.type().equals("application/x-www-form-urlencoded")) {
      return null;
    }
    FormValues values = FormValues.ofQuery(bodyText());
    return values.has(name) ? values.first(name) : null;
  }

  /** {@return all headers, by lowercase name} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Tells whether this is a request for an action of the blob protocol, e.g. {@code upload}, {@code
   * stat}, {@code enumerate-blobs}, or a blobref for get and PUT; or of the search handler or sign
   * helper, whose paths have {@code /camli/} too: {@code search/query}, {@code search/describe},
   * {@code sig/sign}.
   *
   * @param method the HTTP method
   * @param action the part of the path after {@code /camli/}
   * @return true if both match
   */
  public boolean isBlobAction(String method, String action) {
    int camli = path.indexOf("/camli/");
    return this.method.equals(method)
        && camli >= 0
        && path.substring(camli + "/camli/".length()).equals(action);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(method).append(' ').append(path);
    if (!query.isEmpty()) {
      text.append('?').append(query);
    }
    headers.forEach(
        (name, values) ->
            text.append(", ")
                .append(name)
                .append(": ")
                .append(name.equals("authorization") ? "<masked>" : String.join(",", values)));
    return text.toString();
  }
}
