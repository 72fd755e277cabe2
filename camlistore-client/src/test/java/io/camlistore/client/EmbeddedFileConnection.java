package io.camlistore.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.internal.ParallelTasks;
import io.camlistore.client.internal.file.LocalMetadata;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the file tests share: a connection to the testkit's embedded server, emptied for each test
 * and watched by a {@link ChildrenFirstCheck}, and a {@link FileClient} on it that records fixed
 * attributes instead of the local file system's. Closing it after each test checks that no pooled
 * HTTP connection leaked and that the client used only discovery, stat, upload and get.
 */
final class EmbeddedFileConnection implements AutoCloseable {
  private final EmbeddedCamlistoreServer server;
  private final ChildrenFirstCheck order;
  private final Connection conn;
  private final ParallelTasks pinnedTasks = ParallelTasks.ownThreads("test", 4);
  private final ParallelTasks pinnedSigning = ParallelTasks.ownThreads("test-sign", 2);
  private final FileClient pinned;

  /**
   * {@return the file tests' server: blobs only, recording whole request bodies, so that {@link
   * UploadLog} reads every part of an upload}
   */
  static EmbeddedCamlistoreServer.Builder serverBuilder() {
    return EmbeddedCamlistoreServer.builder()
        .search(false)
        .recordedBodyLimit(EmbeddedCamlistoreServer.DEFAULT_MAX_BLOB_SIZE);
  }

  /**
   * Empties the server, watches its store and connects without retry back-off.
   *
   * @param server the embedded server
   * @param metadata the attributes the pinned client records
   */
  EmbeddedFileConnection(EmbeddedCamlistoreServer server, LocalMetadata.Source metadata) {
    this.server = server;
    server.reset();
    this.order = new ChildrenFirstCheck(server);
    server.addBlobListener(order);
    this.conn =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().retryBackoff(Duration.ZERO).build());
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

  /** {@return each schema blob stored before a blob it names, since this connection was made} */
  List<String> orderViolations() {
    return order.violations();
  }

  /** {@return a second connection to the server that signs with the fixtures' identity} */
  Connection connectSigning() {
    return connect(options -> options.signer(SigningFixtures.serverIdentity()));
  }

  /**
   * {@return a second connection to the server, with changed options}
   *
   * @param change changes this connection's options
   */
  Connection connect(UnaryOperator<ConnectOptions.Builder> change) {
    return Camlistore.connect(server.url(), change.apply(conn.options().toBuilder()).build());
  }

  /**
   * Checks that no pooled HTTP connection leaked and that the client sent only discovery, stat,
   * upload and get requests, then closes.
   */
  @Override
  public void close() {
    try {
      assertThat(conn.leasedHttpConnections()).as("leased HTTP connections").isZero();
      assertThat(server.requests())
          .as("requests other than discovery, stat, upload and get")
          .allMatch(EmbeddedFileConnection::expected);
    } finally {
      server.removeBlobListener(order);
      pinnedTasks.close();
      pinnedSigning.close();
      conn.close();
    }
  }

  private static boolean expected(RecordedRequest request) {
    return request.path().equals("/")
        || request.isBlobAction("POST", "stat")
        || request.isBlobAction("POST", "upload")
        || (request.method().equals("GET") && UploadLog.isBlobGet(request));
  }
}
