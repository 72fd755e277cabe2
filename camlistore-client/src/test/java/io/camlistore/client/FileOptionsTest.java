package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileOptionsTest {
  @Test
  void defaultsMakeNoPermanode() {
    assertThat(FileOptions.defaults().createsPermanode()).isFalse();
    assertThat(FileOptions.defaults().title()).isNull();
    assertThat(FileOptions.defaults()).hasToString("FileOptions{}");
  }

  @Test
  void aPermanodeIsTitledWithTheFileNameUnlessATitleIsGiven() {
    assertThat(FileOptions.permanode().createsPermanode()).isTrue();
    assertThat(FileOptions.permanode().title()).isNull();
    assertThat(FileOptions.permanode("Beach").title()).isEqualTo("Beach");
    assertThat(FileOptions.permanode("Beach"))
        .isEqualTo(FileOptions.permanode("Beach"))
        .hasSameHashCodeAs(FileOptions.permanode("Beach"))
        .isNotEqualTo(FileOptions.permanode())
        .hasToString("FileOptions{permanode, title=Beach}");
  }

  @Test
  void anEmptyTitleIsRefused() {
    assertThatThrownBy(() -> FileOptions.permanode(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title must not be empty");
  }

  @Test
  void anUploadResultIsAValue() {
    BlobRef file = Blob.of("file").blobRef();
    BlobRef node = Blob.of("node").blobRef();

    assertThat(new FileUpload(file, node))
        .isEqualTo(new FileUpload(file, node))
        .hasSameHashCodeAs(new FileUpload(file, node))
        .isNotEqualTo(new FileUpload(file, null))
        .hasToString("FileUpload{" + file + ", permanode " + node + "}");
    assertThat(new FileUpload(file, null)).hasToString("FileUpload{" + file + "}");
  }

  @Test
  void aContentPermanodeHasNoTitleUnlessGivenAndCanCarryTags() {
    FileOptions options = FileOptions.contentPermanode();

    assertThat(options.createsPermanode()).isTrue();
    assertThat(options.permanodeFromContent()).isTrue();
    assertThat(FileOptions.permanode().permanodeFromContent()).isFalse();
    assertThat(options.title()).isNull();
    assertThat(options.tags()).isEmpty();
    FileOptions tagged = options.withTitle("Beach").withTags("holiday", "2026").withTags("holiday");
    assertThat(tagged.title()).isEqualTo("Beach");
    assertThat(tagged.tags()).containsExactly("holiday", "2026");
    assertThat(tagged)
        .isEqualTo(FileOptions.contentPermanode().withTags("holiday", "2026").withTitle("Beach"))
        .isNotEqualTo(FileOptions.permanode("Beach").withTags("holiday", "2026"))
        .hasToString("FileOptions{contentPermanode, title=Beach, tags=[holiday, 2026]}");
  }

  @Test
  void aTitleOrTagsWithoutAPermanodeOrEmptyAreRefused() {
    assertThatThrownBy(() -> FileOptions.defaults().withTitle("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a title needs a permanode");
    assertThatThrownBy(() -> FileOptions.defaults().withTags("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tags needs a permanode");
    assertThatThrownBy(() -> FileOptions.contentPermanode().withTags("ok", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a tag must not be empty");
  }

  @Test
  void aSourceNamesItsFileAndRefusesBadNamesAtOnce() {
    FileSource local = FileSource.of(Path.of("inbox", "a.jpg"), FileOptions.contentPermanode());
    FileSource stream =
        FileSource.of(new ByteArrayInputStream(new byte[0]), "b.txt", FileMetadata.empty());

    assertThat(local.fileName()).isEqualTo("a.jpg");
    assertThat(local.path()).isEqualTo(Path.of("inbox", "a.jpg"));
    assertThat(local.options()).isEqualTo(FileOptions.contentPermanode());
    assertThat(local).hasToString("FileSource{inbox/a.jpg, FileOptions{contentPermanode}}");
    assertThat(stream.path()).isNull();
    assertThat(stream.options()).isEqualTo(FileOptions.defaults());
    assertThat(stream).hasToString("FileSource{b.txt (stream)}");
    assertThatThrownBy(
            () -> FileSource.of(new ByteArrayInputStream(new byte[0]), "a/b", FileMetadata.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> FileSource.of(Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no name");
  }

  @Test
  void aResultCarriesTheRefsOrTheError() {
    FileSource source = FileSource.of(Path.of("a.txt"));
    FileUpload upload = new FileUpload(Blob.of("file").blobRef(), null);
    UncheckedIOException error =
        new UncheckedIOException("cannot read a.txt", new java.io.IOException());

    FileResult stored = FileResult.stored(source, upload, true);
    FileResult present = FileResult.stored(source, upload, false);
    FileResult failed = FileResult.failed(source, error);

    assertThat(stored.status()).isEqualTo(FileResult.Status.STORED);
    assertThat(present.status()).isEqualTo(FileResult.Status.ALREADY_STORED);
    assertThat(present.uploadOrThrow()).isEqualTo(upload);
    assertThat(present.failed()).isFalse();
    assertThat(present.error()).isNull();
    assertThat(failed.failed()).isTrue();
    assertThat(failed.upload()).isNull();
    assertThat(failed.error()).isSameAs(error);
    assertThat(failed.source()).isSameAs(source);
    assertThatThrownBy(failed::uploadOrThrow).isSameAs(error);
    assertThat(stored).hasToString("FileResult{FileSource{a.txt}, STORED, " + upload + "}");
  }
}
