package io.camlistore.examples.springboot;

import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When {@code camel.component.camlistore.server-url} is not set, starts an embedded server (blobs
 * under {@code camlistore.embedded.storage}) and provides a {@link Connection} to it, which the
 * component picks up as the single bean of its type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${camel.component.camlistore.server-url:}'.isEmpty()")
public class EmbeddedServerConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServerConfiguration.class);

  /** Creates the configuration (Spring does). */
  public EmbeddedServerConfiguration() {}

  /**
   * {@return the started server}
   *
   * @param storage where it keeps its blobs
   */
  @Bean(destroyMethod = "close")
  public EmbeddedCamlistoreServer embeddedCamlistoreServer(
      @Value("${camlistore.embedded.storage}") String storage) {
    Path directory = Path.of(storage).toAbsolutePath();
    EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .storageDirectory(directory)
            .noAuth()
            // A long-running app: no request bodies kept in the server's request log.
            .recordedBodyLimit(0)
            .start();
    LOG.info(
        "No camel.component.camlistore.server-url given: started an embedded Camlistore server at"
            + " {} (blobs in {})",
        server.url(),
        directory);
    return server;
  }

  /**
   * {@return a connection to the embedded server}
   *
   * @param server the server
   */
  @Bean(destroyMethod = "close")
  public Connection camlistoreConnection(EmbeddedCamlistoreServer server) {
    return Camlistore.connect(server.url());
  }
}
