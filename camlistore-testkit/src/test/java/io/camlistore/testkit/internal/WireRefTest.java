package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class WireRefTest {
  private static final String SHA224 =
      "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3";

  @Test
  void supportedRefsCarryTheirHashAndClientRef() {
    WireRef ref = Objects.requireNonNull(WireRef.parse(SHA224));

    assertThat(ref.algorithm()).isPresent();
    assertThat(ref.blobRef()).contains(BlobRef.parse(SHA224));
    assertThat(ref).hasToString(SHA224).isEqualTo(WireRef.parse(SHA224));
    assertThat(ref.hashCode()).isEqualTo(SHA224.hashCode());
  }

  @Test
  void unknownHashesAreSyntacticallyValidButUnsupported() {
    WireRef md5 = Objects.requireNonNull(WireRef.parse("md5-1d49de86c83a976e5b009d392d8e705e"));
    WireRef sha256 = Objects.requireNonNull(WireRef.parse("sha256-abc"));

    assertThat(md5.algorithm()).isEmpty();
    assertThat(md5.blobRef()).isEmpty();
    assertThat(sha256.algorithm()).isEmpty();
  }

  @Test
  void malformedRefsAreRejectedAsTheServerDoes() {
    assertThat(WireRef.parse("sha224-xyz")).isNull();
    assertThat(WireRef.parse("sha224-abcdef")).isNull();
    assertThat(WireRef.parse("sha1-" + "A".repeat(40))).isNull();
    assertThat(WireRef.parse("notablobref")).isNull();
    assertThat(WireRef.parse("-abc")).isNull();
    assertThat(WireRef.parse("Md5-abc")).isNull();
    assertThat(WireRef.parse("md5-")).isNull();
    assertThat(WireRef.parse("md5-" + "a".repeat(257))).isNull();
  }
}
