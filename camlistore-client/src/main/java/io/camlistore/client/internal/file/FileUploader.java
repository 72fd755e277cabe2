package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.internal.chunk.ChunkSink;
import io.camlistore.client.internal.chunk.FileChunker;
import io.camlistore.client.internal.chunk.FileParts;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stores one file's content as pk-put does: chunks and {@code bytes} blobs from the {@link
 * FileChunker} go into an {@link UploadPipeline} as they are made, then the {@code file} schema
 * blob, which the pipeline sends after its parts (in their request, or once they are stored).
 * Stateless; may be shared.
 */
public final class FileUploader {
  private final FileChunker chunker;
  private final String hashName;

  /**
   * Creates an uploader.
   *
   * @param hashName the hash function for every blob's ref, e.g. {@code sha224}
   */
  public FileUploader(String hashName) {
    this.chunker = new FileChunker(hashName);
    this.hashName = hashName;
  }

  /**
   * Reads content to its end into the pipeline and adds the file schema. The blobs are stored only
   * once the pipeline is finished.
   *
   * @param content the bytes; read to the end, not closed
   * @param fileName the file's base name
   * @param metadata the attributes to record
   * @param pipeline where the blobs go
   * @param unit the file's unit in a batch, or null; reading stops once it failed
   * @return the file schema blob's ref
   * @throws IOException if reading the content fails
   * @throws IllegalArgumentException if the name is empty or contains {@code /}
   * @throws RuntimeException the unit's failure, if its upload failed while the file was read
   */
  public BlobRef upload(
      InputStream content,
      String fileName,
      FileMetadata metadata,
      UploadPipeline pipeline,
      UploadPipeline.@Nullable Unit unit)
      throws IOException {
    FileSchema.checkName("file", fileName);
    ChunkSink sink =
        (blob, kind) -> {
          if (kind == ChunkSink.Kind.CHUNK) {
            pipeline.add(blob, List.of(), unit, false);
          } else {
            pipeline.add(blob, refs(SchemaNode.parse(blob).parts()), unit, false);
          }
          RuntimeException failure = unit == null ? null : unit.failure();
          if (failure != null) {
            // Reading the rest of a file whose upload already failed would be wasted.
            throw failure;
          }
        };
    FileParts layout = chunker.chunk(content, sink);
    Blob schema = SchemaBlobs.of(FileSchema.file(fileName, layout.parts(), metadata), hashName);
    pipeline.add(schema, refs(layout.parts()), unit, false);
    return schema.blobRef();
  }

  private static List<BlobRef> refs(List<Part> parts) {
    List<BlobRef> refs = new ArrayList<>(parts.size());
    for (Part part : parts) {
      refs.add(part.ref());
    }
    return refs;
  }
}
