package io.camlistore.testkit.internal.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.protocol.HashAlgorithm;
import io.camlistore.protocol.Rfc3339;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads files and directories out of the store: a file's size is the sum of its parts; its whole
 * content, when every chunk is stored, gives its {@code wholeRef} and MIME type; a directory's
 * children are the members of its static-set (following {@code mergeSets}).
 *
 * <p>Information about files whose content was complete is cached, since blobs never change.
 */
final class FileIndex {
  /** Deeper chunk trees or static-set nesting than this are treated as unreadable (cycles). */
  private static final int MAX_NESTING = 64;

  private final Function<String, byte @Nullable []> blobs;
  private final Map<String, FileInfo> complete = new ConcurrentHashMap<>();

  FileIndex(Function<String, byte @Nullable []> blobs) {
    this.blobs = blobs;
  }

  /** Forgets what was cached about a removed blob. */
  void forget(String ref) {
    complete.remove(ref);
  }

  FileInfo fileInfo(SchemaBlob file, Function<String, @Nullable SchemaBlob> schemas) {
    FileInfo cached = complete.get(file.ref());
    if (cached != null) {
      return cached;
    }
    String name = file.text("fileName");
    String fileName = name == null ? "" : name;
    JsonNode parts = file.json().path("parts");
    long size = 0;
    for (JsonNode part : parts) {
      size += Math.max(0, part.path("size").asLong());
    }
    Sink sink = new Sink();
    boolean read = readParts(parts, 0, size, sink, schemas, 0);
    FileInfo info =
        new FileInfo(
            fileName,
            size,
            read ? MimeTypes.guess(sink.head(), fileName) : null,
            Rfc3339.parse(file.text("unixMtime")),
            read ? "sha224-" + HexFormat.of().formatHex(sink.digest.digest()) : null);
    if (info.complete()) {
      complete.put(file.ref(), info);
    }
    return info;
  }

  @Nullable DirInfo dirInfo(SchemaBlob dir, Function<String, @Nullable SchemaBlob> schemas) {
    String entries = dir.text("entries");
    SchemaBlob set = entries == null ? null : schemas.apply(entries);
    List<String> children = new ArrayList<>();
    if (set == null || !members(set, children, schemas, 0)) {
      return null;
    }
    String name = dir.text("fileName");
    return new DirInfo(name == null ? "" : name, children);
  }

  private static boolean members(
      SchemaBlob set,
      List<String> into,
      Function<String, @Nullable SchemaBlob> schemas,
      int depth) {
    if (!set.camliType().equals("static-set") || depth > MAX_NESTING) {
      return false;
    }
    for (JsonNode member : set.json().path("members")) {
      into.add(member.asText());
    }
    for (JsonNode merged : set.json().path("mergeSets")) {
      SchemaBlob subset = schemas.apply(merged.asText());
      if (subset == null || !members(subset, into, schemas, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Streams {@code length} bytes of the content that {@code parts} describe, from {@code skip} on.
   *
   * @return false if a chunk is missing or inconsistent
   */
  private boolean readParts(
      JsonNode parts,
      long skip,
      long length,
      Sink sink,
      Function<String, @Nullable SchemaBlob> schemas,
      int depth) {
    if (depth > MAX_NESTING) {
      return false;
    }
    long toSkip = skip;
    long remaining = length;
    for (JsonNode part : parts) {
      if (remaining == 0) {
        break;
      }
      long partSize = Math.max(0, part.path("size").asLong());
      if (toSkip >= partSize) {
        toSkip -= partSize;
        continue;
      }
      long take = Math.min(partSize - toSkip, remaining);
      long from = Math.max(0, part.path("offset").asLong()) + toSkip;
      JsonNode blobRef = part.get("blobRef");
      JsonNode bytesRef = part.get("bytesRef");
      if (blobRef != null && blobRef.isTextual()) {
        byte[] chunk = blobs.apply(blobRef.textValue());
        if (chunk == null || from + take > chunk.length) {
          return false;
        }
        sink.write(chunk, (int) from, (int) take);
      } else if (bytesRef != null && bytesRef.isTextual()) {
        SchemaBlob bytes = schemas.apply(bytesRef.textValue());
        if (bytes == null
            || !bytes.camliType().equals("bytes")
            || !readParts(bytes.json().path("parts"), from, take, sink, schemas, depth + 1)) {
          return false;
        }
      } else {
        sink.zeros(take);
      }
      toSkip = 0;
      remaining -= take;
    }
    return remaining == 0;
  }

  /** Hashes the content and keeps its first bytes for sniffing. */
  private static final class Sink {
    private final MessageDigest digest = HashAlgorithm.SHA224.newDigest();
    private final byte[] head = new byte[MimeTypes.SNIFF_LENGTH];
    private int headLength;

    void write(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
      int keep = Math.min(length, head.length - headLength);
      System.arraycopy(bytes, offset, head, headLength, keep);
      headLength += keep;
    }

    void zeros(long length) {
      byte[] block = new byte[8192];
      for (long left = length; left > 0; left -= block.length) {
        write(block, 0, (int) Math.min(block.length, left));
      }
    }

    byte[] head() {
      return Arrays.copyOf(head, headLength);
    }
  }
}
