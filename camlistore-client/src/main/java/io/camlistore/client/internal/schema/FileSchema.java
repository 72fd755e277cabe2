package io.camlistore.client.internal.schema;

import io.camlistore.client.FileMetadata;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.protocol.schema.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the schema maps that describe file content and file-system nodes, with the fields pk-put
 * writes (PROTOCOL.md §8.4–8.6), and reads them back ({@link SchemaNode}). Serialize them with
 * {@link CanonicalJson}.
 */
public final class FileSchema {
  private FileSchema() {}

  /**
   * Builds a {@code file} schema map.
   *
   * @param fileName the file's base name (no {@code /})
   * @param parts the content layout; empty for an empty file
   * @param metadata the attributes to record
   * @return the map, without {@code camliVersion}
   * @throws IllegalArgumentException if the name is empty or contains {@code /}
   */
  public static Map<String, Object> file(String fileName, List<Part> parts, FileMetadata metadata) {
    Map<String, Object> map = common("file", fileName, metadata);
    map.put("parts", partsJson(parts));
    return map;
  }

  /**
   * Builds a {@code directory} schema map.
   *
   * @param dirName the directory's base name (no {@code /})
   * @param entries the ref of the {@code static-set} listing the directory's children
   * @param metadata the attributes to record
   * @return the map, without {@code camliVersion}
   * @throws IllegalArgumentException if the name is empty or contains {@code /}
   */
  public static Map<String, Object> directory(
      String dirName, BlobRef entries, FileMetadata metadata) {
    Map<String, Object> map = common("directory", dirName, metadata);
    map.put("entries", entries);
    return map;
  }

  /**
   * Builds a {@code symlink} schema map. Like pk-put, it records no permission bits: a link's own
   * mode means nothing.
   *
   * @param linkName the link's base name (no {@code /})
   * @param target the link's target, as stored in the link
   * @param metadata the attributes to record; its permissions are left out
   * @return the map, without {@code camliVersion}
   * @throws IllegalArgumentException if the name is empty or contains {@code /}, or the target is
   *     empty
   */
  public static Map<String, Object> symlink(String linkName, String target, FileMetadata metadata) {
    if (target.isEmpty()) {
      throw new IllegalArgumentException("a symlink target must not be empty");
    }
    Map<String, Object> map = common("symlink", linkName, metadata);
    map.remove("unixPermission");
    map.put("symlinkTarget", target);
    return map;
  }

  /**
   * Builds a {@code bytes} schema map: an interior node of a large file's chunk tree.
   *
   * @param parts the nested parts, not empty
   * @return the map, without {@code camliVersion}
   * @throws IllegalArgumentException if there are no parts
   */
  public static Map<String, Object> bytes(List<Part> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a bytes schema needs at least one part");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("camliType", "bytes");
    map.put("parts", partsJson(parts));
    return map;
  }

  private static List<Map<String, Object>> partsJson(List<Part> parts) {
    List<Map<String, Object>> json = new ArrayList<>(parts.size());
    for (Part part : parts) {
      json.add(part.toJson());
    }
    return json;
  }

  /**
   * Checks that a name can be stored as a node's {@code fileName}.
   *
   * @param type what is named, for the message (e.g. {@code file})
   * @param name the name
   * @throws IllegalArgumentException if the name is empty, {@code .} or {@code ..}, or contains
   *     {@code /}
   */
  public static void checkName(String type, String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          "a "
              + type
              + " name must be a base name (not empty, '.' or '..', without '/'), got '"
              + name
              + "'");
    }
  }

  /** The fields every file-system node carries, as pk-put's common file map. */
  private static Map<String, Object> common(String type, String name, FileMetadata metadata) {
    checkName(type, name);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("camliType", type);
    map.put("fileName", name);
    Integer permissions = metadata.permissions();
    putIfPresent(map, "unixPermission", permissions == null ? null : octal(permissions));
    putIfPresent(map, "unixOwnerId", metadata.ownerId());
    putIfPresent(map, "unixOwner", metadata.ownerName());
    putIfPresent(map, "unixGroupId", metadata.groupId());
    putIfPresent(map, "unixGroup", metadata.groupName());
    Instant mtime = metadata.modificationTime();
    Instant ctime = metadata.changeTime();
    putIfPresent(map, "unixMtime", mtime == null ? null : Rfc3339.format(mtime));
    if (ctime != null && !ctime.equals(mtime)) {
      map.put("unixCtime", Rfc3339.format(ctime));
    }
    return map;
  }

  private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Go's {@code fmt.Sprintf("0%o", mode.Perm())}. */
  private static String octal(int bits) {
    return "0" + Integer.toOctalString(bits);
  }
}
