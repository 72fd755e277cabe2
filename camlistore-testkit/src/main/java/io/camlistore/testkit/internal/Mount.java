package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A service the embedded server answers under a path root of its own, beside discovery and the blob
 * protocol, such as the search handler or the sign helper. The blob protocol server knows services
 * only through this, so that it does not depend on them.
 *
 * @param root the path root, starting and ending with {@code /}, e.g. {@code /my-search/}
 * @param handler answers an authorized request under the root
 */
public record Mount(String root, Handler handler) {
  /** Checks the root. */
  public Mount {
    if (!root.startsWith("/") || !root.endsWith("/") || root.length() < 3) {
      throw new IllegalArgumentException("a mount root is /name/, was '" + root + "'");
    }
  }

  /** Answers a request under a mount's root. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Answers an authorized request.
     *
     * @param exchange the exchange
     * @param suffix the path after the root
     * @throws IOException if the client went away
     */
    void handle(HttpExchange exchange, String suffix) throws IOException;
  }
}
