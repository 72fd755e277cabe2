package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomFilesTest {
  @TempDir Path dir;

  @Test
  void writesSmallFilesOfDistinctRandomContentInNameOrder() throws IOException {
    List<Path> files = RandomFiles.write(dir.resolve("new"), 3, 4096, new Random(1));

    assertThat(files)
        .extracting(file -> file.getFileName().toString())
        .containsExactly("file-00000.bin", "file-00001.bin", "file-00002.bin");
    for (Path file : files) {
      assertThat(file).hasParent(dir.resolve("new"));
      assertThat(Files.size(file)).isEqualTo(4096);
    }
    List<BlobRef> refs = RandomFiles.blobRefs(files);
    assertThat(new HashSet<>(refs)).hasSize(3);
    assertThat(refs.get(1)).isEqualTo(Blob.of(Files.readAllBytes(files.get(1))).blobRef());
  }

  @Test
  void twoDrawsOfTheSameShapeDiffer() throws IOException {
    Random random = new Random(7);
    List<BlobRef> first = RandomFiles.blobRefs(RandomFiles.write(dir.resolve("a"), 2, 64, random));
    List<BlobRef> second = RandomFiles.blobRefs(RandomFiles.write(dir.resolve("b"), 2, 64, random));

    assertThat(first).doesNotContainAnyElementsOf(second);
  }

  @Test
  void writesALargeFileWhoseWholeRefIsItsContents() throws IOException {
    Path file = RandomFiles.writeLarge(dir.resolve("sub/large.bin"), 300_000, 42);

    assertThat(Files.size(file)).isEqualTo(300_000);
    byte[] content = Files.readAllBytes(file);
    assertThat(RandomFiles.wholeRef(file)).isEqualTo(BlobRef.compute("sha224", content));
    try (InputStream in = new RandomStream(300_000, 42)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThatThrownBy(() -> RandomFiles.writeLarge(file, 1, 1))
        .isInstanceOf(FileAlreadyExistsException.class);
  }
}
