package io.camlistore.camel;

import io.camlistore.protocol.BlobRef;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The delivered refs kept in a sorted text file, one ref per line after a header line, that each
 * sweep reads once from start to end while it writes the next one beside it ({@code <file>.sweep}):
 * the refs it settled, in order. When the sweep completes, the new file replaces the old one (an
 * atomic move after a sync to disk). Memory stays constant whatever the number of blobs.
 *
 * <p>A crash leaves the old file whole and the sweep file with a prefix of what was written (a torn
 * last line is cut off when it is opened again): the sweep resumes after the last ref in it and
 * delivers again only what completed after the last flush. A file of the former cursor format (one
 * line, a ref) reads as every blob up to that ref delivered; the first sweep rewrites it in this
 * format. A lock keeps the files to one running consumer.
 */
final class DeliveredRefsFile implements DeliveredRefs {
  /** The first line of a state file and of a sweep file. */
  static final String HEADER = "# camlistore enumerate consumer: delivered blob refs, sorted";

  private final Path path;
  private final Path sweepPath;
  private final StateFileLock lock;
  private BaseReader base;
  private FileChannel channel;
  private BufferedWriter writer;
  private @Nullable String resumeAfter;
  private boolean closed;

  private DeliveredRefsFile(Path path) throws IOException {
    this.path = path;
    this.sweepPath = sweepFileOf(path);
    this.lock = StateFileLock.acquire(path);
    try {
      this.resumeAfter = Files.exists(sweepPath) ? recoverSweepFile() : createSweepFile();
      this.base = BaseReader.open(path);
      this.channel =
          FileChannel.open(sweepPath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      this.writer = writerOn(channel);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** {@return the file a sweep writes beside the state file} */
  static Path sweepFileOf(Path path) {
    return path.resolveSibling(path.getFileName() + ".sweep");
  }

  /** {@return every file the set keeps: the state file, the sweep file and the lock file} */
  static List<Path> filesOf(Path path) {
    return List.of(path, sweepFileOf(path), StateFileLock.lockFileOf(path));
  }

  /**
   * Opens the state file, creating it and its directories when missing.
   *
   * @param path the state file
   * @return the set
   * @throws UncheckedIOException if the file cannot be read or written
   * @throws IllegalStateException if it is neither a state file nor a former cursor file
   */
  static DeliveredRefsFile open(Path path) {
    try {
      return new DeliveredRefsFile(path);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the enumerate state file " + path + ": " + e.getMessage(), e);
    }
  }

  private static BufferedWriter writerOn(FileChannel channel) {
    return new BufferedWriter(
        new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.US_ASCII),
        1 << 16);
  }

  /** Starts an empty sweep file; {@return null: the sweep starts at the beginning} */
  private @Nullable String createSweepFile() throws IOException {
    Files.writeString(sweepPath, HEADER + "\n", StandardCharsets.US_ASCII);
    return null;
  }

  /**
   * Cuts a torn last line off the sweep file.
   *
   * @return the last ref in it, where the sweep resumes; null when it holds none
   */
  private @Nullable String recoverSweepFile() throws IOException {
    try (FileChannel file =
        FileChannel.open(sweepPath, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = file.size();
      int tail = (int) Math.min(size, 4096);
      ByteBuffer buffer = ByteBuffer.allocate(tail);
      file.read(buffer, size - tail);
      byte[] bytes = buffer.array();
      int end = lastIndexOf(bytes, tail - 1);
      if (end < 0) {
        // Not even the header line was completed.
        return createSweepFile();
      }
      file.truncate(size - tail + end + 1);
      int start = lastIndexOf(bytes, end - 1) + 1;
      String last = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
      if (last.equals(HEADER)) {
        return null;
      }
      if (start == 0 && tail < size) {
        throw new IllegalStateException(
            sweepPath + " is not an enumerate sweep file: its last line is too long");
      }
      if (BlobRef.parseOrNull(last) == null) {
        throw new IllegalStateException(
            sweepPath + " is not an enumerate sweep file: its last line is not a blob ref");
      }
      return last;
    }
  }

  private static int lastIndexOf(byte[] bytes, int from) {
    for (int i = from; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public synchronized @Nullable String resumeAfter() {
    return resumeAfter;
  }

  @Override
  public synchronized boolean contains(String ref) {
    return base.contains(ref);
  }

  @Override
  public synchronized void passed(String ref, boolean fresh) {
    if (closed) {
      return;
    }
    try {
      writer.write(ref);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sweepPath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void flush() {
    if (closed) {
      return;
    }
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sweepPath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void sweepCompleted() {
    try {
      syncAndCloseWriter();
      base.close();
      Files.move(
          sweepPath, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      resumeAfter = createSweepFile();
      base = BaseReader.open(path);
      channel = FileChannel.open(sweepPath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      writer = writerOn(channel);
    } catch (IOException e) {
      closed = true;
      throw new UncheckedIOException(
          "cannot replace " + path + " with " + sweepPath + ": " + e.getMessage(), e);
    }
  }

  private void syncAndCloseWriter() throws IOException {
    writer.flush();
    channel.force(true);
    writer.close();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      syncAndCloseWriter();
      base.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + sweepPath + ": " + e.getMessage(), e);
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "state file " + path;
  }

  /** Reads the refs an earlier sweep recorded, forward only. */
  private static final class BaseReader implements AutoCloseable {
    private final Path path;
    private final @Nullable BufferedReader reader;
    private final @Nullable String formerCursor;
    private @Nullable String current;
    private long line;

    private BaseReader(Path path, @Nullable BufferedReader reader, @Nullable String formerCursor) {
      this.path = path;
      this.reader = reader;
      this.formerCursor = formerCursor;
    }

    static BaseReader open(Path path) throws IOException {
      if (!Files.exists(path)) {
        return new BaseReader(path, null, null);
      }
      BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII);
      String first = reader.readLine();
      if (first != null && first.equals(HEADER)) {
        BaseReader base = new BaseReader(path, reader, null);
        base.line = 1;
        base.current = base.next();
        return base;
      }
      reader.close();
      List<String> lines =
          Files.readAllLines(path, StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(text -> !text.isEmpty())
              .toList();
      if (lines.isEmpty()) {
        return new BaseReader(path, null, null);
      }
      if (lines.size() > 1) {
        throw new IllegalStateException(
            path
                + " is neither an enumerate state file (its first line is not '"
                + HEADER
                + "') nor a former cursor file (one line)");
      }
      return new BaseReader(path, null, lines.get(0));
    }

    boolean contains(String ref) {
      if (formerCursor != null) {
        return ref.compareTo(formerCursor) <= 0;
      }
      try {
        while (current != null && current.compareTo(ref) < 0) {
          current = next();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
      }
      return ref.equals(current);
    }

    private @Nullable String next() throws IOException {
      if (reader == null) {
        return null;
      }
      String text = reader.readLine();
      line++;
      if (text == null) {
        return null;
      }
      if (current != null && text.compareTo(current) <= 0) {
        throw new IllegalStateException(
            path + " is not sorted: line " + line + " (" + text + ") is not after " + current);
      }
      return text;
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
