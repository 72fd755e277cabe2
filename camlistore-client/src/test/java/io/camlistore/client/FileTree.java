package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a directory tree holds, for comparing a restored tree with its original: every entry by its
 * path relative to the root, with its kind and what a restore must bring back — a file's content,
 * modification time and permission bits, a directory's permission bits, a symlink's target.
 * Directories' times are left out: {@code pk-get} does not restore them.
 *
 * @param entries a description of each entry, by relative path ({@code /}-separated)
 */
record FileTree(Map<String, String> entries) {
  /** {@return the tree under root, not following symlinks} */
  static FileTree of(Path root) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (!path.equals(root)) {
          entries.put(relative(root, path), describe(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FileTree(entries);
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
  }

  private static String describe(Path path) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String permissions = PosixFilePermissions.toString(attributes.permissions());
    if (attributes.isSymbolicLink()) {
      return "symlink -> " + Files.readSymbolicLink(path);
    }
    if (attributes.isDirectory()) {
      return "directory " + permissions;
    }
    return "file "
        + permissions
        + " "
        + attributes.size()
        + " bytes "
        + BlobRef.compute("sha224", Files.readAllBytes(path))
        + " modified "
        + attributes.lastModifiedTime().toInstant();
  }
}
