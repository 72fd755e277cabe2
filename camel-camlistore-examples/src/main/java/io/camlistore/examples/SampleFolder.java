package io.camlistore.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the sample files where the ingestion example reads, once: a folder copied, with its files'
 * modification times, to the input folder when that does not exist yet. Copying again on every run
 * would give the files new change times, which a file schema records, so every run would store new
 * file schemas.
 */
final class SampleFolder {
  private static final Logger LOG = LoggerFactory.getLogger(SampleFolder.class);

  private SampleFolder() {}

  /**
   * Copies {@code samples} to {@code input} if {@code input} does not exist.
   *
   * @param samples the folder to copy
   * @param input the example's input folder
   * @return whether it copied
   * @throws UncheckedIOException if copying fails
   */
  static boolean copyOnce(Path samples, Path input) {
    if (Files.exists(input)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(samples)) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      for (Path file : files) {
        Path copy = input.resolve(samples.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      }
      LOG.info("Copied {} sample files to {}", files.size(), input);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("copying the samples to " + input + " failed: " + e, e);
    }
  }
}
