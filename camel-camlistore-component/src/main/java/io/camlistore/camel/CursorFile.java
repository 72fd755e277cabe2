package io.camlistore.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * The file a consumer keeps its position in. Each save writes a temporary file beside it and moves
 * it over the old one, so a crash leaves either the old or the new position, never a torn one.
 */
final class CursorFile {
  private final Path path;

  CursorFile(Path path) {
    this.path = path;
  }

  /**
   * {@return the saved position, or null when nothing was saved yet}
   *
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  @Nullable String load() {
    if (!Files.exists(path)) {
      return null;
    }
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? null : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cursor file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Saves a position.
   *
   * @throws UncheckedIOException if writing fails
   */
  void save(String position) {
    Path temp = path.resolveSibling(path.getFileName() + ".tmp");
    try {
      Files.writeString(temp, position + "\n", StandardCharsets.UTF_8);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cursor file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
