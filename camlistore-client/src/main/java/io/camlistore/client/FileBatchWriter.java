package io.camlistore.client;

import io.camlistore.client.internal.ParallelTasks;
import io.camlistore.client.internal.file.FileUploader;
import io.camlistore.client.internal.file.LocalMetadata;
import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Stores a batch of files through one upload pipeline, each file with its own outcome: reads and
 * chunks the files one after the other on the calling thread, signs their permanodes on the
 * connection's signing threads meanwhile (all cores, a bounded number of files ahead), and lets the
 * pipeline ask the server once per window of blobs which it already has. A file that cannot be read
 * or signed, or whose blobs the server refuses, fails alone. Thread-safe.
 */
final class FileBatchWriter {
  private final BlobClient blobs;
  private final FilePermanodes permanodes;
  private final Supplier<Signer> signer;
  private final ParallelTasks signing;
  private final int signingParallelism;
  private final LocalMetadata.Source metadata;
  private final FileUploader uploader = new FileUploader(Blob.DEFAULT_HASH);

  /**
   * Creates the writer.
   *
   * @param blobs opens the upload pipeline
   * @param permanodes makes the permanodes
   * @param signer the connection's signer, asked for only when a file needs a permanode
   * @param signing the threads that sign
   * @param signingParallelism how many files are signed at once
   * @param metadata reads local files' attributes
   */
  FileBatchWriter(
      BlobClient blobs,
      FilePermanodes permanodes,
      Supplier<Signer> signer,
      ParallelTasks signing,
      int signingParallelism,
      LocalMetadata.Source metadata) {
    this.blobs = blobs;
    this.permanodes = permanodes;
    this.signer = signer;
    this.signing = signing;
    this.signingParallelism = signingParallelism;
    this.metadata = metadata;
  }

  /**
   * Stores the files.
   *
   * @param sources the files
   * @return one result per file, in order
   * @throws ServerFeatureUnavailableException if the server advertised no blob root
   * @throws CamlistoreException if the connection is closed or the thread is interrupted
   */
  List<FileResult> write(List<FileSource> sources) {
    List<FileSource> files = List.copyOf(sources);
    try (UploadPipeline pipeline = blobs.newPipeline(UploadPipeline.Failures.PER_UNIT)) {
      Batch batch = new Batch(pipeline, files);
      try {
        for (int i = 0; i < files.size(); i++) {
          batch.store(i);
        }
      } finally {
        batch.awaitSigning();
      }
      pipeline.finish();
      return batch.results();
    }
  }

  /** The state of one {@link #write} call. */
  private final class Batch {
    private final UploadPipeline pipeline;
    private final List<FileSource> files;
    private final UploadPipeline.Unit[] units;
    private final @Nullable BlobRef[] fileRefs;
    private final @Nullable BlobRef[] permanodeRefs;

    /** Files signed at once, and queued for signing: enough to keep every signing thread busy. */
    private final int signingPermits = 2 * signingParallelism;

    private final Semaphore signingSlots = new Semaphore(signingPermits);
    private @Nullable Signer batchSigner;
    private @Nullable RuntimeException signerFailure;
    private List<BlobRef> keyChildren = List.of();

    Batch(UploadPipeline pipeline, List<FileSource> files) {
      this.pipeline = pipeline;
      this.files = files;
      this.units = new UploadPipeline.Unit[files.size()];
      this.fileRefs = new BlobRef[files.size()];
      this.permanodeRefs = new BlobRef[files.size()];
    }

    /** Reads one file into the pipeline and starts signing its permanode; never throws. */
    void store(int index) {
      FileSource source = files.get(index);
      UploadPipeline.Unit unit = pipeline.newUnit();
      units[index] = unit;
      Path path = source.path();
      try {
        if (path != null) {
          if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                path + " is a directory: store it with putDirectory");
          }
          try (InputStream in = Files.newInputStream(path)) {
            // Attributes first, as pk-put does: they describe the content read just after.
            store(index, unit, in, metadata.read(path, true));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
          }
        } else {
          try {
            store(
                index,
                unit,
                Objects.requireNonNull(source.content()),
                Objects.requireNonNull(source.metadata()));
          } catch (IOException e) {
            throw new UncheckedIOException(
                "reading the content of " + source.fileName() + " failed: " + e.getMessage(), e);
          }
        }
      } catch (RuntimeException e) {
        pipeline.fail(unit, e);
      }
    }

    private void store(
        int index, UploadPipeline.Unit unit, InputStream content, FileMetadata attributes)
        throws IOException {
      FileSource source = files.get(index);
      FileOptions options = source.options();
      MessageDigest whole =
          options.permanodeFromContent()
              ? HashAlgorithm.require(Blob.DEFAULT_HASH).newDigest()
              : null;
      InputStream in = whole == null ? content : new DigestInputStream(content, whole);
      BlobRef fileRef = uploader.upload(in, source.fileName(), attributes, pipeline, unit);
      fileRefs[index] = fileRef;
      if (!options.createsPermanode()) {
        return;
      }
      Signer signing = signer();
      BlobRef wholeRef =
          whole == null ? null : BlobRef.fromDigest(Blob.DEFAULT_HASH, whole.digest());
      acquireSigningSlot();
      try {
        FileBatchWriter.this.signing.execute(
            () -> {
              try {
                if (unit.failure() == null) {
                  permanodeRefs[index] =
                      permanodes.add(
                          pipeline,
                          unit,
                          signing,
                          keyChildren,
                          options,
                          source.fileName(),
                          fileRef,
                          wholeRef,
                          attributes.modificationTime());
                }
              } catch (RuntimeException e) {
                pipeline.fail(unit, e);
              } finally {
                signingSlots.release();
              }
            });
      } catch (RuntimeException e) {
        signingSlots.release();
        throw e;
      }
    }

    /** The connection's signer, asked for once; its public key blob goes in first. */
    private Signer signer() {
      if (signerFailure != null) {
        throw signerFailure;
      }
      Signer signing = batchSigner;
      if (signing == null) {
        try {
          signing = signer.get();
        } catch (RuntimeException e) {
          signerFailure = e;
          throw e;
        }
        keyChildren = FilePermanodes.addKey(pipeline, signing);
        batchSigner = signing;
      }
      return signing;
    }

    private void acquireSigningSlot() {
      try {
        signingSlots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CamlistoreException("interrupted while waiting to sign", e);
      }
    }

    /** Waits until every signing task has added its blobs to the pipeline. */
    void awaitSigning() {
      signingSlots.acquireUninterruptibly(signingPermits);
      signingSlots.release(signingPermits);
    }

    List<FileResult> results() {
      List<FileResult> results = new ArrayList<>(files.size());
      for (int i = 0; i < files.size(); i++) {
        UploadPipeline.Unit unit = units[i];
        RuntimeException failure = unit.failure();
        BlobRef fileRef = fileRefs[i];
        if (failure != null || fileRef == null) {
          results.add(
              FileResult.failed(
                  files.get(i),
                  failure != null
                      ? failure
                      : new CamlistoreException("no file schema was made for " + files.get(i))));
        } else {
          results.add(
              FileResult.stored(
                  files.get(i),
                  new FileUpload(fileRef, permanodeRefs[i]),
                  pipeline.uploadedAny(unit)));
        }
      }
      return results;
    }
  }
}
