package io.camlistore.client.internal.file;

import io.camlistore.client.FileMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the attributes pk-put records for a file-system node (what {@code lstat} reports): the
 * modification time, the change time, owner and group ids and names, and the permission bits.
 *
 * <p>Uses the JDK's {@code unix:*} attributes where the platform has them (Linux, macOS), which
 * carry everything; otherwise the POSIX attributes (names and permissions, no ids, no change time);
 * otherwise only the modification time.
 */
public final class LocalMetadata {
  private LocalMetadata() {}

  /** Reads a node's attributes. */
  @FunctionalInterface
  public interface Source {
    /**
     * Reads a node's attributes.
     *
     * @param path the node
     * @param followLinks whether to describe a symlink's target rather than the link itself
     * @return its attributes
     * @throws IOException if the node cannot be read
     */
    FileMetadata read(Path path, boolean followLinks) throws IOException;
  }

  /**
   * Reads a node's attributes from the file system.
   *
   * @param path the node
   * @param followLinks whether to describe a symlink's target rather than the link itself
   * @return its attributes
   * @throws IOException if the node cannot be read
   */
  public static FileMetadata read(Path path, boolean followLinks) throws IOException {
    LinkOption[] options =
        followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    Map<String, Object> unix;
    try {
      unix = Files.readAttributes(path, "unix:*", options);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return fromPosixOrBasic(path, options);
    }
    FileMetadata.Builder metadata = FileMetadata.builder();
    if (unix.get("lastModifiedTime") instanceof FileTime mtime) {
      metadata.modificationTime(mtime.toInstant());
    }
    if (unix.get("ctime") instanceof FileTime ctime) {
      metadata.changeTime(ctime.toInstant());
    }
    if (unix.get("mode") instanceof Integer mode) {
      metadata.permissions(mode & 0777);
    }
    if (unix.get("uid") instanceof Integer uid) {
      metadata.ownerId(Integer.toUnsignedLong(uid));
      metadata.ownerName(resolvedName(unix.get("owner"), uid));
    }
    if (unix.get("gid") instanceof Integer gid) {
      metadata.groupId(Integer.toUnsignedLong(gid));
      metadata.groupName(resolvedName(unix.get("group"), gid));
    }
    return metadata.build();
  }

  private static FileMetadata fromPosixOrBasic(Path path, LinkOption[] options) throws IOException {
    try {
      PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, options);
      return FileMetadata.builder()
          .modificationTime(posix.lastModifiedTime().toInstant())
          .ownerName(posix.owner().getName())
          .groupName(posix.group().getName())
          .permissions(bits(posix.permissions()))
          .build();
    } catch (UnsupportedOperationException e) {
      BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, options);
      return FileMetadata.builder().modificationTime(basic.lastModifiedTime().toInstant()).build();
    }
  }

  /**
   * The JDK names an unknown user or group by its number; pk-put then writes no name at all, so an
   * unresolved name is left out.
   */
  private static @Nullable String resolvedName(@Nullable Object principal, int id) {
    if (!(principal instanceof UserPrincipal user)) {
      return null;
    }
    String name = user.getName();
    return name.isEmpty() || name.equals(Integer.toUnsignedString(id)) ? null : name;
  }

  /**
   * {@return the permission bits of a set of permissions, e.g. 0644}
   *
   * @param permissions the permissions
   */
  public static int bits(Set<PosixFilePermission> permissions) {
    // "rwxr-xr-x": owner, group, others; a letter is a set bit, from bit 8 down to bit 0.
    String text = PosixFilePermissions.toString(permissions);
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      bits = (bits << 1) | (text.charAt(i) == '-' ? 0 : 1);
    }
    return bits;
  }

  /**
   * {@return the permissions with the given bits}
   *
   * @param bits 0 to 0777
   */
  public static Set<PosixFilePermission> permissions(int bits) {
    StringBuilder text = new StringBuilder(9);
    String letters = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      text.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(text.toString());
  }
}
