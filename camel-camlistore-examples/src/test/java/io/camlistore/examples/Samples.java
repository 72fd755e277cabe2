package io.camlistore.examples;

import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The sample files that ship with the examples, as the tests see them. */
final class Samples {
  /** Where the module keeps them. */
  static final Path DIRECTORY = Path.of("src/main/samples");

  /** How many files there are; two of them have the same content. */
  static final int FILES = 6;

  /** Their total size in bytes. */
  static final long BYTES = 597;

  private Samples() {}

  /** Copies the samples into a folder, keeping their relative paths. */
  static void copyTo(Path target) {
    for (Path file : files()) {
      Path copy = target.resolve(DIRECTORY.relativize(file).toString());
      try {
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@return the refs of the distinct contents of the samples} */
  static Set<BlobRef> refs() {
    return files().stream()
        .map(file -> BlobRef.compute("sha224", read(file)))
        .collect(Collectors.toSet());
  }

  /** {@return the sample files} */
  static List<Path> files() {
    try (Stream<Path> walk = Files.walk(DIRECTORY)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
