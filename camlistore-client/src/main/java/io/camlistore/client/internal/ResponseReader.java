package io.camlistore.client.internal;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * Turns one HTTP response into a result. Called inside the transport's retry loop: an {@link
 * IOException} thrown while reading counts as a transient failure and the request is tried again.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResponseReader<T> {
  /**
   * Reads the response. The transport closes it afterwards.
   *
   * @param response the response, with its entity still unread
   * @param uri the URI that answered, after any redirects
   * @return the result
   * @throws IOException if the body cannot be read
   */
  T read(ClassicHttpResponse response, URI uri) throws IOException;
}
