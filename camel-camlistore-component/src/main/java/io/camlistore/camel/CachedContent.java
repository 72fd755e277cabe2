package io.camlistore.camel;

import java.io.Closeable;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The content {@code get} or {@code getFile} fetched, kept as Camel's stream caching keeps a body:
 * in memory up to the CamelContext's spool threshold, beyond it in a file of its spool directory
 * (encrypted with its spool cipher, if any), per its {@link
 * org.apache.camel.spi.StreamCachingStrategy}. It outlives the exchange: read it after {@code
 * ProducerTemplate.request(...)} returns, as often as needed. Every read starts at the beginning.
 *
 * <p>Convert it as any body: {@code getBody(String.class)} (the exchange's charset, else UTF-8),
 * {@code byte[]}, {@code InputStream} (a new stream each time) or {@code File} (the content written
 * to a file once, in the spool directory or else {@code java.io.tmpdir}, unencrypted even with a
 * spool cipher: a file was asked for). The spool file and that file are deleted by {@link
 * #close()}, else once the body is no longer referenced, else when the CamelContext stops and
 * removes its spool directory; keep the body (or the exchange) while you use a file you got from
 * it.
 *
 * <p>Thread-safe: it never changes, and each read has its own stream.
 */
public final class CachedContent implements StreamCache, Closeable {
  private static final Cleaner FILES = Cleaner.create();

  private final Storage storage;
  private final Cleaner.Cleanable cleanable;
  private final long length;
  private final boolean inMemory;

  private CachedContent(Storage storage, long length, boolean inMemory) {
    this.storage = storage;
    this.length = length;
    this.inMemory = inMemory;
    this.cleanable = FILES.register(this, storage);
  }

  /**
   * Reads a stream to its end into Camel's stream cache, and closes it.
   *
   * @param content what to keep; a verifying stream throws while being read if it is corrupt
   * @param exchange the exchange whose CamelContext's stream caching settings apply
   * @return the kept content
   * @throws UncheckedIOException if reading or spooling fails; nothing is kept then
   */
  static CachedContent read(InputStream content, Exchange exchange) {
    // Not closed with the exchange: the body outlives it. Closing the content cleans it up.
    CachedOutputStream cache = new CachedOutputStream(exchange, false);
    Storage storage = new Storage(cache, spoolDirectory(exchange));
    try (content) {
      long length = content.transferTo(cache);
      cache.flush();
      StreamCache first = cache.newStreamCache();
      boolean inMemory = first.inMemory();
      closeQuietly(first);
      return new CachedContent(storage, length, inMemory);
    } catch (IOException e) {
      storage.run();
      throw new UncheckedIOException("keeping the content failed: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      storage.run();
      throw e;
    }
  }

  private static @Nullable Path spoolDirectory(Exchange exchange) {
    File directory = exchange.getContext().getStreamCachingStrategy().getSpoolDirectory();
    return directory == null ? null : directory.toPath();
  }

  /**
   * {@return a new stream over the whole content; closing it leaves this body readable}
   *
   * @throws UncheckedIOException if the spool file cannot be read (it was closed, or removed)
   */
  public InputStream openStream() {
    return new Reader(this, storage.newStream());
  }

  /**
   * {@return the whole content}
   *
   * @throws IllegalStateException if it is larger than a byte array can be
   * @throws UncheckedIOException if the spool file cannot be read
   */
  public byte[] toByteArray() {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "the content has " + length + " bytes, more than a byte[] holds; read it as a stream");
    }
    try (InputStream in = openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the kept content failed: " + e.getMessage(), e);
    }
  }

  /**
   * {@return a file holding the content: written on the first call, the same file afterwards}
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public File toFile() {
    return storage.file(this).toFile();
  }

  /** {@return the content's size in bytes} */
  @Override
  public long length() {
    return length;
  }

  /** {@return whether the content is held in memory rather than spooled to disk} */
  @Override
  public boolean inMemory() {
    return inMemory;
  }

  /** Does nothing: every read starts at the beginning anyway. */
  @Override
  public void reset() {
    // Each read has its own stream, so there is no position to rewind.
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (InputStream in = openStream()) {
      in.transferTo(out);
    }
  }

  /** {@return this body: it never changes, and each read has its own stream} */
  @Override
  public StreamCache copy(Exchange exchange) {
    return this;
  }

  /** {@return -1: there is no shared read position} */
  @Override
  public long position() {
    return -1;
  }

  /** Deletes the spool file and any file {@link #toFile()} wrote; reads fail from then on. */
  @Override
  public void close() {
    cleanable.clean();
  }

  @Override
  public String toString() {
    return "CachedContent{" + length + " bytes, " + (inMemory ? "in memory" : "spooled") + "}";
  }

  private static void closeQuietly(StreamCache cache) {
    if (cache instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // Only releases a file handle of a stream that was never read.
      }
    }
  }

  /**
   * The cache and the file written for {@link #toFile()}; also the clean-up action, which must not
   * refer to the {@link CachedContent} it cleans up after.
   */
  private static final class Storage implements Runnable {
    private final CachedOutputStream cache;
    private final @Nullable Path directory;
    private @Nullable Path file;
    private boolean released;

    Storage(CachedOutputStream cache, @Nullable Path directory) {
      this.cache = cache;
      this.directory = directory;
    }

    synchronized InputStream newStream() {
      if (released) {
        throw new IllegalStateException("the content was closed");
      }
      try {
        return (InputStream) cache.newStreamCache();
      } catch (IOException e) {
        throw new UncheckedIOException("reading the kept content failed: " + e.getMessage(), e);
      }
    }

    synchronized Path file(CachedContent content) {
      if (file != null) {
        return file;
      }
      try {
        Path written =
            directory != null && Files.isDirectory(directory)
                ? Files.createTempFile(directory, "camlistore-", ".bin")
                : Files.createTempFile("camlistore-", ".bin");
        try (InputStream in = content.openStream();
            OutputStream out = Files.newOutputStream(written)) {
          in.transferTo(out);
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(written);
          throw e;
        }
        file = written;
        return written;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "writing the content to a file failed: " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized void run() {
      if (released) {
        return;
      }
      released = true;
      try {
        // Deletes the spool file, if the content was spooled.
        cache.close();
      } catch (IOException e) {
        // Camel's spool directory is removed when the CamelContext stops.
      }
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // Left in the temporary directory.
        }
        file = null;
      }
    }
  }

  /** A stream over the content that keeps the body, and so its spool file, alive while open. */
  private static final class Reader extends FilterInputStream {
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final CachedContent owner;

    Reader(CachedContent owner, InputStream in) {
      super(in);
      this.owner = owner;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, length);
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
      return in.transferTo(out);
    }
  }
}
