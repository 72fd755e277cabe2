package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.WrappedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which bodies put can store, and the 16 MiB limit checked before reading more than it. */
class BlobBodiesTest {
  private static final String HELLO = "Hello, Perkeep!\n";

  @TempDir Path dir;

  @Test
  void textBytesStreamsFilesAndPathsBecomeTheSameBlob() throws Exception {
    Path path = Files.writeString(dir.resolve("hello.txt"), HELLO);
    byte[] bytes = HELLO.getBytes(StandardCharsets.UTF_8);

    assertThat(BlobBodies.toBlob(HELLO, "sha224").blobRef().toString())
        .isEqualTo(PerkeepStubs.HELLO_REF);
    assertThat(BlobBodies.toBlob(bytes, "sha224")).isEqualTo(Blob.of(HELLO));
    assertThat(BlobBodies.toBlob(new ByteArrayInputStream(bytes), "sha224"))
        .isEqualTo(Blob.of(HELLO));
    assertThat(BlobBodies.toBlob(path, "sha224")).isEqualTo(Blob.of(HELLO));
    assertThat(BlobBodies.toBlob(path.toFile(), "sha224")).isEqualTo(Blob.of(HELLO));
    assertThat(BlobBodies.toBlob(new LocalFile(path.toFile()), "sha224")).isEqualTo(Blob.of(HELLO));
  }

  @Test
  void aBlobBodyKeepsItsOwnHashFunction() {
    Blob sha1 = new Blob(HELLO.getBytes(StandardCharsets.UTF_8), "sha1");

    assertThat(BlobBodies.toBlob(sha1, "sha224")).isSameAs(sha1);
  }

  @Test
  void aFileOver16MibIsRefusedBeforeItIsRead() throws Exception {
    File big = dir.resolve("big.bin").toFile();
    try (RandomAccessFile file = new RandomAccessFile(big, "rw")) {
      file.setLength(Blob.MAX_SIZE + 10L);
    }

    assertThatThrownBy(() -> BlobBodies.toBlob(big, "sha224"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(big.toString())
        .hasMessageContaining("16777226 bytes")
        .hasMessageContaining("at most 16777216");
  }

  @Test
  void aStreamOver16MibIsRefusedNamingTheLimit() {
    ByteArrayInputStream stream = new ByteArrayInputStream(new byte[Blob.MAX_SIZE + 1]);

    assertThatThrownBy(() -> BlobBodies.toBlob(stream, "sha224"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream body has more than 16777216 bytes");
  }

  @Test
  void anUnsupportedHashFunctionIsRefused() {
    assertThatThrownBy(() -> BlobBodies.toBlob(HELLO, "md5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("md5");
  }

  /** A Camel file message body over a local file, as camel-file's GenericFile is. */
  private record LocalFile(File file) implements WrappedFile<File> {
    @Override
    public File getFile() {
      return file;
    }

    @Override
    public Object getBody() {
      return file;
    }

    @Override
    public long getFileLength() {
      return file.length();
    }
  }
}
