package io.camlistore.camel;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.spi.StreamCachingStrategy;

/**
 * Turns fetched content into the body get and getFile answer: by default a {@link CachedContent},
 * which outlives the exchange; with the streamDownload option the verifying stream itself, closed
 * when the exchange completes.
 */
final class DownloadBodies {
  /**
   * The most content a kept body holds in memory when the stream cache does not spool to disk; when
   * it does, its spool threshold decides.
   */
  static final long MEMORY_LIMIT = Blob.MAX_SIZE;

  private DownloadBodies() {}

  /**
   * {@return the body for fetched content}
   *
   * @param exchange the exchange the body is for
   * @param content the open, verifying stream; read and closed here unless streamed
   * @param size the content's size, or -1 when unknown
   * @param ref what the content is, for messages
   * @param stream whether to answer the stream itself
   * @throws IllegalStateException if the content is larger than {@link #MEMORY_LIMIT} and the
   *     CamelContext's stream cache does not spool to disk; the stream is closed unread
   */
  static Object body(
      Exchange exchange, InputStream content, long size, BlobRef ref, boolean stream) {
    if (stream) {
      BlobOperations.closeOnCompletion(exchange, content, ref);
      return content;
    }
    StreamCachingStrategy caching = exchange.getContext().getStreamCachingStrategy();
    boolean spools = caching.isEnabled() && caching.isSpoolEnabled();
    if (size > MEMORY_LIMIT && !spools) {
      closeQuietly(content);
      throw new IllegalStateException(
          ref
              + " has "
              + size
              + " bytes; a body kept for after the exchange holds at most "
              + MEMORY_LIMIT
              + " bytes in memory, so this one needs Camel's stream caching to spool to disk"
              + " (camel.main.stream-caching-spool-enabled=true, or"
              + " StreamCachingStrategy.setSpoolEnabled(true), with stream caching on); or set"
              + " streamDownload=true to read it as a stream within the route");
    }
    return CachedContent.read(content, exchange);
  }

  private static void closeQuietly(Closeable content) {
    try {
      content.close();
    } catch (IOException | RuntimeException e) {
      // Nothing was read, so there is nothing to verify; the connection is released either way.
    }
  }
}
