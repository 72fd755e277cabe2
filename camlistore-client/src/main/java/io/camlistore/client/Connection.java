package io.camlistore.client;

import io.camlistore.client.internal.HttpTransport;
import io.camlistore.client.internal.ParallelTasks;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * An open connection to one Perkeep server, made by {@link Camlistore#connect(String)}: the
 * discovered handlers plus one pooled keep-alive HTTP client shared by every operation.
 *
 * <p>Thread-safe: share one instance per server across the application and close it when done,
 * which releases its connections and threads.
 *
 * <pre>{@code
 * try (Connection conn = Camlistore.connect("http://localhost:3179/", options)) {
 *   BlobRef ref = conn.blobs().put(Blob.of("hello"));
 * }
 * }</pre>
 */
public final class Connection implements AutoCloseable {
  private final HttpTransport transport;
  private final Discovery discovery;
  private final ConnectOptions options;
  private final ParallelTasks uploads;
  private final ParallelTasks downloads;
  private final ParallelTasks signing;
  private final BlobClient blobs;
  private final FileClient files;
  private final @Nullable SearchClient searcher;
  private final @Nullable ServerSigner serverSigner;
  private final PermanodeClient permanodes;

  Connection(HttpTransport transport, Discovery discovery, ConnectOptions options) {
    this.transport = transport;
    this.discovery = discovery;
    this.options = options;
    this.uploads = tasks(options.uploadExecutor(), "upload", options.uploadParallelism());
    // Separate threads, so read-ahead never queues behind uploads (or the reverse).
    this.downloads = tasks(options.downloadExecutor(), "fetch", options.downloadParallelism());
    // Signing a permanode or claim locally is CPU work: one thread per core.
    int signers = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.signing = ParallelTasks.ownThreads("sign", signers);
    this.blobs =
        new BlobClient(
            transport,
            discovery.blobRoot(),
            uploads,
            options.uploadParallelism(),
            options.enumeratePageSize());
    URI searchRoot = discovery.searchRoot();
    this.searcher = searchRoot == null ? null : new SearchClient(transport, searchRoot);
    this.serverSigner = ServerSigner.fromDiscovery(transport, discovery);
    this.permanodes = new PermanodeClient(blobs, this::signer, Clock.systemUTC());
    this.files =
        new FileClient(
            blobs,
            permanodes,
            this::signer,
            new FileClient.Threads(
                uploads,
                options.uploadParallelism(),
                downloads,
                options.downloadParallelism(),
                signing,
                signers));
  }

  private static ParallelTasks tasks(
      @Nullable ExecutorService given, String name, int parallelism) {
    return given != null ? ParallelTasks.on(given) : ParallelTasks.ownThreads(name, parallelism);
  }

  /** {@return what the server advertised at connect time} */
  public Discovery discovery() {
    return discovery;
  }

  /** {@return the options this connection was made with} */
  public ConnectOptions options() {
    return options;
  }

  /**
   * {@return the blob store client}
   *
   * <p>Operations throw {@link ServerFeatureUnavailableException} when the server advertised no
   * blob root.
   */
  public BlobClient blobs() {
    return blobs;
  }

  /**
   * {@return the client for files and directory trees of any size, chunked as Perkeep's own tools
   * chunk them}
   *
   * <p>Operations throw {@link ServerFeatureUnavailableException} when the server advertised no
   * blob root.
   */
  public FileClient files() {
    return files;
  }

  /**
   * {@return the search client: describe, claims, queries}
   *
   * @throws ServerFeatureUnavailableException if the server advertised no search root (its index is
   *     disabled); nothing is sent
   */
  public SearchClient searcher() {
    if (searcher == null) {
      throw new ServerFeatureUnavailableException(
          "the server at "
              + discovery.serverUrl()
              + " advertised no searchRoot in its discovery (its index is disabled),"
              + " so search is unavailable");
    }
    return searcher;
  }

  /**
   * {@return the signer for permanodes and claims: {@link ConnectOptions#signer()} when set, else
   * the server's sign helper}
   *
   * @throws ServerFeatureUnavailableException if no signer is set and the server advertised no sign
   *     helper
   */
  public Signer signer() {
    Signer configured = options.signer();
    if (configured != null) {
      return configured;
    }
    if (serverSigner == null) {
      throw new ServerFeatureUnavailableException(
          "no signer: ConnectOptions.signer() is not set and the server at "
              + discovery.serverUrl()
              + " advertised no sign helper (no signing.signHandler in its discovery);"
              + " configure a local signer to create permanodes and claims");
    }
    return serverSigner;
  }

  /**
   * {@return the server's sign helper, which signs with the server's key and verifies signatures
   * made with it}
   *
   * @throws ServerFeatureUnavailableException if the server advertised no sign helper
   */
  public ServerSigner serverSigner() {
    if (serverSigner == null) {
      throw new ServerFeatureUnavailableException(
          "the server at "
              + discovery.serverUrl()
              + " advertised no sign helper (no signing.signHandler in its discovery)");
    }
    return serverSigner;
  }

  /**
   * {@return the client that creates permanodes and signs attribute claims with {@link #signer()}}
   */
  public PermanodeClient permanodes() {
    return permanodes;
  }

  /**
   * {@return the number of HTTP connections currently leased from this connection's pool; 0 when no
   * stream or request is open}
   */
  public int leasedHttpConnections() {
    return transport.leasedConnections();
  }

  /**
   * Releases the HTTP connections and the connection's own threads. Executors given in {@link
   * ConnectOptions} stay running: they belong to the caller.
   */
  @Override
  public void close() {
    uploads.close();
    downloads.close();
    signing.close();
    transport.close();
  }

  @Override
  public String toString() {
    return "Connection{" + discovery.serverUrl() + "}";
  }
}
