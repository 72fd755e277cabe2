package io.camlistore.client;

import io.camlistore.client.internal.ParallelTasks;
import io.camlistore.client.internal.file.ContentReader;
import io.camlistore.client.internal.file.DirectoryRestorer;
import io.camlistore.client.internal.file.DirectoryWriter;
import io.camlistore.client.internal.file.FileUploader;
import io.camlistore.client.internal.file.LocalMetadata;
import io.camlistore.client.internal.file.PartsInputStream;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Files and directory trees of any size, stored as Perkeep stores them. Obtain it from {@link
 * Connection#files()}. Thread-safe.
 *
 * <p>A file is cut into chunks of at most 1 MiB exactly as {@code pk-put file} cuts it, so the same
 * content gives the same blobs as Perkeep's own tools and is stored once; a tree of {@code bytes}
 * schema blobs groups the chunks, and a {@code file} schema blob names the file and records its
 * attributes. Its ref is what {@link #putFile(Path)} returns and {@link #getFile(BlobRef)} reads.
 *
 * <pre>{@code
 * FileClient files = conn.files();
 * BlobRef ref = files.putFile(Path.of("photo.jpg"));
 * try (FileContentStream in = files.getFile(ref)) {
 *   Files.copy(in, Path.of("copy.jpg"));
 * }
 * }</pre>
 *
 * <p>Uploads stream: chunks are sent while the file is read, in multipart requests of a few MiB,
 * {@link ConnectOptions#uploadParallelism()} requests at a time, each preceded by a stat so that
 * chunks the server has are not sent again. At most about {@code (uploadParallelism + 1) × 4 MiB}
 * (never more than 64 MiB) is held at once, whatever the file's size. A schema blob is sent only
 * after the server acknowledged everything it refers to, so an interrupted upload never leaves a
 * file schema whose content is missing. Downloads verify every chunk before returning its bytes,
 * and fetch the next {@link ConnectOptions#downloadParallelism()} chunks (at most 8 MiB of them) in
 * parallel while the current one is read, so a download is not one round trip per chunk.
 *
 * <p>{@link #putFiles(List)} stores many files in few round trips, each with its own {@link
 * FileResult}: one stat request per window of up to 1000 blobs for the whole batch, then multipart
 * requests carrying chunks, file schemas, permanodes and claims together. With {@link
 * FileOptions#contentPermanode()} each file also gets a permanode derived from its content, as
 * {@code pk-put file -filenodes} makes it, so storing the same files again makes the same blobs and
 * completes whatever an interrupted run left half-written. With {@link FileOptions#permanode()} a
 * new permanode is made, as {@code pk-put file -permanode} does.
 *
 * <p>Local file-system failures are {@link UncheckedIOException}s naming the path; everything else
 * is a {@link CamlistoreException}.
 */
public final class FileClient {
  private final BlobClient blobs;
  private final Supplier<Signer> signer;
  private final FilePermanodes permanodes;
  private final DirectoryWriter directories;
  private final FileBatchWriter batches;
  private final ContentReader reader;
  private final DirectoryRestorer restorer;

  /**
   * The threads file transfers run on.
   *
   * @param uploads runs upload requests (and directory restores)
   * @param uploadParallelism how many upload requests may run at once
   * @param downloads runs read-ahead fetches
   * @param downloadParallelism how many chunks one download may fetch at once
   * @param signing runs the signing of permanodes and claims
   * @param signingParallelism how many files are signed at once
   */
  record Threads(
      ParallelTasks uploads,
      int uploadParallelism,
      ParallelTasks downloads,
      int downloadParallelism,
      ParallelTasks signing,
      int signingParallelism) {}

  FileClient(
      BlobClient blobs, PermanodeClient permanodes, Supplier<Signer> signer, Threads threads) {
    this(blobs, permanodes, signer, threads, LocalMetadata::read);
  }

  /** With another source of file attributes, so tests can pin the recorded metadata. */
  FileClient(
      BlobClient blobs,
      PermanodeClient permanodes,
      Supplier<Signer> signer,
      Threads threads,
      LocalMetadata.Source metadata) {
    this.blobs = blobs;
    this.signer = signer;
    this.permanodes = new FilePermanodes(permanodes);
    this.directories =
        new DirectoryWriter(new FileUploader(Blob.DEFAULT_HASH), metadata, Blob.DEFAULT_HASH);
    this.batches =
        new FileBatchWriter(
            blobs,
            this.permanodes,
            signer,
            threads.signing(),
            threads.signingParallelism(),
            metadata);
    this.reader =
        new ContentReader(blobs::get, threads.downloads()::execute, threads.downloadParallelism());
    this.restorer =
        new DirectoryRestorer(
            blobs::get,
            file -> reader.open(file, 0, ContentReader.size(file)),
            threads.uploads()::execute,
            threads.uploadParallelism());
  }

  /**
   * Stores a file's content with its name and attributes as {@code pk-put file} records them: the
   * modification time, the change time when it differs, owner and group ids and names, and the
   * permission bits (as far as the platform reports them). A symlink is followed.
   *
   * @param file a regular file
   * @return the ref of the {@code file} schema blob
   * @throws IllegalArgumentException if the path is a directory or a root
   * @throws UncheckedIOException if the file cannot be read
   * @throws ServerException if the server did not store a blob
   * @throws ConnectionException if the server cannot be reached
   */
  public BlobRef putFile(Path file) {
    return putFile(file, FileOptions.defaults()).contentRef();
  }

  /**
   * Stores a file as {@link #putFile(Path)} does and, if the options ask for it, a permanode for
   * it, in the same requests: the permanode and its claims are sent after the file's blobs.
   *
   * @param file a regular file
   * @param options whether to make a permanode, and which
   * @return the file schema's ref and the permanode's, if one was made
   * @throws IllegalArgumentException if the path is a directory or a root
   * @throws UncheckedIOException if the file cannot be read
   * @throws ServerFeatureUnavailableException if a permanode is asked for and there is no signer
   * @throws ServerException if the server did not store a blob or signing failed
   * @throws ConnectionException if the server cannot be reached
   */
  public FileUpload putFile(Path file, FileOptions options) {
    return putFiles(List.of(FileSource.of(file, options))).get(0).uploadOrThrow();
  }

  /**
   * Stores content read from a stream as {@link #putFile(InputStream, String, FileMetadata)} does
   * and, if the options ask for it, a permanode for it.
   *
   * @param content the bytes; read to the end, not closed
   * @param fileName the file's base name, without {@code /}
   * @param metadata the attributes to record; {@link FileMetadata#empty()} for none
   * @param options whether to make a permanode, and which
   * @return the file schema's ref and the permanode's, if one was made
   * @throws IllegalArgumentException if the name is empty or contains {@code /}
   * @throws UncheckedIOException if reading the stream fails
   * @throws ServerFeatureUnavailableException if a permanode is asked for and there is no signer
   * @throws ServerException if the server did not store a blob or signing failed
   * @throws ConnectionException if the server cannot be reached
   */
  public FileUpload putFile(
      InputStream content, String fileName, FileMetadata metadata, FileOptions options) {
    return putFiles(List.of(FileSource.of(content, fileName, metadata, options)))
        .get(0)
        .uploadOrThrow();
  }

  /**
   * Stores content read from a stream as a file with the given name and attributes. With the
   * attributes pk-put would record, the file schema blob (and its ref) is the one pk-put makes.
   *
   * @param content the bytes; read to the end, not closed
   * @param fileName the file's base name, without {@code /}
   * @param metadata the attributes to record; {@link FileMetadata#empty()} for none
   * @return the ref of the {@code file} schema blob
   * @throws IllegalArgumentException if the name is empty or contains {@code /}
   * @throws UncheckedIOException if reading the stream fails
   * @throws ServerException if the server did not store a blob
   * @throws ConnectionException if the server cannot be reached
   */
  public BlobRef putFile(InputStream content, String fileName, FileMetadata metadata) {
    return putFile(content, fileName, metadata, FileOptions.defaults()).contentRef();
  }

  /**
   * Stores many files in few round trips, each with its own result: a file that cannot be read or
   * signed, or that the server refuses, fails alone and the others are stored.
   *
   * <p>The files are read one after the other on the calling thread and cut into chunks as {@link
   * #putFile(Path)} cuts them; their permanodes are signed meanwhile on every core. Everything goes
   * through one upload pipeline: one stat request names up to 1000 blobs of the batch, so a batch
   * of small files costs one stat per 250 or so files with permanodes, and multipart requests carry
   * chunks, file schemas, permanodes and claims together, each blob after everything it refers to.
   * Memory stays bounded as for one file.
   *
   * <p>Idempotent: whether a file is already stored is decided from its blobs (all of them are made
   * locally: chunks, schemas and, with {@link FileOptions#contentPermanode()}, the permanode and
   * claims), never from the search index, so storing a batch again after a crash or an interrupted
   * run uploads exactly what is missing and reports the rest as {@link
   * FileResult.Status#ALREADY_STORED}.
   *
   * <pre>{@code
   * List<FileSource> batch = new ArrayList<>();
   * for (Path file : filesToIngest) {
   *   batch.add(FileSource.of(file, FileOptions.contentPermanode()));
   * }
   * for (FileResult result : conn.files().putFiles(batch)) {
   *   if (result.failed()) {
   *     log.warn("{} failed", result.source(), result.error().get());
   *   }
   * }
   * }</pre>
   *
   * @param files the files, each stored once even if listed twice
   * @return one result per file, in the order given
   * @throws ServerFeatureUnavailableException if the server advertised no blob root
   * @throws CamlistoreException if the connection is closed or the thread is interrupted
   */
  public List<FileResult> putFiles(List<FileSource> files) {
    Objects.requireNonNull(files, "files");
    return batches.write(files);
  }

  /**
   * Opens a stored file's content. The file schema is fetched now; chunks are fetched as the stream
   * is read.
   *
   * @param fileRef the ref of a {@code file} schema blob
   * @return the content; the caller must close it
   * @throws NotFoundException if the server does not have the schema blob
   * @throws InvalidSchemaException if the blob is not a valid {@code file} schema
   * @throws HashMismatchException if the schema blob is corrupt
   */
  public FileContentStream getFile(BlobRef fileRef) {
    return getFile(fileRef, 0, Long.MAX_VALUE);
  }

  /**
   * Opens a byte range of a stored file's content, fetching only the chunks the range covers.
   *
   * @param fileRef the ref of a {@code file} schema blob
   * @param offset the first byte to return, 0 or more; at or past the end, the stream is empty
   * @param length the most bytes to return, 0 or more; fewer when the file ends first
   * @return the content of the range; the caller must close it
   * @throws IllegalArgumentException if the offset or length is negative
   * @throws NotFoundException if the server does not have the schema blob
   * @throws InvalidSchemaException if the blob is not a valid {@code file} schema
   * @throws HashMismatchException if the schema blob is corrupt
   */
  public FileContentStream getFile(BlobRef fileRef, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must not be negative: offset " + offset + ", length " + length);
    }
    SchemaNode file = reader.fileSchema(fileRef);
    long size = ContentReader.size(file);
    long start = Math.min(offset, size);
    long rangeLength = Math.min(length, size - start);
    PartsInputStream content = reader.open(file, start, rangeLength);
    return new FileContentStream(
        content, fileRef, file.fileName().orElse(null), file.metadata(), size, rangeLength);
  }

  /**
   * Stores a directory tree as {@code pk-put file} does: every regular file with its content, every
   * subdirectory, and every symlink as a {@code symlink} schema naming its target (links are not
   * followed); each directory becomes a {@code static-set} of its children and a {@code directory}
   * schema. Other nodes (FIFOs, sockets, devices) have no content and are skipped. Attributes are
   * recorded as {@link #putFile(Path)} records them.
   *
   * <p>Children are stored before the set that lists them, and the set before its directory.
   *
   * @param directory the directory
   * @return the ref of the {@code directory} schema blob
   * @throws IllegalArgumentException if the path is not a directory, or is a root
   * @throws UncheckedIOException if the tree cannot be read
   * @throws ServerException if the server did not store a blob
   * @throws ConnectionException if the server cannot be reached
   */
  public BlobRef putDirectory(Path directory) {
    return putDirectory(directory, FileOptions.defaults()).contentRef();
  }

  /**
   * Stores a directory tree as {@link #putDirectory(Path)} does and, if the options ask for it, a
   * new permanode for it ({@link FileOptions#permanode()}), sent after the whole tree.
   *
   * @param directory the directory
   * @param options whether to create a permanode, its title and tags
   * @return the directory schema's ref and the permanode's, if one was created
   * @throws IllegalArgumentException if the path is not a directory, or is a root, or the options
   *     ask for a {@link FileOptions#contentPermanode()} (only files have one)
   * @throws UncheckedIOException if the tree cannot be read
   * @throws ServerFeatureUnavailableException if a permanode is asked for and there is no signer
   * @throws ServerException if the server did not store a blob or signing failed
   * @throws ConnectionException if the server cannot be reached
   */
  public FileUpload putDirectory(Path directory, FileOptions options) {
    Objects.requireNonNull(options, "options");
    String name = DirectoryWriter.nameOf(directory);
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(directory + " is not a directory");
    }
    if (options.permanodeFromContent()) {
      throw new IllegalArgumentException(
          "a directory has no content permanode; store its files with putFiles and"
              + " FileOptions.contentPermanode(), or use FileOptions.permanode()");
    }
    Signer signing = options.createsPermanode() ? signer.get() : null;
    try (UploadPipeline pipeline = blobs.newPipeline(UploadPipeline.Failures.STOP_AT_FIRST)) {
      BlobRef ref = directories.write(directory, pipeline);
      BlobRef permanode =
          signing == null
              ? null
              : permanodes.add(
                  pipeline,
                  null,
                  signing,
                  FilePermanodes.addKey(pipeline, signing),
                  options,
                  name,
                  ref,
                  null,
                  null);
      pipeline.finish();
      return new FileUpload(ref, permanode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Restores a stored directory tree as {@code target}: the stored directory's children become the
   * target's children (its stored name is not used). Files get their content, modification time and
   * permission bits; directories their modification time and permission bits, set after their
   * children; symlinks are recreated with their stored target. Owners are not restored.
   *
   * <p>Nothing is overwritten: the target must be absent (it is created) or an empty directory.
   * Names are checked before use, so a schema cannot place anything outside the target.
   *
   * @param directoryRef the ref of a {@code directory} schema blob
   * @param target where to restore it
   * @throws IllegalArgumentException if the target exists and is not an empty directory
   * @throws UncheckedIOException if writing fails, or a name already exists
   * @throws InvalidSchemaException if a schema blob in the tree is malformed or unsafe
   * @throws NotFoundException if the server lacks a blob of the tree
   * @throws HashMismatchException if a blob is corrupt
   */
  public void getDirectory(BlobRef directoryRef, Path target) {
    try {
      restorer.restore(directoryRef, target);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "restoring " + directoryRef + " into " + target + " failed: " + e, e);
    }
  }
}
