package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpProxyTest {
  @Test
  void aProxyNamesItsHostAndPortAndOptionallyCredentials() {
    HttpProxy plain = HttpProxy.of(" proxy.example ", 3128);
    HttpProxy withCredentials = plain.withCredentials("bob", "swordfish");

    assertThat(plain.host()).isEqualTo("proxy.example");
    assertThat(plain.port()).isEqualTo(3128);
    assertThat(plain.username()).isNull();
    assertThat(plain.password()).isNull();
    assertThat(withCredentials.username()).isEqualTo("bob");
    assertThat(withCredentials.password()).isEqualTo("swordfish");
    assertThat(withCredentials)
        .isEqualTo(HttpProxy.of("proxy.example", 3128).withCredentials("bob", "swordfish"));
    assertThat(withCredentials).hasSameHashCodeAs(plain.withCredentials("bob", "swordfish"));
    assertThat(withCredentials).isNotEqualTo(plain);
  }

  @Test
  void toStringNeverShowsTheCredentials() {
    assertThat(HttpProxy.of("proxy.example", 3128).withCredentials("bob", "swordfish"))
        .hasToString("HttpProxy{proxy.example:3128, credentials=<masked>}");
    assertThat(HttpProxy.of("proxy.example", 3128)).hasToString("HttpProxy{proxy.example:3128}");
  }

  @Test
  void badValuesAreRefusedNamingThem() {
    assertThatThrownBy(() -> HttpProxy.of(" ", 3128))
        .isInstanceOfSatisfying(
            InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo("proxy.host"))
        .hasMessage("proxy.host must not be blank");
    assertThatThrownBy(() -> HttpProxy.of("p", 0))
        .isInstanceOfSatisfying(
            InvalidOptionException.class,
            e -> assertThat(e.problem()).isEqualTo("must be 1 to 65535, got 0"))
        .hasMessage("proxy.port must be 1 to 65535, got 0");
    assertThatThrownBy(() -> HttpProxy.of("p", 65_536))
        .hasMessage("proxy.port must be 1 to 65535, got 65536");
    assertThatThrownBy(() -> HttpProxy.of("p", 1).withCredentials(" ", "pw"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage("proxy.username must not be blank");
  }
}
