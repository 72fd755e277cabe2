package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.protocol.BlobRef;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Opens the content of {@code file} schema blobs as streams ({@link PartsInputStream}), with a
 * shared read-ahead policy. Thread-safe.
 */
public final class ContentReader {
  /** The most content bytes fetched ahead of the reader. */
  static final long MAX_AHEAD_BYTES = 8L << 20;

  /** The most {@code bytes} schema blobs fetched ahead of the reader. */
  static final int SCHEMAS_AHEAD = 2;

  private final Function<BlobRef, Blob> fetcher;
  private final Executor executor;
  private final int maxAhead;

  /**
   * Creates a reader.
   *
   * @param fetcher fetches and verifies a blob
   * @param executor runs read-ahead fetches
   * @param maxAhead how many chunks may be fetched at once (1 = no read-ahead)
   */
  public ContentReader(Function<BlobRef, Blob> fetcher, Executor executor, int maxAhead) {
    this.fetcher = fetcher;
    this.executor = executor;
    this.maxAhead = maxAhead;
  }

  /**
   * Fetches and checks a {@code file} schema blob.
   *
   * @param fileRef the blob
   * @return the schema
   * @throws io.camlistore.client.InvalidSchemaException if it is not a file schema
   */
  public SchemaNode fileSchema(BlobRef fileRef) {
    return SchemaNode.parse(fetcher.apply(fileRef)).requireType("file");
  }

  /**
   * {@return the file's size: the sum of its parts' sizes}
   *
   * @param file a file schema
   */
  public static long size(SchemaNode file) {
    return LeafCursor.totalSize(file.ref(), file.parts());
  }

  /**
   * Opens a range of a file's content. Nothing is fetched until the first read.
   *
   * @param file a file schema
   * @param offset the first byte, 0 or more; past the end gives an empty stream
   * @param length the most bytes to return, 0 or more
   * @return the stream; the caller closes it
   */
  public PartsInputStream open(SchemaNode file, long offset, long length) {
    LeafCursor cursor =
        new LeafCursor(
            file.ref(),
            file.parts(),
            size(file),
            fetcher,
            executor,
            maxAhead > 1 ? SCHEMAS_AHEAD : 0);
    cursor.skip(offset);
    cursor.limit(length);
    return new PartsInputStream(cursor, fetcher, executor, maxAhead, MAX_AHEAD_BYTES);
  }
}
