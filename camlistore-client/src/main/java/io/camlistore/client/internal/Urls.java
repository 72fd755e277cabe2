package io.camlistore.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL helpers: resolving handler paths and keeping credentials out of printed URLs. */
public final class Urls {
  private Urls() {}

  /**
   * {@return the URI without user info, so it can be printed}
   *
   * @param uri any URI
   */
  public static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    try {
      return new URI(
          uri.getScheme(),
          null,
          uri.getHost(),
          uri.getPort(),
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      return URI.create(uri.getScheme() + "://" + uri.getHost());
    }
  }

  /**
   * {@return the URI with a trailing slash on its path, so relative paths resolve below it}
   *
   * @param uri a base URI
   */
  public static URI asDirectory(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? uri : URI.create(text + "/");
  }

  /**
   * {@return a query parameter value, URL-encoded}
   *
   * @param value the raw value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
