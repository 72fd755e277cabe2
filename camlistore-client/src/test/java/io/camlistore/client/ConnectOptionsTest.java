package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.Test;

class ConnectOptionsTest {
  @Test
  void defaultsAreSensible() {
    ConnectOptions options = ConnectOptions.defaults();

    assertThat(options.auth().authorizationHeader()).isNull();
    assertThat(options.maxAttempts()).isEqualTo(3);
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.userAgent()).startsWith("camlistore-java/");
    assertThat(options.sslContext()).isNull();
    assertThat(options.proxy()).as("null: the JVM's proxy settings").isNull();
    assertThat(options.httpClientCustomizer()).isNull();
    assertThat(options.uploadExecutor()).isNull();
    assertThat(options.downloadExecutor()).isNull();
    assertThat(options.signer()).isNull();
    assertThat(options.uploadParallelism()).isEqualTo(4);
    assertThat(options.downloadParallelism()).isEqualTo(8);
    assertThat(options.maxConnections())
        .isGreaterThanOrEqualTo(options.uploadParallelism() + options.downloadParallelism());
  }

  @Test
  void toBuilderKeepsEverySetting() throws Exception {
    SSLContext tls = SSLContext.getDefault();
    HttpProxy proxy = HttpProxy.of("proxy.example", 3128);
    Consumer<HttpClientBuilder> customizer = builder -> {};
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.shutdown();
    ConnectOptions options =
        ConnectOptions.builder()
            .sslContext(tls)
            .proxy(proxy)
            .httpClientCustomizer(customizer)
            .uploadExecutor(executor)
            .downloadExecutor(executor)
            .auth(Auth.basic("alice", "secret"))
            .readTimeout(Duration.ofSeconds(5))
            .maxAttempts(1)
            .uploadParallelism(2)
            .downloadParallelism(5)
            .enumeratePageSize(10)
            .build();

    ConnectOptions copy = options.toBuilder().userAgent("test/1").build();

    assertThat(copy.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(copy.maxAttempts()).isEqualTo(1);
    assertThat(copy.uploadParallelism()).isEqualTo(2);
    assertThat(copy.downloadParallelism()).isEqualTo(5);
    assertThat(copy.enumeratePageSize()).isEqualTo(10);
    assertThat(copy.userAgent()).isEqualTo("test/1");
    assertThat(copy.auth().authorizationHeader()).isEqualTo(options.auth().authorizationHeader());
    assertThat(copy.sslContext()).isSameAs(tls);
    assertThat(copy.proxy()).isSameAs(proxy);
    assertThat(copy.httpClientCustomizer()).isSameAs(customizer);
    assertThat(copy.uploadExecutor()).isSameAs(executor);
    assertThat(copy.downloadExecutor()).isSameAs(executor);
  }

  @Test
  void buildNamesTheBadOptionAndSaysWhatIsWrongApart() {
    assertThatThrownBy(() -> ConnectOptions.builder().maxAttempts(0).build())
        .isInstanceOfSatisfying(
            InvalidOptionException.class,
            e -> {
              assertThat(e.option()).isEqualTo("maxAttempts");
              assertThat(e.problem()).isEqualTo("must be at least 1, got 0");
            })
        .hasMessage("maxAttempts must be at least 1, got 0");
    assertThatThrownBy(() -> ConnectOptions.builder().readTimeout(Duration.ZERO).build())
        .hasMessage("readTimeout must be positive, got 0 ms");
    assertThatThrownBy(() -> ConnectOptions.builder().connectTimeout(Duration.ofNanos(-1)).build())
        .hasMessage("connectTimeout must be positive, got PT-0.000000001S");
    assertThatThrownBy(() -> ConnectOptions.builder().enumeratePageSize(10_001).build())
        .hasMessage("enumeratePageSize must be 1 to 10000, got 10001");
    assertThatThrownBy(() -> ConnectOptions.builder().retryBackoff(Duration.ofMillis(-1)).build())
        .hasMessage("retryBackoff must not be negative, got -1 ms");
    assertThatThrownBy(() -> ConnectOptions.builder().userAgent(" ").build())
        .hasMessage("userAgent must not be blank");
    Map.of(
            "maxConnections", ConnectOptions.builder().maxConnections(0),
            "uploadParallelism", ConnectOptions.builder().uploadParallelism(0),
            "downloadParallelism", ConnectOptions.builder().downloadParallelism(0))
        .forEach(
            (option, builder) ->
                assertThatThrownBy(builder::build)
                    .as(option)
                    .isInstanceOfSatisfying(
                        InvalidOptionException.class,
                        e -> assertThat(e.option()).isEqualTo(option)));
  }

  @Test
  void toStringMasksCredentials() {
    assertThat(
            ConnectOptions.builder()
                .auth(Auth.basic("alice", "hunter2"))
                .proxy(HttpProxy.of("proxy.example", 3128).withCredentials("bob", "swordfish"))
                .build())
        .asString()
        .contains("proxy.example:3128")
        .doesNotContain("hunter2")
        .doesNotContain("bob")
        .doesNotContain("swordfish");
  }
}
