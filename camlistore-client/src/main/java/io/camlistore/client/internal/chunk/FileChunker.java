package io.camlistore.client.internal.chunk;

import io.camlistore.client.Blob;
import io.camlistore.protocol.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into chunk blobs exactly as pk-put does (PROTOCOL.md §10.2), so that the same
 * content gives the same chunks, {@code bytes} blobs and {@code parts} as Perkeep's own tools.
 *
 * <p>The first chunk of a file larger than 256 KiB is exactly 262 144 bytes; later chunks end where
 * the {@link RollSum rolling checksum} marks a boundary, and are 65 537 bytes to 1 MiB long (only
 * the last chunk may be shorter). Only the bytes where a boundary may fall are rolled. Memory use
 * is bounded: one buffer of at most 1 MiB, whatever the file size (small files use a small one).
 *
 * <pre>{@code
 * FileParts layout = new FileChunker("sha224").chunk(in, (blob, kind) -> upload(blob));
 * Map<String, Object> schema = FileSchema.file("photo.jpg", layout.parts(), metadata);
 * }</pre>
 *
 * <p>Instances hold no state between calls and may be shared.
 */
public final class FileChunker {
  /** The largest chunk: 1 MiB. */
  public static final int MAX_CHUNK_SIZE = 1 << 20;

  /** The first chunk of a larger file is exactly this long: 256 KiB. */
  static final int FIRST_CHUNK_SIZE = 256 << 10;

  /** A chunk after the first must be longer than this before a checksum boundary can end it. */
  static final int TOO_SMALL = 64 << 10;

  /** Boundary weights fixed by pk-put for size-based cuts and the final chunk. */
  private static final int MAX_SIZE_BITS = 20;

  private static final int FIRST_CHUNK_BITS = 18;
  private static final int LAST_CHUNK_BITS = 0;

  private static final int READ_SIZE = 64 << 10;

  private final String hashName;

  /** Creates a chunker that names blobs with {@code sha224}, as Perkeep does. */
  public FileChunker() {
    this(Blob.DEFAULT_HASH);
  }

  /**
   * Creates a chunker.
   *
   * @param hashName the hash function for chunk and {@code bytes} blob refs
   * @throws IllegalArgumentException if the hash function is not supported
   */
  public FileChunker(String hashName) {
    this.hashName = HashAlgorithm.require(hashName).blobRefName();
  }

  /**
   * Reads a stream to its end, passing every chunk and {@code bytes} blob to the sink as soon as it
   * is complete.
   *
   * @param in the content; read to the end, not closed
   * @param sink receives the blobs in a safe upload order
   * @return the file's {@code parts} and size
   * @throws IOException if reading fails or the sink throws
   */
  public FileParts chunk(InputStream in, ChunkSink sink) throws IOException {
    // Grown on demand up to MAX_CHUNK_SIZE, so that a small file costs a small buffer.
    byte[] buf = new byte[READ_SIZE];
    RollSum rollSum = new RollSum();
    SpanTree tree = new SpanTree(hashName, sink);
    long chunkStart = 0; // file offset of buf[0], the start of the current chunk
    int filled = 0; // bytes of the current chunk read into buf
    int scanned = 0; // bytes of buf already rolled
    while (true) {
      if (scanned == filled) {
        if (filled == buf.length) {
          buf = Arrays.copyOf(buf, Math.min(MAX_CHUNK_SIZE, buf.length * 2));
        }
        int read = in.read(buf, filled, Math.min(READ_SIZE, buf.length - filled));
        if (read < 0) {
          break;
        }
        filled += read;
        continue;
      }
      // The first chunk always runs to FIRST_CHUNK_SIZE: boundaries count only after it.
      int limit = chunkStart == 0 ? FIRST_CHUNK_SIZE : MAX_CHUNK_SIZE;
      int end = Math.min(filled, limit);
      int split = -1;
      if (chunkStart == 0 || end <= TOO_SMALL) {
        // No boundary can end the chunk in these bytes (the first chunk is cut by size only, a
        // later one only past TOO_SMALL bytes), and the checksum depends on the last 64 bytes
        // alone: they need no rolling, which saves most of the rolling of a large file.
        scanned = end;
      } else {
        if (scanned <= TOO_SMALL) {
          rollSum.restartAfter(buf, TOO_SMALL);
          scanned = TOO_SMALL;
        }
        split = rollSum.rollUntilSplit(buf, scanned, end);
        scanned = split < 0 ? end : split + 1;
      }
      int bits = cutBits(chunkStart, scanned, split >= 0, rollSum);
      if (bits < 0) {
        continue;
      }
      emit(buf, scanned, bits, sink, tree);
      System.arraycopy(buf, scanned, buf, 0, filled - scanned);
      chunkStart += scanned;
      filled -= scanned;
      scanned = 0;
    }
    if (filled > 0) {
      emit(buf, filled, LAST_CHUNK_BITS, sink, tree);
      chunkStart += filled;
    }
    return new FileParts(tree.parts(), chunkStart);
  }

  /**
   * Applies pk-put's cut rules, first match wins, to the chunk ending after {@code size} bytes.
   *
   * @return the boundary's weight, or -1 for no cut
   */
  private static int cutBits(long chunkStart, int size, boolean onSplit, RollSum rollSum) {
    long consumed = chunkStart + size;
    if (size == MAX_CHUNK_SIZE) {
      return MAX_SIZE_BITS;
    }
    if (onSplit && consumed > FIRST_CHUNK_SIZE && size > TOO_SMALL) {
      return rollSum.bits();
    }
    if (consumed == FIRST_CHUNK_SIZE) {
      return FIRST_CHUNK_BITS;
    }
    return -1;
  }

  private void emit(byte[] buf, int size, int bits, ChunkSink sink, SpanTree tree)
      throws IOException {
    Blob chunk = Blob.copyOfRange(buf, 0, size, hashName);
    sink.accept(chunk, ChunkSink.Kind.CHUNK);
    tree.add(chunk.blobRef(), size, bits);
  }
}
