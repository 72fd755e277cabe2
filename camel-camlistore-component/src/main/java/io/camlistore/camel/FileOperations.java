package io.camlistore.camel;

import io.camlistore.client.BlobRef;
import io.camlistore.client.FileClient;
import io.camlistore.client.FileContentStream;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.FileOptions;
import io.camlistore.client.FileUpload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * The file operations: putFile stores content of any size as a Perkeep file (chunks, a bytes tree
 * and a file schema), streaming it; getFile fetches a stored file's content. Each reads its input
 * from the exchange and returns the body and headers to set.
 */
final class FileOperations {
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
    Path local = FileBodies.localFile(body);
    String name = FileBodies.fileName(exchange, local);
    FileOptions fileOptions =
        options.permanode(exchange) ? FileOptions.permanode() : FileOptions.defaults();
    FileUpload upload;
    long size;
    if (local != null
        && local.getFileName() != null
        && name.equals(local.getFileName().toString())) {
      size = fileSize(local);
      upload = files.get().putFile(local, fileOptions);
    } else {
      // A renamed local file keeps its modification time; a stream has no attributes.
      FileMetadata metadata = local == null ? FileMetadata.empty() : modificationTime(local);
      try (CountingInputStream in =
          new CountingInputStream(
              local == null ? FileBodies.content(body, exchange) : Files.newInputStream(local))) {
        upload = files.get().putFile(in, name, metadata, fileOptions);
        size = in.count();
      } catch (IOException e) {
        throw new UncheckedIOException("reading the content of " + name + " failed: " + e, e);
      }
    }
    return CamlistoreOperationResult.create(
        upload.contentRef(),
        CamlistoreOperationResult.newHeaders()
            .blobRef(upload.contentRef())
            .blobSize(size)
            .fileName(name)
            .camliType("file")
            .permanodeRef(upload.permanodeRef().orElse(null)));
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
            .fileName(in.fileName().orElse(null)));
  }

  private static long fileSize(Path local) {
    try {
      return Files.size(local);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the size of " + local + " failed: " + e, e);
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
