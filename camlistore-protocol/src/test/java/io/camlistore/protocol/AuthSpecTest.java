package io.camlistore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthSpecTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "none", "localhost"})
  void noCredentials(String spec) {
    assertThat(AuthSpec.parse(spec).scheme()).isEqualTo(AuthSpec.Scheme.NONE);
    assertThat(AuthSpec.parse(spec).secret()).isEmpty();
  }

  @Test
  void userpassIgnoresServerSideSuffixes() {
    AuthSpec spec = AuthSpec.parse("userpass:alice:s3cret:+localhost:vivify=other");

    assertThat(spec.scheme()).isEqualTo(AuthSpec.Scheme.BASIC);
    assertThat(spec.user()).isEqualTo("alice");
    assertThat(spec.secret()).isEqualTo("s3cret");
    assertThat(spec).hasToString("AuthSpec{basic, user=alice}");
  }

  @Test
  void devauthHasAnyUserName() {
    AuthSpec spec = AuthSpec.parse("devauth:pw");

    assertThat(spec.scheme()).isEqualTo(AuthSpec.Scheme.BASIC);
    assertThat(spec.user()).isEqualTo("devauth");
    assertThat(spec.secret()).isEqualTo("pw");
  }

  @Test
  void tokenKeepsItsSecretOutOfToString() {
    AuthSpec spec = AuthSpec.parse("token:abc123");

    assertThat(spec.scheme()).isEqualTo(AuthSpec.Scheme.TOKEN);
    assertThat(spec.secret()).isEqualTo("abc123");
    assertThat(spec.toString()).doesNotContain("abc123").isEqualTo("AuthSpec{token}");
    assertThat(AuthSpec.parse("none")).hasToString("AuthSpec{none}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userpass:alice", "userpass::pw", "devauth:", "token:", "token:  "})
  void malformedSpecsNameTheSchemeButNotTheSecret(String spec) {
    assertThatThrownBy(() -> AuthSpec.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed '")
        .hasMessageNotContaining("pw");
  }

  @Test
  void unknownSchemesAreNamed() {
    assertThatThrownBy(() -> AuthSpec.parse("kerberos:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown auth scheme 'kerberos'");
  }

  @Test
  void headersAreBasicOrToken() {
    assertThat(AuthSpec.parse("userpass:alice:secret").authorizationHeader())
        .isEqualTo("Basic YWxpY2U6c2VjcmV0");
    assertThat(AuthSpec.token("abc").authorizationHeader()).isEqualTo("Token abc");
    assertThat(AuthSpec.none().authorizationHeader()).isNull();
  }

  @Test
  void factoriesRefuseWhatNoServerAccepts() {
    assertThatThrownBy(() -> AuthSpec.basic("a:b", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not contain ':'");
    assertThatThrownBy(() -> AuthSpec.token("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("auth token must not be blank");
  }
}
