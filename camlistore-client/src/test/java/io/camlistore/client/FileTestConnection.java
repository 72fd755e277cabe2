package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.client.internal.ParallelTasks;
import io.camlistore.client.internal.file.LocalMetadata;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * What the file tests share: a connection to a strict WireMock server (see {@link
 * WireMockFixtures#server}) whose blob protocol a {@link BlobStoreStub} may answer, and a {@link
 * FileClient} on it that records fixed attributes instead of the local file system's. Closing it
 * after each test checks that no pooled HTTP connection leaked.
 */
final class FileTestConnection implements AutoCloseable {
  /** The blob root of fixture 01's discovery. */
  static final String ROOT = "/bs-and-maybe-also-index/";

  private final WireMockExtension server;
  private final Connection conn;
  private final ParallelTasks pinnedTasks = ParallelTasks.ownThreads("test", 4);
  private final ParallelTasks pinnedSigning = ParallelTasks.ownThreads("test-sign", 2);
  private final FileClient pinned;

  /**
   * Empties the store, stubs discovery with fixture 01 and connects without retry back-off.
   *
   * @param metadata the attributes the pinned client records
   */
  FileTestConnection(WireMockExtension server, BlobStoreStub store, LocalMetadata.Source metadata) {
    this.server = server;
    store.reset();
    server.stubFor(
        get("/?camli.mode=config")
            .willReturn(Fixture.named("01-discovery-accept-header").response()));
    this.conn =
        Camlistore.connect(
            server.baseUrl() + "/", ConnectOptions.builder().retryBackoff(Duration.ZERO).build());
    this.pinned =
        new FileClient(
            conn.blobs(),
            conn.permanodes(),
            conn::signer,
            new FileClient.Threads(pinnedTasks, 4, pinnedTasks, 4, pinnedSigning, 2),
            metadata);
  }

  Connection connection() {
    return conn;
  }

  /** {@return a file client recording the fixed attributes} */
  FileClient pinned() {
    return pinned;
  }

  /** {@return a second connection to the server that signs with the server's test identity} */
  Connection connectSigning() {
    return connect(options -> options.signer(SigningFixtures.serverIdentity()));
  }

  /**
   * {@return a second connection to the server, with changed options}
   *
   * @param change changes this connection's options
   */
  Connection connect(UnaryOperator<ConnectOptions.Builder> change) {
    return Camlistore.connect(
        server.baseUrl() + "/", change.apply(conn.options().toBuilder()).build());
  }

  @Override
  public void close() {
    try {
      assertThat(conn.leasedHttpConnections()).as("leased HTTP connections").isZero();
    } finally {
      pinnedTasks.close();
      pinnedSigning.close();
      conn.close();
    }
  }
}
