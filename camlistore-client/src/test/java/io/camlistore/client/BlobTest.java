package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seed client's Blob tests (PC-17..PC-22), adapted to an immutable Java value. */
class BlobTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

  @Test
  void defaultHashIsTheServersSha224() {
    Blob blob = Blob.of(HELLO);

    assertThat(blob.hashFuncName()).isEqualTo("sha224");
    assertThat(blob.blobRef())
        .hasToString("sha224-ea09ae9cc6768c50fcee903ed054556e5bfc8347907f12598aa24193");
    assertThat(blob.size()).isEqualTo(5);
  }

  @Test
  void sha1BlobHasTheSeedClientsRef() {
    Blob blob = Blob.withHash(HELLO, "sha1");

    assertThat(blob.data()).isEqualTo(HELLO);
    assertThat(blob.blobRef()).hasToString("sha1-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
  }

  @Test
  void sha256BlobHasTheSeedClientsRef() {
    assertThat(Blob.withHash(HELLO, "sha256").blobRef())
        .hasToString("sha256-2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  }

  @Test
  void anotherHashOrOtherDataIsAnotherBlob() {
    Blob hello = Blob.withHash(HELLO, "sha1");

    assertThat(Blob.withHash(HELLO, "sha256").blobRef()).isNotEqualTo(hello.blobRef());
    assertThat(Blob.withHash("world".getBytes(StandardCharsets.UTF_8), "sha1").blobRef())
        .hasToString("sha1-7c211433f02071597741e6ff5a8ea34789abbf43");
  }

  @Test
  void blobIsImmutable() {
    byte[] data = HELLO.clone();
    Blob blob = Blob.withHash(data, "sha1");

    data[0] = 'j';
    blob.data()[0] = 'j';

    assertThat(blob.data()).isEqualTo(HELLO);
    assertThat(blob.blobRef()).hasToString("sha1-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
  }

  @Test
  void aBlobOfPartOfAnArrayHoldsACopyOfJustThatPart() {
    byte[] framed = "[hello]".getBytes(StandardCharsets.UTF_8);

    Blob blob = Blob.copyOfRange(framed, 1, 5, "sha1");
    framed[1] = 'j';

    assertThat(blob.data()).isEqualTo(HELLO);
    assertThat(blob.blobRef()).isEqualTo(Blob.withHash(HELLO, "sha1").blobRef());
    assertThatThrownBy(() -> Blob.copyOfRange(framed, 3, 5, "sha1"))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void textIsEncodedAsUtf8() {
    Blob blob = Blob.of("Hello, Perkeep!\n");

    assertThat(blob.blobRef())
        .hasToString("sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3");
    assertThat(blob.text()).isEqualTo("Hello, Perkeep!\n");
    assertThat(Blob.of("é").size()).isEqualTo(2);
  }

  @Test
  void unsupportedHashNameIsRejectedNamingIt() {
    assertThatThrownBy(() -> Blob.withHash(HELLO, "SHA-224"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SHA-224'")
        .hasMessageContaining("sha224");
  }

  @Test
  void verifiedHashesWithTheFunctionItsRefNamesAndCopiesTheBytes() {
    byte[] data = HELLO.clone();
    BlobRef sha224 = Blob.of(HELLO).blobRef();

    Blob blob = Blob.verified(data, sha224);
    data[0] = 'j';

    assertThat(blob.hashFuncName()).isEqualTo("sha224");
    assertThat(blob.data()).isEqualTo(HELLO);
  }

  @Test
  void expectedRefIsVerified() {
    BlobRef right = BlobRef.parse("sha1-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
    BlobRef wrong = BlobRef.parse("sha1-7c211433f02071597741e6ff5a8ea34789abbf43");

    assertThat(Blob.verified(HELLO, right).blobRef()).isEqualTo(right);
    assertThatThrownBy(() -> Blob.verified(HELLO, wrong))
        .isInstanceOfSatisfying(
            HashMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(wrong);
              assertThat(e.actual()).isEqualTo(right);
            })
        .hasMessageContaining(wrong.toString());
  }

  @Test
  void streamsAndWritesWithoutExposingTheArray() throws IOException {
    Blob blob = Blob.of(HELLO);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    blob.writeTo(out);

    assertThat(out.toByteArray()).isEqualTo(HELLO);
    assertThat(blob.openStream().readAllBytes()).isEqualTo(HELLO);
  }

  @Test
  void equalityFollowsTheRefAndToStringHidesContent() {
    assertThat(Blob.of(HELLO)).isEqualTo(Blob.of("hello")).hasSameHashCodeAs(Blob.of("hello"));
    assertThat(Blob.of("secret")).asString().doesNotContain("secret").contains("6 bytes");
  }
}
