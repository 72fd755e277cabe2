package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.InvalidSchemaException;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.protocol.BlobRef;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks a file's tree of parts in content order and yields, one at a time, the pieces of chunk
 * blobs that make up a byte range: the leaves.
 *
 * <p>Skipping costs nothing for whole parts: a chunk or a {@code bytes} subtree that lies entirely
 * before the position is passed over by its declared size, without fetching it. A {@code bytes}
 * schema blob is fetched only when the range reaches into it, and its parts must add up to the size
 * its parent declares. Chunks are never fetched here: the caller fetches each leaf.
 *
 * <p>With read-ahead, the next few {@code bytes} blobs the range reaches into are fetched in the
 * background while the leaves before them are read, so that descending into one does not stall the
 * reader for a round trip (pk-put makes about one {@code bytes} blob per five chunks). {@link
 * #close()} drops them and waits for those already running.
 *
 * <p>Not thread-safe.
 */
final class LeafCursor implements AutoCloseable {
  /**
   * The bytes {@code [start, start + length)} of a chunk blob.
   *
   * @param ref the chunk blob
   * @param start the first byte's offset within the blob
   * @param length how many bytes, more than 0
   * @param owner the schema blob whose parts list the chunk, blamed if the chunk is too short
   */
  record Leaf(BlobRef ref, long start, long length, BlobRef owner) {}

  /** One schema's parts being walked. */
  private static final class Frame {
    final BlobRef owner;
    final List<Part> parts;
    int index;

    /** Content bytes at the start of this schema's content that the parent does not use. */
    long discard;

    /** Content bytes of this schema the parent still uses. */
    long left;

    Frame(BlobRef owner, List<Part> parts, long discard, long left) {
      this.owner = owner;
      this.parts = parts;
      this.discard = discard;
      this.left = left;
    }
  }

  private final Function<BlobRef, Blob> fetcher;
  private final Executor executor;
  private final int schemasAhead;
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();

  /** {@code bytes} blobs fetched ahead, not yet descended into. */
  private final Map<BlobRef, BlobFetch> schemaFetches = new HashMap<>();

  /** Bytes to pass over before the next byte delivered. */
  private long skip;

  /** Bytes still to deliver after the skip. */
  private long remaining;

  /**
   * Starts at the beginning of a file.
   *
   * @param fileRef the file schema blob
   * @param parts its parts
   * @param size the sum of the parts' sizes
   * @param fetcher fetches (and verifies) {@code bytes} schema blobs
   * @param executor runs the fetches of {@code bytes} blobs ahead
   * @param schemasAhead how many {@code bytes} blobs may be fetched ahead (0: none)
   */
  LeafCursor(
      BlobRef fileRef,
      List<Part> parts,
      long size,
      Function<BlobRef, Blob> fetcher,
      Executor executor,
      int schemasAhead) {
    this.fetcher = fetcher;
    this.executor = executor;
    this.schemasAhead = schemasAhead;
    this.stack.push(new Frame(fileRef, parts, 0, size));
    this.remaining = size;
  }

  /**
   * {@return the total of the parts' sizes}
   *
   * @param owner the schema the parts belong to, blamed if the total overflows
   * @param parts the parts
   * @throws InvalidSchemaException if the sizes add up to more than a long holds
   */
  static long totalSize(BlobRef owner, List<Part> parts) {
    long total = 0;
    for (Part part : parts) {
      try {
        total = Math.addExact(total, part.size());
      } catch (ArithmeticException e) {
        throw new InvalidSchemaException(owner, "has parts whose sizes add up beyond 2^63 bytes");
      }
    }
    return total;
  }

  /**
   * Passes over bytes without fetching anything.
   *
   * @param n how many bytes
   * @return how many were passed over: {@code n}, or fewer at the end of the range
   */
  long skip(long n) {
    long skipped = Math.min(Math.max(n, 0), remaining);
    skip += skipped;
    remaining -= skipped;
    return skipped;
  }

  /**
   * Ends the range after the given number of further bytes.
   *
   * @param length the most bytes still to deliver
   */
  void limit(long length) {
    remaining = Math.min(remaining, Math.max(length, 0));
  }

  /**
   * {@return the next piece of content, or null at the end of the range}
   *
   * @throws InvalidSchemaException if a {@code bytes} schema is malformed or its size is wrong
   */
  @Nullable Leaf next() {
    while (remaining > 0) {
      Frame frame = stack.peek();
      if (frame == null) {
        return null;
      }
      if (frame.left == 0 || frame.index == frame.parts.size()) {
        stack.pop();
        continue;
      }
      Part part = frame.parts.get(frame.index++);
      if (frame.discard >= part.size()) {
        frame.discard -= part.size();
        continue;
      }
      long from = frame.discard;
      long length = Math.min(part.size() - from, frame.left);
      frame.discard = 0;
      frame.left -= length;
      if (skip >= length) {
        skip -= length;
        continue;
      }
      if (part.bytesRef()) {
        stack.push(descend(part, part.offset() + from, length));
        continue;
      }
      long deliver = Math.min(length - skip, remaining);
      Leaf leaf = new Leaf(part.ref(), part.offset() + from + skip, deliver, frame.owner);
      skip = 0;
      remaining -= deliver;
      fetchSchemasAhead();
      return leaf;
    }
    return null;
  }

  /**
   * Starts fetching the nearest {@code bytes} blobs that the rest of the range reaches into, up to
   * {@link #schemasAhead} at a time: nearest first, frame by frame from the innermost.
   */
  private void fetchSchemasAhead() {
    // Positions are relative to the next byte after the leaf just returned.
    long base = 0;
    for (Frame frame : stack) {
      long start = base - frame.discard;
      for (int i = frame.index; i < frame.parts.size(); i++) {
        if (schemaFetches.size() >= schemasAhead) {
          return;
        }
        Part part = frame.parts.get(i);
        long end = start + part.size();
        if (start >= base + frame.left || start >= skip + remaining) {
          break;
        }
        if (part.bytesRef()
            && end > Math.max(base, skip)
            && !schemaFetches.containsKey(part.ref())) {
          BlobFetch fetch = new BlobFetch(part.ref(), fetcher);
          schemaFetches.put(part.ref(), fetch);
          executor.execute(fetch);
        }
        start = end;
      }
      base += frame.left;
    }
  }

  private Frame descend(Part part, long discard, long left) {
    BlobFetch ahead = schemaFetches.remove(part.ref());
    Blob blob = ahead == null ? fetcher.apply(part.ref()) : ahead.result();
    SchemaNode bytes = SchemaNode.parse(blob).requireType("bytes");
    List<Part> parts = bytes.parts();
    long total = totalSize(part.ref(), parts);
    // pk-put's parts cover a bytes blob exactly; a part with an offset may use a slice of it.
    boolean fits = part.offset() == 0 ? total == part.size() : total - discard >= left;
    if (!fits) {
      throw new InvalidSchemaException(
          part.ref(),
          "describes "
              + total
              + " bytes, but the part referring to it uses "
              + part.size()
              + " bytes from offset "
              + part.offset());
    }
    return new Frame(part.ref(), parts, discard, left);
  }

  /** Drops the {@code bytes} blobs fetched ahead and waits for those already running. */
  @Override
  public void close() {
    for (BlobFetch fetch : schemaFetches.values()) {
      fetch.awaitEnd();
    }
    schemaFetches.clear();
  }
}
