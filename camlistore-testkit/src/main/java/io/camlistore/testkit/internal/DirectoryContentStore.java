package io.camlistore.testkit.internal;

import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each blob in its own file, laid out like Perkeep's filesystem storage: {@code
 * <dir>/sha224/5e/11/sha224-5e11….dat}. Blobs survive restarts; {@code GENERATION.dat} holds the
 * storage generation, and its modification time is the storage init time.
 */
public final class DirectoryContentStore implements ContentStore {
  private static final String SUFFIX = ".dat";
  private static final String GENERATION_FILE = "GENERATION.dat";
  private static final long PROCESS_ID = ProcessHandle.current().pid();
  private static final AtomicLong TEMP_FILES = new AtomicLong();

  private final Path root;
  private final String generation;
  private final Instant initTime;

  /**
   * Opens (creating if needed) a blob directory.
   *
   * @param root the directory
   * @throws UncheckedIOException if it cannot be created or read
   */
  public DirectoryContentStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
      Path generationFile = root.resolve(GENERATION_FILE);
      if (!Files.exists(generationFile)) {
        writeAtomically(generationFile, Tokens.randomHex(20).getBytes(StandardCharsets.US_ASCII));
      }
      this.generation = Files.readString(generationFile, StandardCharsets.US_ASCII).trim();
      this.initTime = Files.getLastModifiedTime(generationFile).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open blob directory " + root, e);
    }
  }

  /**
   * Where a blob's file lives.
   *
   * @param ref the blob's ref
   * @return its path under the root
   */
  public Path pathOf(BlobRef ref) {
    String digest = ref.digest();
    return root.resolve(ref.hashName())
        .resolve(digest.substring(0, 2))
        .resolve(digest.substring(2, 4))
        .resolve(ref + SUFFIX);
  }

  @Override
  public void write(BlobRef ref, byte[] content) {
    Path target = pathOf(ref);
    if (Files.exists(target)) {
      return;
    }
    try {
      Files.createDirectories(target.getParent());
      writeAtomically(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write blob " + ref + " to " + target, e);
    }
  }

  @Override
  public byte @Nullable [] read(BlobRef ref) {
    Path path = pathOf(ref);
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + ref + " from " + path, e);
    }
  }

  @Override
  public void delete(BlobRef ref) {
    Path path = pathOf(ref);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete blob " + ref + " at " + path, e);
    }
  }

  @Override
  public Map<BlobRef, Long> existing() {
    Map<BlobRef, Long> found = new HashMap<>();
    try (Stream<Path> files = Files.walk(root, 4)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        BlobRef ref = refOf(file);
        if (ref != null && pathOf(ref).equals(file)) {
          found.put(ref, Files.size(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list blob directory " + root, e);
    }
    return found;
  }

  private static @Nullable BlobRef refOf(Path file) {
    Path name = file.getFileName();
    String text = name == null ? "" : name.toString();
    if (!text.endsWith(SUFFIX)) {
      return null;
    }
    BlobRef ref = BlobRef.parseOrNull(text.substring(0, text.length() - SUFFIX.length()));
    return ref != null && WireRef.supported(ref.hashName()).isPresent() ? ref : null;
  }

  @Override
  public String generation() {
    return generation;
  }

  @Override
  public Instant initTime() {
    return initTime;
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    // Unique among live writers without Files.createTempFile's secure random name, which costs
    // more than writing a chunk: this process's id and a counter. A leftover of a dead process
    // with the same id is overwritten.
    Path temp =
        target.resolveSibling(
            ".incoming-" + PROCESS_ID + "-" + TEMP_FILES.incrementAndGet() + ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } catch (FileAlreadyExistsException e) {
      // Another request stored the same blob first; its bytes are identical.
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
