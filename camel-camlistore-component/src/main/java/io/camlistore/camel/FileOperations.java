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
 * and a file schema), streaming it; getFile opens a stored file's content as a stream. Each reads
 * its input from the exchange and returns the body and headers to set.
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
   * Stores the body as a file. The body becomes the file schema's ref; the ref, size, file name and
   * (with the permanode option) permanode headers are set.
   */
  CamlistoreOperationResult putFile(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (body == null) {
      throw new IllegalArgumentException(
          "putFile needs a message body to store; it accepts " + FileBodies.ACCEPTED);
    }
    Stored stored = store(exchange, FileBodies.unwrap(body));
    return CamlistoreOperationResult.create(stored.ref(), stored.headers());
  }

  /**
   * Stores an unwrapped body as a file, streaming it: a stream is read to its end and closed.
   *
   * @param exchange the exchange, for the file name and permanode option
   * @param unwrapped the body as {@link FileBodies#unwrap(Object)} returns it
   * @return the stored file's ref and the headers describing it
   */
  Stored store(Exchange exchange, Object unwrapped) {
    Path local = unwrapped instanceof Path path ? path : null;
    String name = FileBodies.fileName(exchange, local);
    FileOptions fileOptions =
        options.permanode(exchange) ? FileOptions.permanode() : FileOptions.defaults();
    FileUpload upload;
    long size;
    if (local != null
        && local.getFileName() != null
        && name.equals(local.getFileName().toString())) {
      size = FileBodies.knownSize(local);
      upload = files.get().putFile(local, fileOptions);
    } else {
      // A renamed local file keeps its modification time; a stream has no attributes.
      FileMetadata metadata = local == null ? FileMetadata.empty() : modificationTime(local);
      try (CountingInputStream in =
          new CountingInputStream(
              local == null ? FileBodies.content(unwrapped) : Files.newInputStream(local))) {
        upload = files.get().putFile(in, name, metadata, fileOptions);
        size = in.count();
      } catch (IOException e) {
        throw new UncheckedIOException("reading the content of " + name + " failed: " + e, e);
      }
    }
    BlobRef permanode = upload.permanodeRef().orElse(null);
    return new Stored(
        upload.contentRef(),
        CamlistoreOperationResult.newHeaders()
            .blobRef(upload.contentRef())
            .blobSize(size)
            .fileName(name)
            .camliType("file")
            .permanodeRef(permanode));
  }

  /**
   * Opens a stored file's content as the body, a stream closed when the exchange completes. Sets
   * the file name (removed when the file has none) and size headers.
   *
   * @throws io.camlistore.client.NotFoundException if the server does not have the file schema
   * @throws io.camlistore.client.InvalidSchemaException if the blob is not a file schema
   */
  CamlistoreOperationResult getFile(Exchange exchange) {
    BlobRef ref = BlobRefs.single(exchange, CamlistoreOperation.getFile);
    FileContentStream in = files.get().getFile(ref);
    BlobOperations.closeOnCompletion(exchange, in, ref);
    return CamlistoreOperationResult.create(
        in,
        CamlistoreOperationResult.newHeaders()
            .blobRef(ref)
            .blobSize(in.fileSize())
            .fileName(in.fileName().orElse(null)));
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

  /** A stored file: its schema's ref and the headers that describe it. */
  record Stored(BlobRef ref, CamlistoreOperationResult.Headers headers) {}

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
