package io.camlistore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobRefTest {
  private static final String HELLO_CHUNK =
      "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";

  @Test
  void parseKeepsHashNameAndDigest() {
    BlobRef ref = BlobRef.parse(HELLO_CHUNK);

    assertThat(ref.hashName()).isEqualTo("sha224");
    assertThat(ref.digest()).isEqualTo("5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3");
    assertThat(ref).hasToString(HELLO_CHUNK);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha1-7f9281ff490b7930c7fdb1861d234dba8680e702",
        "sha256-2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
      })
  void parseAcceptsEverySupportedHash(String text) {
    assertThat(BlobRef.parse(text)).hasToString(text);
  }

  @Test
  void parseRejectsWrongDigestLengthNamingInputAndLength() {
    assertThatThrownBy(() -> BlobRef.parse("sha224-abcdef"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sha224-abcdef'")
        .hasMessageContaining("56 hex characters");
  }

  @Test
  void parseRejectsUppercaseHex() {
    assertThatThrownBy(() -> BlobRef.parse("sha1-7F9281FF490B7930C7FDB1861D234DBA8680E702"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lowercase hex");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dummy", "-abc", "md5-d41d8cd98f00b204e9800998ecf8427e"})
  void parseRejectsNonBlobrefs(String text) {
    assertThatThrownBy(() -> BlobRef.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a blobref: '" + text + "'");
  }

  @Test
  void parseOrNullReturnsNullForBadInput() {
    assertThat(BlobRef.parseOrNull("sha224-xyz")).isNull();
    assertThat(BlobRef.parseOrNull(null)).isNull();
    assertThat(BlobRef.parseOrNull(HELLO_CHUNK)).isEqualTo(BlobRef.parse(HELLO_CHUNK));
  }

  @Test
  void computeHashesTheBytes() {
    assertThat(BlobRef.compute("sha224", "Hello, Perkeep!\n".getBytes(StandardCharsets.UTF_8)))
        .hasToString(HELLO_CHUNK);
  }

  @Test
  void fromDigestRejectsWrongLength() {
    assertThatThrownBy(() -> BlobRef.fromDigest("sha1", new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes");
  }

  @Test
  void refsAreValuesOrderedLikeTheServerEnumerates() {
    BlobRef sha1 = BlobRef.parse("sha1-7f9281ff490b7930c7fdb1861d234dba8680e702");
    BlobRef sha224 = BlobRef.parse(HELLO_CHUNK);

    assertThat(BlobRef.parse(HELLO_CHUNK)).isEqualTo(sha224).hasSameHashCodeAs(sha224);
    assertThat(sha1).isNotEqualTo(sha224).isLessThan(sha224);
  }
}
