package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.InvalidSchemaException;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a stored directory tree back to the file system: files with their content, directories,
 * symlinks, then each node's modification time and permission bits (where the file system has
 * them). Owners are not restored: that needs privileges and the ids may mean other users here.
 *
 * <p>Never overwrites: the target must be absent or an empty directory, and a name that already
 * exists (two entries with the same name) fails the restore. Names from the server are checked
 * before use, so a schema cannot write outside the target ({@code ..}, {@code /}). Members of big
 * static-sets are read one sub-set at a time, so memory does not grow with the number of entries;
 * the schemas of the next few entries are fetched while one is being written. Thread-safe if its
 * collaborators are.
 */
public final class DirectoryRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryRestorer.class);

  /** Opens a file schema's content. */
  @FunctionalInterface
  public interface ContentOpener {
    /**
     * Opens the content.
     *
     * @param file a file schema
     * @return its content; the caller closes it
     */
    InputStream open(SchemaNode file);
  }

  private final Function<BlobRef, Blob> fetcher;
  private final ContentOpener opener;
  private final Executor executor;
  private final int maxAhead;

  /**
   * Creates a restorer.
   *
   * @param fetcher fetches and verifies schema blobs
   * @param opener opens file content
   * @param executor fetches the schemas of the next entries while one is being written
   * @param maxAhead how many entries' schemas may be fetched at once (1 = one at a time)
   */
  public DirectoryRestorer(
      Function<BlobRef, Blob> fetcher, ContentOpener opener, Executor executor, int maxAhead) {
    this.fetcher = fetcher;
    this.opener = opener;
    this.executor = executor;
    this.maxAhead = Math.max(1, maxAhead);
  }

  /**
   * Restores a directory as {@code target}: its children become the target's children.
   *
   * @param directoryRef the {@code directory} schema blob
   * @param target the directory to create or fill; absent or empty
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the target exists and is not an empty directory
   * @throws InvalidSchemaException if a schema in the tree is malformed or unsafe
   */
  public void restore(BlobRef directoryRef, Path target) throws IOException {
    SchemaNode directory = schema(directoryRef).requireType("directory");
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || !isEmpty(target)) {
        throw new IllegalArgumentException(
            target + " exists and is not an empty directory: restoring never overwrites");
      }
    } else {
      Files.createDirectories(target);
    }
    restoreDirectory(directory, target);
  }

  private void restoreDirectory(SchemaNode directory, Path path) throws IOException {
    restoreMembers(directory.entries(), path);
    applyMetadata(path, directory.metadata(), true);
  }

  /** Restores a set's members in order, fetching the next few members' schemas meanwhile. */
  private void restoreMembers(BlobRef setRef, Path directory) throws IOException {
    SchemaNode set = schema(setRef).requireType("static-set");
    List<BlobRef> members = set.members();
    ArrayDeque<BlobFetch> window = new ArrayDeque<>();
    int started = 0;
    try {
      for (int i = 0; i < members.size(); i++) {
        while (started < members.size() && window.size() < maxAhead) {
          BlobFetch fetch = new BlobFetch(members.get(started++), fetcher);
          window.add(fetch);
          if (maxAhead > 1) {
            executor.execute(fetch);
          }
        }
        restoreNode(SchemaNode.parse(window.remove().result()), directory);
      }
    } finally {
      for (BlobFetch fetch : window) {
        fetch.awaitEnd();
      }
    }
    for (BlobRef subset : set.mergeSets()) {
      restoreMembers(subset, directory);
    }
  }

  private void restoreNode(SchemaNode node, Path directory) throws IOException {
    Path path = resolve(directory, node);
    switch (node.type()) {
      case "file" -> {
        try (InputStream in = opener.open(node)) {
          // Without REPLACE_EXISTING the file is created exclusively: an existing name fails.
          Files.copy(in, path);
        }
        applyMetadata(path, node.metadata(), true);
      }
      case "directory" -> {
        Files.createDirectory(path);
        restoreDirectory(node, path);
      }
      case "symlink" -> {
        Files.createSymbolicLink(path, target(node));
        applyMetadata(path, node.metadata(), false);
      }
      default -> LOG.warn("skipping {}: {} nodes are not restored", path, node);
    }
  }

  private static Path target(SchemaNode symlink) {
    String target = symlink.symlinkTarget();
    try {
      return Path.of(target);
    } catch (InvalidPathException e) {
      throw new InvalidSchemaException(
          symlink.ref(), "has a symlinkTarget this file system cannot hold: " + e.getMessage());
    }
  }

  /** Checks a name from the server before it becomes part of a path. */
  private static Path resolve(Path directory, SchemaNode node) {
    String name = safeName(node);
    try {
      return directory.resolve(name);
    } catch (InvalidPathException e) {
      throw new InvalidSchemaException(
          node.ref(), "has a fileName this file system cannot hold: " + e.getMessage());
    }
  }

  private static String safeName(SchemaNode node) {
    Optional<String> stored = node.fileName();
    if (stored.isEmpty()) {
      throw new InvalidSchemaException(node.ref(), "has no fileName");
    }
    String name = stored.get();
    if (name.equals(".")
        || name.equals("..")
        || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0) {
      throw new InvalidSchemaException(
          node.ref(), "has an unsafe fileName '" + name + "': it must be a plain base name");
    }
    return name;
  }

  /** Sets what the file system supports; a link's own permissions are never set. */
  private static void applyMetadata(Path path, FileMetadata metadata, boolean followLinks)
      throws IOException {
    Integer permissions = metadata.permissions();
    if (followLinks && permissions != null) {
      try {
        Files.setPosixFilePermissions(path, LocalMetadata.permissions(permissions));
      } catch (UnsupportedOperationException e) {
        LOG.debug("{}: permissions not supported here", path);
      }
    }
    Instant modified = metadata.modificationTime();
    if (modified != null) {
      FileTime time = FileTime.from(modified);
      if (followLinks) {
        Files.setLastModifiedTime(path, time);
      } else {
        setLinkTime(path, time);
      }
    }
  }

  private static void setLinkTime(Path link, FileTime time) {
    try {
      Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(time, null, null);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("{}: cannot set a symlink's own time here: {}", link, e.toString());
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      return !entries.iterator().hasNext();
    }
  }

  private SchemaNode schema(BlobRef ref) {
    return SchemaNode.parse(fetcher.apply(ref));
  }
}
