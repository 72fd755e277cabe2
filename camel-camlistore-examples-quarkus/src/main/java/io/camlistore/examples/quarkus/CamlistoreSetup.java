package io.camlistore.examples.quarkus;

import io.camlistore.camel.CamlistoreComponent;
import io.camlistore.client.Camlistore;
import io.camlistore.client.Connection;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code camlistore} component. Camel applies the {@code camel.component.camlistore.*}
 * properties to it; when {@code camel.component.camlistore.server-url} is not set, it is given a
 * connection to an embedded server instead, which keeps its blobs under {@code
 * camlistore.embedded.storage} and stops with the application.
 */
@ApplicationScoped
public class CamlistoreSetup {
  private static final Logger LOG = LoggerFactory.getLogger(CamlistoreSetup.class);

  private final Optional<String> serverUrl;
  private final String storage;
  private @Nullable EmbeddedCamlistoreServer embedded;
  private @Nullable Connection connection;

  /**
   * Creates the setup (CDI does).
   *
   * @param serverUrl the configured server, if any
   * @param storage where an embedded server keeps its blobs
   */
  @Inject
  public CamlistoreSetup(
      @ConfigProperty(name = "camel.component.camlistore.server-url") Optional<String> serverUrl,
      @ConfigProperty(name = "camlistore.embedded.storage") String storage) {
    this.serverUrl = serverUrl;
    this.storage = storage;
  }

  /** {@return the component, connected to the embedded server when no server URL is configured} */
  @Produces
  @Singleton
  @Named("camlistore")
  public synchronized CamlistoreComponent camlistore() {
    CamlistoreComponent component = new CamlistoreComponent();
    if (serverUrl.filter(url -> !url.isBlank()).isEmpty()) {
      Path directory = Path.of(storage).toAbsolutePath();
      EmbeddedCamlistoreServer server =
          EmbeddedCamlistoreServer.builder()
              .storageDirectory(directory)
              .noAuth()
              // A long-running app: no request bodies kept in the server's request log.
              .recordedBodyLimit(0)
              .start();
      Connection open = Camlistore.connect(server.url());
      embedded = server;
      connection = open;
      component.getConfiguration().setConnection(open);
      LOG.info(
          "No camel.component.camlistore.server-url given: started an embedded Camlistore server"
              + " at {} (blobs in {})",
          server.url(),
          directory);
    }
    return component;
  }

  /** Closes the embedded server's connection and stops the server, if they were started. */
  @PreDestroy
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /** {@return the embedded server, if one was started} */
  public synchronized Optional<EmbeddedCamlistoreServer> embeddedServer() {
    return Optional.ofNullable(embedded);
  }
}
