package io.camlistore.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealPerkeepServerTest {
  @Test
  void noUrlMeansNoServer() {
    assertThat(RealPerkeepServer.fromVariables(Map.of())).isNull();
    assertThat(RealPerkeepServer.fromVariables(Map.of(RealPerkeepServer.URL_VARIABLE, " ")))
        .isNull();
  }

  @Test
  void readsUrlAndCredentialsWithoutShowingThePassword() {
    RealPerkeepServer server =
        requireNonNull(
            RealPerkeepServer.fromVariables(
                Map.of(
                    RealPerkeepServer.URL_VARIABLE, "http://127.0.0.1:3179",
                    RealPerkeepServer.AUTH_VARIABLE, "userpass:alice:s3cret")));

    assertThat(server.url()).isEqualTo("http://127.0.0.1:3179/");
    assertThat(server.authSpec()).isEqualTo("userpass:alice:s3cret");
    assertThat(server.toString())
        .contains("http://127.0.0.1:3179/", "alice")
        .doesNotContain("s3cret");
    assertThat(server.home()).isNull();
    assertThat(server.tools()).isNull();
  }

  @Test
  void withoutCredentialsAuthIsNone() {
    RealPerkeepServer server =
        requireNonNull(
            RealPerkeepServer.fromVariables(Map.of(RealPerkeepServer.URL_VARIABLE, "http://h:1/")));

    assertThat(server.authSpec()).isEqualTo("none");
  }

  @Test
  void namesTheToolsOfAServerFolder(@TempDir Path home) throws Exception {
    Files.createDirectory(home.resolve("bin"));

    RealPerkeepServer server =
        requireNonNull(
            RealPerkeepServer.fromVariables(
                Map.of(
                    RealPerkeepServer.URL_VARIABLE,
                    "http://h:1/",
                    RealPerkeepServer.HOME_VARIABLE,
                    home.toString())));

    assertThat(server.home()).isEqualTo(home);
    assertThat(server.tools()).isNotNull();
    assertThatThrownBy(() -> requireNonNull(server.tools()).pkPut("blob", "-"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pk-put is missing or not executable");
  }

  @Test
  void aServerNamedDirectlyReadsLikeOneFromTheEnvironment(@TempDir Path bin) {
    RealPerkeepServer server = RealPerkeepServer.of(" http://127.0.0.1:3179 ", "");

    assertThat(server.url()).isEqualTo("http://127.0.0.1:3179/");
    assertThat(server.authSpec()).isEqualTo("none");
    assertThat(server.home()).isNull();
    assertThat(RealPerkeepServer.of("http://h:1/", "userpass:alice:s3cret").toString())
        .doesNotContain("s3cret");
    assertThatThrownBy(() -> RealPerkeepServer.of("http://h:1/", "password"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown auth scheme");
    assertThatThrownBy(() -> server.tools(bin).pkPut("blob", "-"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(bin.resolve("pk-put") + " is missing or not executable");
  }

  @Test
  void malformedSettingsFailInsteadOfSkipping(@TempDir Path empty) {
    assertThatThrownBy(
            () ->
                RealPerkeepServer.fromVariables(
                    Map.of(
                        RealPerkeepServer.URL_VARIABLE, "http://h:1/",
                        RealPerkeepServer.AUTH_VARIABLE, "password")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown auth scheme");
    assertThatThrownBy(
            () ->
                RealPerkeepServer.fromVariables(
                    Map.of(
                        RealPerkeepServer.URL_VARIABLE,
                        "http://h:1/",
                        RealPerkeepServer.HOME_VARIABLE,
                        empty.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no bin folder");
  }
}
