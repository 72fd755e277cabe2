package io.camlistore.testkit.internal.index;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.TestBlob;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * File-system schema blobs with the fields pk-put writes (PROTOCOL.md §8.4–8.6), as index input.
 */
public final class TestSchemas {
  private TestSchemas() {}

  /**
   * {@return a part naming a chunk of a file's content}
   *
   * @param chunk the chunk's ref
   * @param size its size
   */
  public static Map<String, Object> part(BlobRef chunk, long size) {
    return Map.of("blobRef", chunk, "size", size);
  }

  /**
   * {@return a {@code file} schema blob}
   *
   * @param name the file name
   * @param parts its content's parts
   * @param mtime its {@code unixMtime}, or null for none
   */
  public static TestBlob file(
      String name, List<Map<String, Object>> parts, @Nullable Instant mtime) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("camliType", "file");
    map.put("fileName", name);
    if (mtime != null) {
      map.put("unixMtime", Rfc3339.format(mtime));
    }
    map.put("parts", parts);
    return TestBlob.schema(map);
  }

  /**
   * {@return a {@code bytes} schema blob: an interior node of a large file's chunk tree}
   *
   * @param parts its parts
   */
  public static TestBlob bytes(List<Map<String, Object>> parts) {
    return TestBlob.schema(Map.of("camliType", "bytes", "parts", parts));
  }

  /**
   * {@return a {@code directory} schema blob}
   *
   * @param name the directory name
   * @param entries the ref of its {@code static-set}
   */
  public static TestBlob directory(String name, BlobRef entries) {
    return TestBlob.schema(Map.of("camliType", "directory", "fileName", name, "entries", entries));
  }

  /**
   * {@return a {@code static-set} schema blob listing members}
   *
   * @param members the members' refs
   */
  public static TestBlob staticSet(List<BlobRef> members) {
    return TestBlob.schema(Map.of("camliType", "static-set", "members", members));
  }
}
