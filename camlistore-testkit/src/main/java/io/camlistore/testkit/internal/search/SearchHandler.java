package io.camlistore.testkit.internal.search;

import com.sun.net.httpserver.HttpExchange;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.FormValues;
import io.camlistore.testkit.internal.GoJson;
import io.camlistore.testkit.internal.Responses;
import io.camlistore.testkit.internal.index.SchemaIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The search handler under {@code /my-search/}: {@code camli/search/<endpoint>} by method as
 * Perkeep 0.11 routes it, with its JSON answers ({@code text/javascript}, Go's indentation) and its
 * errors: 400 for a missing or invalid parameter, 500 for a bad body or an invalid query, and HTTP
 * 200 with {@code "Unsupported search path or method"} for anything else.
 */
public final class SearchHandler {
  /** The search handler's prefix, as on a real server. */
  public static final String ROOT = "/my-search/";

  /** The query handler reads at most this much of a body. */
  private static final int MAX_QUERY_BODY = 1 << 20;

  private static final int DEFAULT_RESULTS = 50;
  private static final int MAX_RESULTS = 1000;

  private final SchemaIndex index;
  private final Clock clock;

  /**
   * Creates the handler.
   *
   * @param index the search index
   * @param clock the time for {@code inLast} constraints, {@code recent} and {@code permanodeattr}
   */
  public SearchHandler(SchemaIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * Answers an authorized request under the search prefix.
   *
   * @param exchange the exchange
   * @param suffix the path after {@link #ROOT}
   * @throws IOException if answering fails
   */
  public void handle(HttpExchange exchange, String suffix) throws IOException {
    String name = suffix.startsWith("camli/search/") ? suffix.substring(13) : suffix;
    String method = exchange.getRequestMethod();
    boolean get = method.equals("GET") || method.equals("HEAD");
    try {
      if (get) {
        FormValues form = FormValues.ofQuery(exchange.getRequestURI().getRawQuery());
        switch (name) {
          case "describe" -> describeGet(exchange, form);
          case "claims" -> claims(exchange, form);
          case "recent" -> recent(exchange, form);
          case "permanodeattr" -> permanodeAttr(exchange, form);
          case "signerattrvalue" -> signerAttrValue(exchange, form);
          case "edgesto" -> edgesTo(exchange, form);
          case "files" -> files(exchange, form);
          default -> unsupported(exchange);
        }
      } else if (method.equals("POST") && name.equals("describe")) {
        String body = readBody(exchange, Integer.MAX_VALUE);
        Responses.json(exchange, 200, describeResponse(RequestDecoder.describe(body)));
      } else if (method.equals("POST") && name.equals("query")) {
        String body = readBody(exchange, MAX_QUERY_BODY);
        Responses.json(
            exchange, 200, new QueryEngine(index.corpus(), clock).run(RequestDecoder.query(body)));
      } else {
        unsupported(exchange);
      }
    } catch (GoJsonException e) {
      error(exchange, 500, String.valueOf(e.getMessage()));
    } catch (SearchException e) {
      error(exchange, e.status(), String.valueOf(e.getMessage()));
    }
  }

  private static void unsupported(HttpExchange exchange) throws IOException {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("error", "Unsupported search path or method");
    answer.put("errorType", "input");
    Responses.json(exchange, 200, answer);
  }

  /** Perkeep's {@code httputil.ServeJSONError}. */
  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("error", message);
    answer.put(
        "errorType",
        switch (status) {
          case 400 -> "Bad Request";
          default -> "Internal Server Error";
        });
    Responses.json(exchange, status, answer);
  }

  private void describeGet(HttpExchange exchange, FormValues form)
      throws IOException, SearchException {
    List<String> values = form.all("blobref");
    String one = null;
    List<String> many = List.of();
    if (values.size() > 1) {
      for (String value : values) {
        if (Refs.parse(value) == null) {
          throw invalidParameter("blobref");
        }
      }
      many = values;
    } else {
      one = requiredRef(form, "blobref");
    }
    Query.DescribeSpec spec =
        new Query.DescribeSpec(
            one,
            many,
            optionalInt(form, "depth"),
            optionalInt(form, "maxdirchildren"),
            Rfc3339.parse(form.first("at")),
            List.of());
    Responses.json(exchange, 200, describeResponse(spec));
  }

  private Map<String, Object> describeResponse(Query.DescribeSpec spec) {
    return Map.of("meta", Describer.describe(index.corpus(), spec));
  }

  private void claims(HttpExchange exchange, FormValues form) throws IOException, SearchException {
    String permanode = requiredRef(form, "permanode");
    Responses.json(
        exchange, 200, new Lookups(index.corpus()).claims(permanode, form.first("attrFilter")));
  }

  private void recent(HttpExchange exchange, FormValues form) throws IOException {
    int n = results(atoiOrZero(form.first("n")));
    Instant before = Rfc3339.parse(form.first("before"));
    Responses.json(
        exchange,
        200,
        new Lookups(index.corpus()).recent(n, before == null ? clock.instant() : before));
  }

  private void permanodeAttr(HttpExchange exchange, FormValues form)
      throws IOException, SearchException {
    String signer = Refs.parse(form.first("signer"));
    String attr = form.first("attr");
    String fuzzy = form.first("fuzzy").toLowerCase(Locale.ROOT);
    int max = DEFAULT_RESULTS;
    if (!form.first("max").isEmpty()) {
      Integer parsed = atoi(form.first("max"));
      if (parsed == null) {
        throw invalidParameter("max");
      }
      max = results(parsed);
    }
    if (attr.isEmpty() || fuzzy.equals("true") || fuzzy.equals("t")) {
      throw new SearchException(
          "TODO: SearchPermanodesWithAttr: generic indexer doesn't support FuzzyMatch on"
              + " PermanodeByAttrRequest");
    }
    Instant at = Rfc3339.parse(form.first("at"));
    Responses.json(
        exchange,
        200,
        new Lookups(index.corpus())
            .withAttr(signer, attr, form.first("value"), max, at == null ? clock.instant() : at));
  }

  private void signerAttrValue(HttpExchange exchange, FormValues form)
      throws IOException, SearchException {
    String signer = requiredRef(form, "signer");
    String attr = required(form, "attr");
    String value = required(form, "value");
    Responses.json(exchange, 200, new Lookups(index.corpus()).signerAttrValue(signer, attr, value));
  }

  private void edgesTo(HttpExchange exchange, FormValues form) throws IOException, SearchException {
    String ref = requiredRef(form, "blobref");
    Responses.json(exchange, 200, new Lookups(index.corpus()).edgesTo(ref));
  }

  private void files(HttpExchange exchange, FormValues form) throws IOException {
    Map<String, @Nullable Object> answer = new LinkedHashMap<>();
    if (!form.has("wholedigest")) {
      answer.put("error", "Missing 'wholedigest' param");
      answer.put("errorType", "input");
      answer.put("files", null);
    } else if (form.all("wholedigest").stream().anyMatch(value -> Refs.parse(value) == null)) {
      answer.put("error", "Invalid 'wholedigest' param");
      answer.put("errorType", "input");
      answer.put("files", null);
    } else {
      answer.put("files", files(form.all("wholedigest")));
    }
    Responses.json(exchange, 200, answer);
  }

  /**
   * For each requested content ref, the files that have it, or null when none does (as the real
   * server answers), by ref as Go sorts keys; a ref asked for twice is listed once.
   */
  private SortedMap<String, @Nullable List<String>> files(List<String> wholeRefs) {
    SortedMap<String, @Nullable List<String>> files = new TreeMap<>(GoJson.KEY_ORDER);
    for (String wholeRef : wholeRefs) {
      List<String> found = index.filesWithContent(wholeRef);
      files.put(wholeRef, found.isEmpty() ? null : found);
    }
    return files;
  }

  private static String required(FormValues form, String name) throws SearchException {
    String value = form.first(name);
    if (value.isEmpty()) {
      throw new SearchException(400, "Missing parameter \"" + name + "\"");
    }
    return value;
  }

  private static String requiredRef(FormValues form, String name) throws SearchException {
    String ref = Refs.parse(required(form, name));
    if (ref == null) {
      throw invalidParameter(name);
    }
    return ref;
  }

  private static SearchException invalidParameter(String name) {
    return new SearchException(400, "Invalid parameter \"" + name + "\"");
  }

  private static long optionalInt(FormValues form, String name) throws SearchException {
    String value = form.first(name);
    if (value.isEmpty()) {
      return 0;
    }
    Integer parsed = atoi(value);
    if (parsed == null) {
      throw invalidParameter(name);
    }
    return parsed;
  }

  /** Go's {@code strconv.Atoi}: null when the text is not a decimal int. */
  private static @Nullable Integer atoi(String text) {
    if (!text.matches("[+-]?[0-9]+")) {
      return null;
    }
    try {
      return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int atoiOrZero(String text) {
    Integer parsed = atoi(text);
    return parsed == null ? 0 : parsed;
  }

  /** Perkeep's {@code sanitizeNumResults}. */
  private static int results(int n) {
    return n <= 0 || n > MAX_RESULTS ? DEFAULT_RESULTS : n;
  }

  /** Reads (part of) the body; the response drains and closes the rest. */
  private static String readBody(HttpExchange exchange, int limit) throws IOException {
    InputStream in = exchange.getRequestBody();
    return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
  }
}
