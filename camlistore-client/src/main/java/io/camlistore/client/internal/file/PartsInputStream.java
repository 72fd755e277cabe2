package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.InvalidSchemaException;
import io.camlistore.client.internal.file.LeafCursor.Leaf;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A file's content (or a range of it) as a stream, chunk after chunk in order.
 *
 * <p>Every chunk is fetched whole and verified against its ref before any of its bytes is returned,
 * so corrupt content is never handed out. A few chunks after the current one are fetched in the
 * background (read-ahead), bounded by count and by their total size; memory stays at those chunks
 * plus the current one, whatever the file's size. {@link #skip(long)} passes over whole chunks and
 * whole {@code bytes} subtrees by their declared sizes without fetching them.
 *
 * <p>Must be closed: closing drops the read-ahead and waits for fetches already running. Not
 * thread-safe.
 */
public final class PartsInputStream extends InputStream {
  private final LeafCursor cursor;
  private final Function<BlobRef, Blob> fetcher;
  private final Executor executor;
  private final int maxAhead;
  private final long maxAheadBytes;

  private final ArrayDeque<Fetch> ahead = new ArrayDeque<>();
  private final List<BlobFetch> abandoned = new ArrayList<>();
  private long aheadBytes;
  private InputStream current = InputStream.nullInputStream();
  private long currentLeft;
  private boolean closed;

  /**
   * Creates the stream.
   *
   * @param cursor positioned at the first byte to return, limited to the range
   * @param fetcher fetches and verifies a chunk
   * @param executor runs read-ahead fetches
   * @param maxAhead how many chunks may be fetched at once, at least 1 (1 = no read-ahead)
   * @param maxAheadBytes the most content bytes fetched ahead
   */
  PartsInputStream(
      LeafCursor cursor,
      Function<BlobRef, Blob> fetcher,
      Executor executor,
      int maxAhead,
      long maxAheadBytes) {
    this.cursor = cursor;
    this.fetcher = fetcher;
    this.executor = executor;
    this.maxAhead = Math.max(1, maxAhead);
    this.maxAheadBytes = maxAheadBytes;
  }

  @Override
  public int read() throws IOException {
    ensureOpen();
    while (currentLeft == 0) {
      if (!advance()) {
        return -1;
      }
    }
    currentLeft--;
    return current.read();
  }

  /**
   * Reads content bytes.
   *
   * @throws io.camlistore.client.HashMismatchException if a chunk is corrupt
   * @throws InvalidSchemaException if a {@code bytes} schema is malformed or a chunk is shorter
   *     than its part says
   * @throws io.camlistore.client.NotFoundException if a chunk or schema is missing
   */
  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    ensureOpen();
    if (length == 0) {
      return 0;
    }
    while (currentLeft == 0) {
      if (!advance()) {
        return -1;
      }
    }
    int n = current.read(buffer, offset, (int) Math.min(length, currentLeft));
    currentLeft -= n;
    return n;
  }

  /** Skips within the current chunk, then drops whole chunks, then skips without fetching. */
  @Override
  public long skip(long n) throws IOException {
    ensureOpen();
    if (n <= 0) {
      return 0;
    }
    long skipped = current.skip(Math.min(n, currentLeft));
    currentLeft -= skipped;
    while (skipped < n && !ahead.isEmpty()) {
      Fetch next = ahead.peek();
      long available = next.leaf.length() - next.drop;
      if (available > n - skipped) {
        next.drop += n - skipped;
        return n;
      }
      ahead.poll();
      aheadBytes -= next.leaf.length();
      abandon(next);
      skipped += available;
    }
    return skipped + cursor.skip(n - skipped);
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, currentLeft);
  }

  /** Drops the read-ahead and waits for fetches already running, so none outlives the stream. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!ahead.isEmpty()) {
      abandon(ahead.poll());
    }
    for (BlobFetch fetch : abandoned) {
      fetch.awaitEnd();
    }
    abandoned.clear();
    cursor.close();
    current = InputStream.nullInputStream();
    currentLeft = 0;
  }

  private boolean advance() throws IOException {
    fill();
    Fetch next = ahead.poll();
    if (next == null) {
      return false;
    }
    aheadBytes -= next.leaf.length();
    Blob blob;
    try {
      blob = next.blob.result();
    } catch (RuntimeException e) {
      // Interrupted while the fetch runs: close() must still wait for it.
      abandon(next);
      throw e;
    }
    Leaf leaf = next.leaf;
    if (blob.size() < leaf.start() + leaf.length()) {
      throw new InvalidSchemaException(
          leaf.owner(),
          "lists bytes "
              + leaf.start()
              + " to "
              + (leaf.start() + leaf.length())
              + " of "
              + leaf.ref()
              + ", which has only "
              + blob.size()
              + " bytes");
    }
    InputStream in = blob.openStream();
    long start = leaf.start() + next.drop;
    // A stream over a byte array skips exactly.
    if (in.skip(start) != start) {
      throw new IllegalStateException("could not position within " + leaf.ref());
    }
    current = in;
    currentLeft = leaf.length() - next.drop;
    fill();
    return true;
  }

  /** Starts fetching the next chunks, up to the read-ahead bounds. */
  private void fill() {
    while (ahead.size() < maxAhead && (ahead.isEmpty() || aheadBytes < maxAheadBytes)) {
      Leaf leaf = cursor.next();
      if (leaf == null) {
        return;
      }
      Fetch fetch = new Fetch(leaf, fetcher);
      ahead.add(fetch);
      aheadBytes += leaf.length();
      if (maxAhead > 1) {
        executor.execute(fetch.blob);
      }
    }
  }

  private void abandon(Fetch fetch) {
    if (!fetch.blob.cancel()) {
      abandoned.removeIf(BlobFetch::isDone);
      abandoned.add(fetch.blob);
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
  }

  /** A leaf and the fetch of its chunk. */
  private static final class Fetch {
    final Leaf leaf;
    final BlobFetch blob;

    /** Bytes at the leaf's start that a skip dropped. */
    long drop;

    Fetch(Leaf leaf, Function<BlobRef, Blob> fetcher) {
      this.leaf = leaf;
      this.blob = new BlobFetch(leaf.ref(), fetcher);
    }
  }
}
