package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The blob protocol server ({@code io.camlistore.testkit.internal}) does not depend on the search
 * emulation ({@code internal.index}, {@code internal.search}) nor on the sign helper ({@code
 * internal.sign}): they plug in as {@link Mount}s and blob listeners, so that a server with search
 * turned off runs none of it. Checked in the sources, since a class of another package can only be
 * named through an import or its qualified name.
 */
class BlobServerBoundaryTest {
  private static final Path BLOB_SERVER = Path.of("src/main/java/io/camlistore/testkit/internal");
  private static final List<String> PLUGINS =
      List.of(
          "io.camlistore.testkit.internal.index",
          "io.camlistore.testkit.internal.search",
          "io.camlistore.testkit.internal.sign");

  @Test
  void noBlobServerClassNamesTheSearchIndexOrSignPackages() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.list(BLOB_SERVER)) {
      sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }

    assertThat(sources).as("the blob server's sources").hasSizeGreaterThan(20);
    for (Path source : sources) {
      String text = Files.readString(source);
      assertThat(PLUGINS)
          .as(source.getFileName() + " names none of the plugged-in packages")
          .noneMatch(text::contains);
    }
  }

  @Test
  void theCheckSeesAReferenceToAPlugin() throws IOException {
    String searchEmulation = Files.readString(BLOB_SERVER.resolve("search/SearchEmulation.java"));

    assertThat(PLUGINS).anyMatch(searchEmulation::contains);
  }
}
