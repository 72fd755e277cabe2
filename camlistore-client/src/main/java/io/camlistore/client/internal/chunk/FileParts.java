package io.camlistore.client.internal.chunk;

import io.camlistore.client.internal.schema.Part;
import java.util.List;

/**
 * The content layout of a chunked file: the {@code parts} of its file schema and its size.
 *
 * @param parts the top-level parts (chunks and {@code bytes} blobs); empty for an empty file
 * @param size the number of content bytes, the sum of the parts' sizes
 */
public record FileParts(List<Part> parts, long size) {
  /** Copies the parts. */
  public FileParts {
    parts = List.copyOf(parts);
  }
}
