package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import io.camlistore.protocol.Rfc3339;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The root handler: discovery for {@code Accept: text/x-camli-configuration} or {@code
 * ?camli.mode=config} (GET or HEAD, auth required), a redirect to the web UI otherwise.
 */
public final class DiscoveryHandler {
  /** The advertised blob root, as on a real server with a high-level configuration. */
  public static final String BLOB_ROOT = "/bs-and-maybe-also-index/";

  private static final Pattern JS_IDENTIFIER = Pattern.compile("[a-zA-Z_$][a-zA-Z0-9_$.]*");
  private static final byte[] MOVED =
      Responses.bytes("<a href=\"/ui/\">Moved Permanently</a>.\n\n");

  private final ContentStore storage;
  private final @Nullable SigningDescriptor signing;
  private final @Nullable String searchRoot;
  private final String ownerName;

  /**
   * Creates the handler.
   *
   * @param storage the blob storage, for its generation and init time
   * @param signing the sign handler to advertise, or null for none
   * @param searchRoot the search handler's root to advertise, or null for none (as a real server
   *     without an index)
   * @param ownerName the {@code ownerName}/{@code userName} to report
   */
  public DiscoveryHandler(
      ContentStore storage,
      @Nullable SigningDescriptor signing,
      @Nullable String searchRoot,
      String ownerName) {
    this.storage = storage;
    this.signing = signing;
    this.searchRoot = searchRoot;
    this.ownerName = ownerName;
  }

  /**
   * Tells whether a request asks for discovery.
   *
   * @param exchange the exchange
   * @return true for a GET or HEAD with the discovery Accept header or query parameter
   */
  public static boolean wantsDiscovery(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    return "text/x-camli-configuration".equals(exchange.getRequestHeaders().getFirst("Accept"))
        || FormValues.ofQuery(exchange.getRequestURI().getRawQuery())
            .first("camli.mode")
            .equals("config");
  }

  /**
   * Answers a discovery request (already authorized).
   *
   * @param exchange the exchange
   * @param authToken this server run's token
   * @throws IOException if sending fails
   */
  public void serveDiscovery(HttpExchange exchange, String authToken) throws IOException {
    String json = GoJson.indent(document(authToken));
    FormValues query = FormValues.ofQuery(exchange.getRequestURI().getRawQuery());
    String callback = query.first("cb");
    String variable = query.first("var");
    if (JS_IDENTIFIER.matcher(callback).matches()) {
      json = callback + "(" + json + ");\n";
    } else if (JS_IDENTIFIER.matcher(variable).matches()) {
      json = variable + " = " + json + ";\n";
    }
    Responses.send(exchange, 200, Responses.JSON, Responses.bytes(json));
  }

  /**
   * Answers a root request that is not discovery: a permanent redirect to {@code /ui/}.
   *
   * @param exchange the exchange
   * @throws IOException if sending fails
   */
  public static void redirectToUi(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Location", "/ui/");
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      Responses.send(exchange, 301, Responses.HTML, MOVED);
    } else {
      Responses.send(exchange, 301, null, new byte[0]);
    }
  }

  /**
   * Builds the discovery document, with the real server's fields in its order.
   *
   * @param authToken this server run's token
   * @return the document
   */
  public Map<String, Object> document(String authToken) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("blobRoot", BLOB_ROOT);
    if (signing != null) {
      doc.put("jsonSignRoot", SigningDescriptor.ROOT);
    }
    doc.put("helpRoot", "/help/");
    doc.put("importerRoot", "/importer/");
    if (searchRoot != null) {
      doc.put("searchRoot", searchRoot);
    }
    doc.put("statusRoot", "/status/");
    doc.put("shareRoot", "");
    doc.put("ownerName", ownerName);
    doc.put("userName", ownerName);
    doc.put("storageGeneration", storage.generation());
    doc.put("storageInitTime", Rfc3339.format(storage.initTime()));
    doc.put("thumbVersion", "2");
    doc.put("authToken", authToken);
    doc.put("hasLegacySHA1Index", false);
    Map<String, Object> sync = new LinkedHashMap<>();
    sync.put("from", "/bs/");
    sync.put("to", "/index/");
    sync.put("toIndex", true);
    doc.put("syncHandlers", List.of(sync));
    if (signing != null) {
      doc.put("signing", signing.toDiscovery());
    }
    doc.put("uiRoot", "/ui/");
    doc.put("uploadHelper", "/ui/?camli.mode=uploadhelper");
    doc.put("directoryHelper", "/ui/tree/");
    doc.put("downloadHelper", "/ui/download/");
    doc.put("publishRoots", Map.of());
    doc.put("mapClustering", false);
    doc.put("importShare", "/ui/importshare/");
    return doc;
  }
}
