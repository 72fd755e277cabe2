package io.camlistore.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.camel.CamlistoreComponent;
import io.camlistore.camel.CamlistoreConfiguration;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which properties reach the component, and the switches that turn the binding off. */
class CamlistoreComponentAutoConfigurationTest {
  private static EmbeddedCamlistoreServer server;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CamelAutoConfiguration.class, CamlistoreComponentAutoConfiguration.class));

  @BeforeAll
  static void startServer() {
    server = EmbeddedCamlistoreServer.builder().start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static CamlistoreConfiguration componentConfiguration(
      org.springframework.context.ApplicationContext context) {
    return context
        .getBean(CamelContext.class)
        .getComponent("camlistore", CamlistoreComponent.class)
        .getConfiguration();
  }

  @Test
  void bindsEveryKindOfPropertyOntoTheComponent() {
    runner
        .withBean("perkeepTls", SSLContextParameters.class, SSLContextParameters::new)
        .withPropertyValues(
            "camel.component.camlistore.server-url=http://perkeep.example:3179/",
            "camel.component.camlistore.username=alice",
            "camel.component.camlistore.password=secret",
            "camel.component.camlistore.connect-timeout=5s",
            "camel.component.camlistore.read-timeout=2m",
            "camel.component.camlistore.hash-function=sha1",
            "camel.component.camlistore.limit=500",
            "camel.component.camlistore.stream-download=true",
            "camel.component.camlistore.ssl-context-parameters=#bean:perkeepTls",
            "camel.component.camlistore.use-global-ssl-context-parameters=true",
            "camel.component.camlistore.proxy-host=proxy.example",
            "camel.component.camlistore.proxy-port=3128",
            "camel.component.camlistore.proxy-username=bob",
            "camel.component.camlistore.proxy-password=swordfish",
            "camel.component.camlistore.permanode=true",
            "camel.component.camlistore.max-attempts=5",
            "camel.component.camlistore.retry-backoff=1s",
            "camel.component.camlistore.max-connections=32",
            "camel.component.camlistore.upload-parallelism=6",
            "camel.component.camlistore.download-parallelism=2",
            "camel.component.camlistore.secret-keyring=/etc/app/secring.gpg",
            "camel.component.camlistore.key-id=7559C29EFA90DC38",
            "camel.component.camlistore.lazy-start-producer=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              CamlistoreConfiguration configuration = componentConfiguration(context);
              assertThat(configuration.getServerUrl()).isEqualTo("http://perkeep.example:3179/");
              assertThat(configuration.getUsername()).isEqualTo("alice");
              assertThat(configuration.getPassword()).isEqualTo("secret");
              assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
              assertThat(configuration.getReadTimeout()).isEqualTo(120_000);
              assertThat(configuration.getHashFunction()).isEqualTo("sha1");
              assertThat(configuration.getLimit()).isEqualTo(500);
              assertThat(configuration.isStreamDownload()).isTrue();
              assertThat(configuration.getSslContextParameters())
                  .isSameAs(context.getBean("perkeepTls"));
              assertThat(configuration.getProxyHost()).isEqualTo("proxy.example");
              assertThat(configuration.getProxyPort()).isEqualTo(3128);
              assertThat(configuration.getProxyUsername()).isEqualTo("bob");
              assertThat(configuration.getProxyPassword()).isEqualTo("swordfish");
              assertThat(
                      context
                          .getBean(CamelContext.class)
                          .getComponent("camlistore", CamlistoreComponent.class)
                          .isUseGlobalSslContextParameters())
                  .isTrue();
              assertThat(configuration.isPermanode()).isTrue();
              assertThat(configuration.getMaxAttempts()).isEqualTo(5);
              assertThat(configuration.getRetryBackoff()).isEqualTo(1_000);
              assertThat(configuration.getMaxConnections()).isEqualTo(32);
              assertThat(configuration.getUploadParallelism()).isEqualTo(6);
              assertThat(configuration.getDownloadParallelism()).isEqualTo(2);
              assertThat(configuration.getSecretKeyring()).isEqualTo("/etc/app/secring.gpg");
              assertThat(configuration.getKeyId()).isEqualTo("7559C29EFA90DC38");
              assertThat(
                      context
                          .getBean(CamelContext.class)
                          .getComponent("camlistore", CamlistoreComponent.class)
                          .isLazyStartProducer())
                  .isTrue();
            });
  }

  @Test
  void leavesTheDefaultsOfUnsetProperties() {
    runner
        .withPropertyValues("camel.component.camlistore.auth-token=0123abcd")
        .run(
            context -> {
              CamlistoreConfiguration configuration = componentConfiguration(context);
              assertThat(configuration.getAuthToken()).isEqualTo("0123abcd");
              assertThat(configuration.getServerUrl()).isNull();
              assertThat(configuration.getHashFunction()).isEqualTo("sha224");
              assertThat(configuration.getLimit()).isEqualTo(100);
              assertThat(configuration.getConnectTimeout()).isEqualTo(10_000);
              assertThat(configuration.getDownloadParallelism()).isEqualTo(8);
              assertThat(configuration.getRetryBackoff()).isEqualTo(200);
            });
  }

  @Test
  void bindsNothingWhenTheComponentsAutoConfigurationIsOff() {
    runner
        .withPropertyValues(
            "camel.component.camlistore.enabled=false",
            "camel.component.camlistore.server-url=http://perkeep.example:3179/")
        .run(context -> assertThat(componentConfiguration(context).getServerUrl()).isNull());
  }

  @Test
  void bindsNothingWhenItsCustomizerIsOff() {
    runner
        .withPropertyValues(
            "camel.component.camlistore.customizer.enabled=false",
            "camel.component.camlistore.server-url=http://perkeep.example:3179/")
        .run(context -> assertThat(componentConfiguration(context).getServerUrl()).isNull());
  }

  @Test
  void resolvesTheConnectionPropertyToTheNamedBean() {
    runner
        .withUserConfiguration(TwoConnections.class)
        .withPropertyValues("camel.component.camlistore.connection=#bean:second")
        .run(
            context ->
                assertThat(componentConfiguration(context).getConnection())
                    .isSameAs(context.getBean("second")));
  }

  @Test
  void resolvesABareBeanName() {
    runner
        .withUserConfiguration(TwoConnections.class)
        .withPropertyValues("camel.component.camlistore.connection=first")
        .run(
            context ->
                assertThat(componentConfiguration(context).getConnection())
                    .isSameAs(context.getBean("first")));
  }

  /** Two connections, so that autowiring by type cannot pick one: the property must. */
  @Configuration(proxyBeanMethods = false)
  static class TwoConnections {
    @Bean(destroyMethod = "close")
    Connection first() {
      return Camlistore.connect(server.url());
    }

    @Bean(destroyMethod = "close")
    Connection second() {
      return Camlistore.connect(server.url());
    }
  }
}
