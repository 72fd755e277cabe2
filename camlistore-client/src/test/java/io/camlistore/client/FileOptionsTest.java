package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileOptionsTest {
  @Test
  void defaultsMakeNoPermanode() {
    assertThat(FileOptions.defaults().createsPermanode()).isFalse();
    assertThat(FileOptions.defaults().title()).isEmpty();
    assertThat(FileOptions.defaults()).hasToString("FileOptions{}");
  }

  @Test
  void aPermanodeIsTitledWithTheFileNameUnlessATitleIsGiven() {
    assertThat(FileOptions.permanode().createsPermanode()).isTrue();
    assertThat(FileOptions.permanode().title()).isEmpty();
    assertThat(FileOptions.permanode("Beach").title()).hasValue("Beach");
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
}
