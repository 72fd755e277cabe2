package io.camlistore.examples;

import io.camlistore.client.Auth;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.LocalSigner;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server an example talks to: the one named by {@code camlistore.url} (with the credentials of
 * {@code camlistore.auth}, as {@code userpass:USER:PASS} or {@code token:TOKEN}), or else an
 * embedded server storing its blobs under {@code camlistore.storage}, so the examples run with no
 * Perkeep installed and a second run finds the first run's blobs. Permanodes are signed here, on
 * every core, with {@code camlistore.key-id} of the secret keyring {@code camlistore.keyring} when
 * both are given; else by the server's sign helper: a real server's owner key, or the embedded
 * server's test identity ({@link TestIdentity}, whose secret key is public: for local trials only).
 *
 * <p>Closing it closes the connection and stops the embedded server, if one was started.
 */
public final class ExampleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);

  private final Connection connection;
  private final @Nullable EmbeddedCamlistoreServer embedded;

  private ExampleServer(Connection connection, @Nullable EmbeddedCamlistoreServer embedded) {
    this.connection = connection;
    this.embedded = embedded;
  }

  /**
   * Connects to the configured server, or starts an embedded one.
   *
   * @param config the settings {@code camlistore.url}, {@code camlistore.auth}, {@code
   *     camlistore.keyring}, {@code camlistore.key-id} and {@code camlistore.storage}
   * @return the open server
   * @throws IllegalArgumentException if the auth setting is malformed, only one of keyring and key
   *     id is given, or the keyring holds no such secret key
   * @throws io.camlistore.client.CamlistoreException if the server cannot be reached
   */
  public static ExampleServer open(ExampleConfig config) {
    String url = config.find("camlistore.url");
    if (url != null) {
      String auth = config.find("camlistore.auth");
      Connection connection =
          Camlistore.connect(
              url, options(config).auth(auth == null ? Auth.none() : Auth.parse(auth)).build());
      LOG.info("Using the Camlistore server at {}", url);
      return new ExampleServer(connection, null);
    }
    Path storage = Path.of(config.get("camlistore.storage")).toAbsolutePath();
    // The ingestion example makes permanodes, which need the server's sign helper: the embedded
    // server signs with the testkit's published test identity, which is fine for a local demo
    // store and proves nothing about who signed.
    EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .storageDirectory(storage)
            .noAuth()
            // A long run: no request bodies kept in the server's request log, which no one reads.
            .recordedBodyLimit(0)
            .signer(TestIdentity.signer())
            .start();
    try {
      Connection connection = Camlistore.connect(server.url(), options(config).build());
      LOG.info(
          "No camlistore.url given: started an embedded Camlistore server at {} (blobs in {})",
          server.url(),
          storage);
      return new ExampleServer(connection, server);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** {@return connection options with the local signer the settings name, if any} */
  private static ConnectOptions.Builder options(ExampleConfig config) {
    String keyring = config.find("camlistore.keyring");
    String keyId = config.find("camlistore.key-id");
    if ((keyring == null) != (keyId == null)) {
      throw new IllegalArgumentException(
          "signing locally needs both camlistore.keyring and camlistore.key-id; got only "
              + (keyring == null ? "camlistore.key-id" : "camlistore.keyring"));
    }
    ConnectOptions.Builder options = ConnectOptions.builder();
    if (keyring != null && keyId != null) {
      options.signer(LocalSigner.fromKeyring(Path.of(keyring), keyId));
      LOG.info("Signing permanodes here with key {} of {}", keyId, keyring);
    }
    return options;
  }

  /** {@return the open connection; the component uses it when it is bound in the registry} */
  public Connection connection() {
    return connection;
  }

  /** {@return whether this is an embedded server the example started} */
  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    connection.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
