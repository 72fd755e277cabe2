package io.camlistore.client.internal.file;

import io.camlistore.client.Blob;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.client.internal.schema.StaticSet;
import io.camlistore.client.internal.schema.StaticSet.DirectoryMember;
import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a directory tree as pk-put does: each regular file as a {@code file} schema with its
 * chunks, each symlink as a {@code symlink} schema, each directory as a {@code static-set} of its
 * children (split into {@code mergeSets} beyond 10,000) and a {@code directory} schema naming it.
 * Everything goes through one {@link UploadPipeline}, which sends a set only after its members and
 * a directory only after its set. Symlinks are stored, not followed. Other nodes (FIFOs, sockets,
 * devices) hold no content and are skipped with a warning. Stateless; may be shared.
 */
public final class DirectoryWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryWriter.class);

  private final FileUploader files;
  private final LocalMetadata.Source metadata;
  private final String hashName;

  /**
   * Creates a writer.
   *
   * @param files stores each regular file
   * @param metadata reads each node's attributes
   * @param hashName the hash function for schema blobs' refs
   */
  public DirectoryWriter(FileUploader files, LocalMetadata.Source metadata, String hashName) {
    this.files = files;
    this.metadata = metadata;
    this.hashName = hashName;
  }

  /**
   * Reads a directory tree into the pipeline. The blobs are stored only once the pipeline is
   * finished.
   *
   * @param directory the directory
   * @param pipeline where the blobs go
   * @return the directory schema blob's ref
   * @throws IOException if the tree cannot be read
   */
  public BlobRef write(Path directory, UploadPipeline pipeline) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      entries.forEach(children::add);
    }
    // A stable order makes uploads repeatable; the static-set sorts its members itself.
    children.sort(null);
    List<DirectoryMember> members = new ArrayList<>(children.size());
    for (Path child : children) {
      String name = nameOf(child);
      BasicFileAttributes attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        String target = Files.readSymbolicLink(child).toString();
        Blob link =
            SchemaBlobs.of(FileSchema.symlink(name, target, metadata.read(child, false)), hashName);
        pipeline.add(link);
        members.add(new DirectoryMember(name, false, link.blobRef()));
      } else if (attributes.isDirectory()) {
        members.add(new DirectoryMember(name, true, write(child, pipeline)));
      } else if (attributes.isRegularFile()) {
        members.add(new DirectoryMember(name, false, writeFile(child, name, pipeline)));
      } else {
        LOG.warn("skipping {}: not a regular file, directory or symlink", child);
      }
    }
    StaticSet set = StaticSet.forDirectory(members, hashName);
    for (Blob setBlob : set.blobs()) {
      SchemaNode node = SchemaNode.parse(setBlob);
      List<BlobRef> setChildren = new ArrayList<>(node.members());
      setChildren.addAll(node.mergeSets());
      pipeline.add(setBlob, setChildren, null, false);
    }
    BlobRef entries = set.top().blobRef();
    Blob schema =
        SchemaBlobs.of(
            FileSchema.directory(nameOf(directory), entries, metadata.read(directory, false)),
            hashName);
    pipeline.add(schema, List.of(entries), null, false);
    return schema.blobRef();
  }

  private BlobRef writeFile(Path file, String name, UploadPipeline pipeline) throws IOException {
    // Attributes first, as pk-put does: they describe the content read just after.
    FileMetadata attributes = metadata.read(file, false);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return files.upload(in, name, attributes, pipeline, null);
    }
  }

  /**
   * {@return a node's base name, resolving {@code .} and {@code ..} first}
   *
   * @param path the node
   * @throws IllegalArgumentException for a root, which has no name
   */
  public static String nameOf(Path path) {
    Path name = path.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      throw new IllegalArgumentException(
          path + " has no name (a file-system root cannot be stored as a named node)");
    }
    return name.toString();
  }
}
