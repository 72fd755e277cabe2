package io.camlistore.client.internal.schema;

import io.camlistore.protocol.BlobRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a {@code file} or {@code bytes} schema's {@code parts} array: either raw bytes of a
 * chunk blob ({@code blobRef}) or the bytes described by a nested {@code bytes} schema blob ({@code
 * bytesRef}), with the number of content bytes it contributes.
 *
 * @param ref the chunk blob or {@code bytes} schema blob
 * @param size the number of file bytes this part stands for (for a {@code bytesRef}, the total of
 *     the nested tree, not the schema blob's own size)
 * @param bytesRef true for a {@code bytesRef} part, false for a {@code blobRef} part
 * @param offset where in the referenced content this part's bytes start; 0 for every part pk-put
 *     writes, and left out of the JSON when 0
 */
public record Part(BlobRef ref, long size, boolean bytesRef, long offset) {
  /**
   * Validates the part.
   *
   * @throws IllegalArgumentException if the size or offset is negative
   */
  public Part {
    if (size < 0) {
      throw new IllegalArgumentException("part size must not be negative, got " + size);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("part offset must not be negative, got " + offset);
    }
  }

  /**
   * Makes a part that refers to a chunk's raw bytes.
   *
   * @param chunk the chunk blob
   * @param size the chunk's length
   * @return the part
   */
  public static Part blob(BlobRef chunk, long size) {
    return new Part(chunk, size, false, 0);
  }

  /**
   * Makes a part that refers to a nested {@code bytes} schema blob.
   *
   * @param bytesSchema the {@code bytes} schema blob
   * @param size the total number of content bytes it describes
   * @return the part
   */
  public static Part bytes(BlobRef bytesSchema, long size) {
    return new Part(bytesSchema, size, true, 0);
  }

  /** {@return the part as a schema map entry: {@code blobRef} or {@code bytesRef}, and size} */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(bytesRef ? "bytesRef" : "blobRef", ref);
    json.put("size", size);
    if (offset != 0) {
      json.put("offset", offset);
    }
    return json;
  }
}
