package io.camlistore.camel;

import io.camlistore.client.FileClient;
import io.camlistore.client.FileContentStream;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.FileOptions;
import io.camlistore.client.FileResult;
import io.camlistore.client.FileSource;
import io.camlistore.client.FileUpload;
import io.camlistore.protocol.BlobRef;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jspecify.annotations.Nullable;

/**
 * The file operations: putFile stores content of any size as a Perkeep file (chunks, a bytes tree
 * and a file schema), streaming it; putFiles stores a batch of them in few round trips; getFile
 * fetches a stored file's content. Each reads its input from the exchange and returns the body and
 * headers to set.
 */
final class FileOperations {
  /** The exchange property where a failed putFiles attempt leaves the files it stored. */
  private static final String STORED_BY_EARLIER_ATTEMPTS = "CamelCamlistoreStoredByEarlierAttempts";

  private final Supplier<FileClient> files;
  private final CamlistoreConfigurationOptionsProxy options;

  /**
   * Creates the operations.
   *
   * @param files supplies the file client, connecting on first use
   * @param options resolves per-message options
   */
  FileOperations(Supplier<FileClient> files, CamlistoreConfigurationOptionsProxy options) {
    this.files = files;
    this.options = options;
  }

  /**
   * Stores the body as a file of any size, streaming it: a local file (File, Path, a local Camel
   * file) with its modification time, anything else as Camel's type converters turn it into a
   * stream, read to its end and closed. The body becomes the file schema's ref; the ref, size, file
   * name and (with the permanode option) permanode headers are set.
   */
  CamlistoreOperationResult putFile(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (body == null) {
      throw new IllegalArgumentException(
          "putFile needs a message body to store: a file, or anything Camel converts to an"
              + " InputStream");
    }
    try (FileItem item =
        FileItem.of(exchange, exchange.getMessage(), body, "putFile: the body", options)) {
      FileUpload upload = files.get().putFiles(List.of(item.source)).get(0).uploadOrThrow();
      return CamlistoreOperationResult.create(
          upload.contentRef(),
          CamlistoreOperationResult.newHeaders()
              .blobRef(upload.contentRef())
              .blobSize(item.size())
              .fileName(item.source.fileName())
              .camliType("file")
              .permanodeRef(upload.permanodeRef()));
    }
  }

  /**
   * Stores a batch of files in few round trips, as {@link FileClient#putFiles(List)} does: the body
   * is a collection whose items are exchanges (as Camel's aggregator groups them, or a batch
   * consumer's group), each stored as putFile stores its body and named by its headers, or bare
   * files and bodies putFile takes. The body becomes the list of {@link FileResult}s, in the
   * batch's order.
   *
   * @throws IllegalArgumentException if the body is not a collection, or an item cannot be stored
   *     (no body, no name, no conversion to a stream), naming the item; nothing is stored then
   * @throws FilesNotStoredException if some files could not be stored, after every other one was
   */
  CamlistoreOperationResult putFiles(Exchange exchange) {
    List<?> items = batchItems(exchange.getMessage().getBody());
    List<FileItem> batch = new ArrayList<>(items.size());
    try {
      for (int i = 0; i < items.size(); i++) {
        batch.add(item(exchange, items.get(i), i));
      }
      List<FileResult> results =
          withEarlierAttempts(
              exchange, files.get().putFiles(batch.stream().map(item -> item.source).toList()));
      if (results.stream().anyMatch(FileResult::failed)) {
        exchange.setProperty(STORED_BY_EARLIER_ATTEMPTS, storedIn(results));
        throw new FilesNotStoredException(results);
      }
      exchange.removeProperty(STORED_BY_EARLIER_ATTEMPTS);
      return CamlistoreOperationResult.create(results, CamlistoreOperationResult.newHeaders());
    } finally {
      batch.forEach(FileItem::close);
    }
  }

  /**
   * A redelivered batch finds the files an earlier attempt stored already stored: they are reported
   * as that attempt stored them, so that the exchange tells what it stored.
   */
  private static List<FileResult> withEarlierAttempts(Exchange exchange, List<FileResult> results) {
    Map<?, ?> earlier = exchange.getProperty(STORED_BY_EARLIER_ATTEMPTS, Map.class);
    if (earlier == null) {
      return results;
    }
    List<FileResult> merged = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      FileResult result = results.get(i);
      merged.add(
          result.status() == FileResult.Status.ALREADY_STORED
                  && earlier.get(i) instanceof FileResult stored
                  && Objects.equals(stored.upload(), result.upload())
              ? stored
              : result);
    }
    return merged;
  }

  /** {@return the files stored by this attempt or an earlier one, by their place in the batch} */
  private static Map<Integer, FileResult> storedIn(List<FileResult> results) {
    Map<Integer, FileResult> stored = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).status() == FileResult.Status.STORED) {
        stored.put(i, results.get(i));
      }
    }
    return stored;
  }

  private static List<?> batchItems(@Nullable Object body) {
    if (body instanceof Collection<?> collection) {
      return List.copyOf(collection);
    }
    if (body instanceof Object[] array) {
      return Arrays.asList(array);
    }
    throw new IllegalArgumentException(
        "putFiles needs a collection body: exchanges (as an aggregator with"
            + " GroupedExchangeAggregationStrategy makes them) or files; got "
            + (body == null ? "no body" : "a " + body.getClass().getName())
            + ". Store a single file with putFile");
  }

  private FileItem item(Exchange exchange, @Nullable Object item, int index) {
    String what = "putFiles: item " + index;
    Message message = item instanceof Exchange grouped ? grouped.getMessage() : null;
    Object body = message == null ? item : message.getBody();
    if (body == null) {
      throw new IllegalArgumentException(what + " has no body to store");
    }
    return FileItem.of(exchange, message, body, what, options);
  }

  /**
   * One file to store: its source for the client and, for a stream, what counts its size and is
   * closed after storing.
   */
  private static final class FileItem implements AutoCloseable {
    final FileSource source;
    private final @Nullable Path local;
    private final @Nullable CountingInputStream stream;

    private FileItem(
        FileSource source, @Nullable Path local, @Nullable CountingInputStream stream) {
      this.source = source;
      this.local = local;
      this.stream = stream;
    }

    /**
     * A local file stored under its own name is read (with its attributes) by the client; anything
     * else is opened as a stream now: a renamed local file keeps its modification time, other
     * content has no attributes.
     */
    static FileItem of(
        Exchange exchange,
        @Nullable Message message,
        Object body,
        String what,
        CamlistoreConfigurationOptionsProxy options) {
      Path local = FileBodies.localFile(body);
      String name = FileBodies.fileName(message, local, what);
      FileOptions fileOptions = options.fileOptions(exchange, name);
      if (local != null
          && local.getFileName() != null
          && name.equals(local.getFileName().toString())) {
        return new FileItem(FileSource.of(local, fileOptions), local, null);
      }
      FileMetadata metadata = local == null ? FileMetadata.empty() : modificationTime(local);
      CountingInputStream in =
          new CountingInputStream(
              local == null ? FileBodies.content(body, exchange, what) : open(local));
      return new FileItem(FileSource.of(in, name, metadata, fileOptions), null, in);
    }

    /** {@return the bytes stored: the local file's size, or what was read from the stream} */
    long size() {
      return stream != null ? stream.count() : fileSize(Objects.requireNonNull(local));
    }

    @Override
    public void close() {
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException e) {
          // The content was read to its end, or the store failed and says why.
        }
      }
    }
  }

  /**
   * Fetches a stored file's content as the body, every chunk verified: kept so that it can be read
   * after the exchange ({@link CachedContent}, spooled to disk as Camel's stream caching does);
   * with the streamDownload option, the stream itself, read while the route reads it and closed
   * when the exchange completes. Sets the file name (removed when the file has none) and size
   * headers.
   *
   * @throws io.camlistore.client.NotFoundException if the server does not have the file schema
   * @throws io.camlistore.client.InvalidSchemaException if the blob is not a file schema
   * @throws IllegalStateException if the file is over 16 MiB and the CamelContext's stream cache
   *     does not spool to disk, so that it would be held in memory whole
   */
  CamlistoreOperationResult getFile(Exchange exchange) {
    BlobRef ref = BlobRefs.single(exchange, CamlistoreOperation.getFile);
    FileContentStream in = files.get().getFile(ref);
    Object body = DownloadBodies.body(exchange, in, in.fileSize(), ref, options.streamDownload());
    return CamlistoreOperationResult.create(
        body,
        CamlistoreOperationResult.newHeaders()
            .blobRef(ref)
            .blobSize(in.fileSize())
            .fileName(in.fileName()));
  }

  private static long fileSize(Path local) {
    try {
      return Files.size(local);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the size of " + local + " failed: " + e, e);
    }
  }

  private static InputStream open(Path local) {
    try {
      return Files.newInputStream(local);
    } catch (IOException e) {
      throw new UncheckedIOException("opening " + local + " failed: " + e, e);
    }
  }

  private static FileMetadata modificationTime(Path local) {
    try {
      return FileMetadata.builder()
          .modificationTime(Files.getLastModifiedTime(local).toInstant())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the attributes of " + local + " failed: " + e, e);
    }
  }

  /** Counts the bytes read through it, to report the size of a stream stored as a file. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
