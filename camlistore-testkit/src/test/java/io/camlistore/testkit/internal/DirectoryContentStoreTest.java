package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryContentStoreTest {
  @TempDir Path root;

  @Test
  void writesReadsAndDeletesOneFilePerBlob() {
    DirectoryContentStore store = new DirectoryContentStore(root);
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    BlobRef ref = BlobRef.compute("sha1", content);

    store.write(ref, content);
    store.write(ref, content);

    assertThat(store.pathOf(ref))
        .isEqualTo(root.resolve("sha1/aa/f4/sha1-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.dat"));
    assertThat(store.read(ref)).isEqualTo(content);
    store.delete(ref);
    assertThat(store.read(ref)).isNull();
  }

  @Test
  void existingIgnoresFilesThatAreNotBlobsInTheirPlace() throws Exception {
    DirectoryContentStore store = new DirectoryContentStore(root);
    BlobRef ref = BlobRef.compute("sha224", new byte[] {1});
    store.write(ref, new byte[] {1});
    Files.writeString(root.resolve("notes.dat"), "not a blob");
    Files.createDirectories(root.resolve("sha224/00/00"));
    Files.write(root.resolve("sha224/00/00/" + ref + ".dat"), new byte[] {1});
    Files.writeString(root.resolve("sha224/00/00/README"), "x");

    assertThat(new DirectoryContentStore(root).existing()).containsOnlyKeys(ref);
  }

  @Test
  void keepsItsGenerationAcrossOpenings() {
    String generation = new DirectoryContentStore(root).generation();

    assertThat(generation).matches("[0-9a-f]{40}");
    assertThat(new DirectoryContentStore(root).generation()).isEqualTo(generation);
  }

  @Test
  void aRootThatIsAFileIsReportedWithItsPath() throws Exception {
    Path file = Files.writeString(root.resolve("file"), "x");

    assertThatThrownBy(() -> new DirectoryContentStore(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString());
  }
}
