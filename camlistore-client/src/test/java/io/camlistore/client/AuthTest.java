package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthTest {
  @Test
  void basicSendsBase64OfUserAndPassword() {
    assertThat(Auth.basic("alice", "secret").authorizationHeader())
        .isEqualTo("Basic YWxpY2U6c2VjcmV0");
  }

  @Test
  void tokenSendsTokenScheme() {
    assertThat(Auth.token("eeb1bfd6").authorizationHeader()).isEqualTo("Token eeb1bfd6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "localhost", ""})
  void noneSendsNothing(String spec) {
    assertThat(Auth.parse(spec).authorizationHeader()).isNull();
  }

  @Test
  void parseUnderstandsTheGoClientsUserpassForms() {
    assertThat(Auth.parse("userpass:alice:secret").authorizationHeader())
        .isEqualTo("Basic YWxpY2U6c2VjcmV0");
    assertThat(Auth.parse("userpass:alice:secret:+localhost").authorizationHeader())
        .isEqualTo("Basic YWxpY2U6c2VjcmV0");
    assertThat(Auth.parse("devauth:pw").authorizationHeader()).isNotNull();
    assertThat(Auth.parse("token:abc").authorizationHeader()).isEqualTo("Token abc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userpass:alice", "userpass::pw", "token:", "devauth:"})
  void parseRejectsMalformedStringsWithoutQuotingSecrets(String spec) {
    assertThatThrownBy(() -> Auth.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void parseRejectsUnknownSchemeNamingIt() {
    assertThatThrownBy(() -> Auth.parse("kerberos:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'kerberos'")
        .hasMessageContaining("userpass:USER:PASS");
  }

  @Test
  void toStringNeverShowsSecrets() {
    assertThat(Auth.basic("alice", "hunter2"))
        .asString()
        .contains("alice")
        .doesNotContain("hunter2");
    assertThat(Auth.token("tok123")).asString().doesNotContain("tok123");
    assertThat(Auth.none()).hasToString("Auth{none}");
  }

  @Test
  void rejectsColonInUserAndBlankToken() {
    assertThatThrownBy(() -> Auth.basic("a:b", "p")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Auth.token(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
