package io.camlistore.testkit;

import com.sun.net.httpserver.HttpServer;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.sign.JsonSigner;
import io.camlistore.testkit.internal.Authenticator;
import io.camlistore.testkit.internal.BlobProtocolHandler;
import io.camlistore.testkit.internal.BlobStore;
import io.camlistore.testkit.internal.CamlistoreHttpHandler;
import io.camlistore.testkit.internal.ContentStore;
import io.camlistore.testkit.internal.DirectoryContentStore;
import io.camlistore.testkit.internal.DiscoveryHandler;
import io.camlistore.testkit.internal.FaultPlan;
import io.camlistore.testkit.internal.MemoryContentStore;
import io.camlistore.testkit.internal.Mount;
import io.camlistore.testkit.internal.RequestLog;
import io.camlistore.testkit.internal.SigningDescriptor;
import io.camlistore.testkit.internal.Tokens;
import io.camlistore.testkit.internal.search.SearchEmulation;
import io.camlistore.testkit.internal.sign.SignHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A stateful, in-process server speaking the Perkeep 0.11 protocol on {@code 127.0.0.1}: discovery,
 * the blob protocol (stat with long-polling, multipart upload, PUT, GET/HEAD with ranges, enumerate
 * and remove), the search handler (describe, claims, query and lookups over an index of the stored
 * schema blobs; {@linkplain Builder#search(boolean) on unless turned off}) and, with a {@linkplain
 * Builder#signer(JsonSigner) signer}, the sign helper, with the real server's status codes, headers
 * and response bodies.
 *
 * <pre>{@code
 * try (EmbeddedCamlistoreServer server =
 *     EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").build().start()) {
 *   String url = server.url(); // e.g. http://127.0.0.1:41234/
 *   ... run the code under test against url ...
 *   assertThat(server.blobCount()).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>Blobs live in memory or, with {@link Builder#storageDirectory(Path)}, in files that survive
 * restarts. The server can be stopped with {@link #close()} and started again; it keeps its blobs
 * and its port, and gets a new {@link #authToken()}, as a restarted perkeepd does. Thread-safe.
 */
public final class EmbeddedCamlistoreServer implements AutoCloseable {
  /** The real server's blob size limit, 16 MiB. */
  public static final int DEFAULT_MAX_BLOB_SIZE = 16 << 20;

  private static final int MAX_MAX_BLOB_SIZE = 1 << 30;

  /** How many bytes of each request body the request log keeps unless told otherwise, 8 KiB. */
  public static final int DEFAULT_RECORDED_BODY_LIMIT = 8 << 10;

  /** The JDK server's switch for TCP_NODELAY on accepted connections; off unless set. */
  static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // With Nagle's algorithm on the server side and delayed ACKs on the client side, every
    // response that the JDK server writes in two parts waits about 40 ms: a put then takes 100 ms
    // instead of 5. The JDK reads the switch once, when its first server is created.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  private final int configuredPort;
  private final @Nullable String user;
  private final @Nullable String password;
  private final boolean removeEnabled;
  private final int maxBlobSize;
  private final BlobStore store;
  private final @Nullable JsonSigner signer;
  private final @Nullable SignHandler signHandler;
  private final @Nullable Mount search;
  private final FaultPlan faultPlan = new FaultPlan();
  private final FaultInjector faults = new FaultInjector(faultPlan);
  private final RequestLog requestLog;
  private final int recordedBodyLimit;

  private @Nullable HttpServer http;
  private @Nullable ExecutorService executor;
  private int boundPort;
  private @Nullable String authToken;

  private EmbeddedCamlistoreServer(Builder builder) {
    this.configuredPort = builder.port;
    this.user = builder.user;
    this.password = builder.password;
    this.removeEnabled = builder.removeEnabled;
    this.maxBlobSize = builder.maxBlobSize;
    this.requestLog = new RequestLog(builder.requestHistoryLimit);
    this.recordedBodyLimit = builder.recordedBodyLimit;
    Path directory = builder.storageDirectory;
    ContentStore content =
        directory == null ? new MemoryContentStore() : new DirectoryContentStore(directory);
    this.store = new BlobStore(content);
    this.signer = builder.signer;
    this.signHandler = signer == null ? null : new SignHandler(signer);
    this.search = builder.search ? SearchEmulation.attach(store, signer) : null;
  }

  /** {@return a builder for a server with memory storage, no auth, on a random port} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening. A server that was closed can be started again; it reuses its port. With a
   * signer, its public key blob is stored first, as a real server's sign helper does at startup.
   *
   * @return this server
   * @throws IllegalStateException if it is already running
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized EmbeddedCamlistoreServer start() {
    if (http != null) {
      throw new IllegalStateException("already running at " + url());
    }
    storePublicKey();
    String token = Tokens.randomHex(20);
    int port = boundPort != 0 ? boundPort : configuredPort;
    HttpServer server;
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    ExecutorService pool = Executors.newCachedThreadPool(new DaemonThreads(server));
    List<Mount> mounts = new ArrayList<>();
    if (search != null) {
      mounts.add(search);
    }
    if (signHandler != null) {
      mounts.add(new Mount(SigningDescriptor.ROOT, signHandler::handle));
    }
    server.createContext(
        "/",
        new CamlistoreHttpHandler(
            requestLog,
            recordedBodyLimit,
            faultPlan,
            new Authenticator(user, password, token),
            token,
            new DiscoveryHandler(
                store.content(),
                signHandler == null ? null : signHandler.descriptor(),
                search == null ? null : search.root(),
                System.getProperty("user.name", "nobody")),
            new BlobProtocolHandler(store, faultPlan, maxBlobSize, removeEnabled),
            mounts));
    server.setExecutor(pool);
    server.start();
    this.http = server;
    this.executor = pool;
    this.authToken = token;
    this.boundPort = server.getAddress().getPort();
    return this;
  }

  private void storePublicKey() {
    if (signer != null && !contains(signer.publicKeyBlobRef())) {
      store.put(signer.publicKeyBlobRef(), signer.publicKeyBlob());
    }
  }

  /** Stops listening and ends every open connection and waiting request. Idempotent. */
  @Override
  public synchronized void close() {
    HttpServer server = http;
    ExecutorService pool = executor;
    if (server == null || pool == null) {
      return;
    }
    http = null;
    executor = null;
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return whether the server is listening} */
  public synchronized boolean isRunning() {
    return http != null;
  }

  /**
   * Returns the base URL clients connect to; discovery is at this URL.
   *
   * @return e.g. {@code http://127.0.0.1:41234/}
   * @throws IllegalStateException if the server was never started
   */
  public synchronized String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /**
   * Returns the port the server listens (or last listened) on.
   *
   * @return the port
   * @throws IllegalStateException if the server was never started
   */
  public synchronized int port() {
    if (boundPort == 0) {
      throw new IllegalStateException("the server has not been started");
    }
    return boundPort;
  }

  /**
   * Returns the URL of the advertised blob root, where the blob protocol lives.
   *
   * @return e.g. {@code http://127.0.0.1:41234/bs-and-maybe-also-index/}
   * @throws IllegalStateException if the server was never started
   */
  public String blobRootUrl() {
    return url() + DiscoveryHandler.BLOB_ROOT.substring(1);
  }

  /**
   * Returns this run's auth token: {@code Authorization: Token <authToken>} is always accepted, and
   * discovery reports it as {@code authToken}. A new one is made at every start.
   *
   * @return 40 lowercase hex characters
   * @throws IllegalStateException if the server is not running
   */
  public synchronized String authToken() {
    String token = authToken;
    if (token == null || http == null) {
      throw new IllegalStateException("the server is not running");
    }
    return token;
  }

  /**
   * {@return the server's signer: its sign helper signs with it, and its search index only counts
   * claims signed with it; null when the server has none (then every claim whose signature verifies
   * counts)}
   */
  public @Nullable JsonSigner signer() {
    return signer;
  }

  /** {@return the fault hooks of this server} */
  public FaultInjector faults() {
    return faults;
  }

  /** {@return how many blobs are stored} */
  public int blobCount() {
    return store.count();
  }

  /** {@return the total size in bytes of all stored blobs} */
  public long blobBytes() {
    return store.bytes();
  }

  /** {@return every stored blob's ref, in enumerate order} */
  public List<BlobRef> blobRefs() {
    return store.refs();
  }

  /**
   * Tells whether a blob is stored.
   *
   * @param ref the blob's ref
   * @return true if stored
   */
  public boolean contains(BlobRef ref) {
    return store.size(ref.toString()) != null;
  }

  /**
   * Reads a stored blob (uncorrupted, whatever the fault hooks say).
   *
   * @param ref the blob's ref
   * @return its bytes, or null if not stored
   */
  public byte @Nullable [] blob(BlobRef ref) {
    return store.read(ref);
  }

  /**
   * Stores a blob directly, e.g. to seed a test, as if it had been uploaded.
   *
   * @param content the bytes
   * @return its {@code sha224} ref
   * @throws IllegalArgumentException if it is larger than the server's blob size limit
   */
  public BlobRef putBlob(byte[] content) {
    if (content.length > maxBlobSize) {
      throw new IllegalArgumentException(
          "blob of " + content.length + " bytes exceeds the limit of " + maxBlobSize);
    }
    BlobRef ref = BlobRef.compute("sha224", content);
    store.put(ref, content.clone());
    return ref;
  }

  /**
   * Removes a blob directly, whether or not remove is enabled over HTTP.
   *
   * @param ref the blob's ref
   * @return true if it was stored
   */
  public boolean removeBlob(BlobRef ref) {
    return store.remove(ref);
  }

  /** Removes every blob (in directory mode, deletes their files). */
  public void clearBlobs() {
    store.clear();
  }

  /**
   * Adds a listener for stored and removed blobs, e.g. an index.
   *
   * @param listener the listener
   */
  public void addBlobListener(BlobListener listener) {
    store.addListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener a listener added before
   */
  public void removeBlobListener(BlobListener listener) {
    store.removeListener(listener);
  }

  /** {@return the most recent requests received, oldest first (see the builder's history limit)} */
  public List<RecordedRequest> requests() {
    return requestLog.snapshot();
  }

  /**
   * Returns the recorded requests for one action, e.g. {@code requests("POST", "stat")}, {@code
   * requests("HEAD", ref.toString())} or {@code requests("POST", "search/query")}.
   *
   * @param method the HTTP method
   * @param action the part of the path after {@code /camli/}, as {@link
   *     RecordedRequest#isBlobAction(String, String)} matches it
   * @return the matching requests among the {@linkplain #requests() recent ones}, oldest first
   */
  public List<RecordedRequest> requests(String method, String action) {
    return requests().stream().filter(request -> request.isBlobAction(method, action)).toList();
  }

  /** {@return how many requests were received since start or the last {@link #clearRequests()}} */
  public long requestCount() {
    return requestLog.total();
  }

  /** Forgets the recorded requests and resets the count. */
  public void clearRequests() {
    requestLog.clear();
  }

  /**
   * Clears blobs, faults and recorded requests: a fresh state between tests sharing a server. A
   * server with a signer keeps (stores again) its public key blob, as a freshly started one has it.
   */
  public void reset() {
    faults.clear();
    clearBlobs();
    if (isRunning()) {
      storePublicKey();
    }
    clearRequests();
  }

  @Override
  public String toString() {
    synchronized (this) {
      return "EmbeddedCamlistoreServer{"
          + (boundPort == 0 ? "not started" : url())
          + (http == null ? ", stopped" : "")
          + ", auth="
          + (user == null ? "none" : "basic " + user)
          + ", blobs="
          + store.count()
          + "}";
    }
  }

  /** Names the server's request threads and keeps them from holding the JVM open. */
  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();
    private final String prefix;

    private DaemonThreads(HttpServer server) {
      this.prefix = "camlistore-testkit-" + server.getAddress().getPort() + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * Configures an {@link EmbeddedCamlistoreServer}. Defaults: random port, memory storage, no auth,
   * remove disabled, 16 MiB blob limit, search on, the last 10,000 requests recorded with the first
   * 8 KiB of their bodies, no signer. Not thread-safe.
   */
  public static final class Builder {
    private int port;
    private @Nullable Path storageDirectory;
    private @Nullable String user;
    private @Nullable String password;
    private boolean removeEnabled;
    private int maxBlobSize = DEFAULT_MAX_BLOB_SIZE;
    private int requestHistoryLimit = 10_000;
    private int recordedBodyLimit = DEFAULT_RECORDED_BODY_LIMIT;
    private @Nullable JsonSigner signer;
    private boolean search = true;

    private Builder() {}

    /**
     * Sets the port on 127.0.0.1.
     *
     * @param port 0 (the default) for a free port chosen at start, or 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Keeps blobs in memory (the default); they last as long as the server object.
     *
     * @return this builder
     */
    public Builder memoryStorage() {
      this.storageDirectory = null;
      return this;
    }

    /**
     * Keeps blobs in files under a directory (created if needed), laid out like Perkeep's
     * filesystem storage: {@code <dir>/sha224/5e/11/sha224-5e11….dat}. Blobs already there are
     * served, so a new server on the same directory sees the old one's blobs.
     *
     * @param directory the blob directory
     * @return this builder
     */
    public Builder storageDirectory(Path directory) {
      this.storageDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Requires HTTP Basic auth with this user and password (or the auth token) on discovery and the
     * blob protocol; anything else gets the real server's 401.
     *
     * @param user the user name, non-empty, without {@code :}
     * @param password the password, non-empty
     * @return this builder
     * @throws IllegalArgumentException if either is empty or the user contains {@code :}
     */
    public Builder basicAuth(String user, String password) {
      if (user.isEmpty() || user.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            "basicAuth user must be non-empty and contain no ':', was '" + user + "'");
      }
      if (password.isEmpty()) {
        throw new IllegalArgumentException("basicAuth password must be non-empty");
      }
      this.user = user;
      this.password = password;
      return this;
    }

    /**
     * Allows every request without credentials (the default), like a server with auth {@code none}.
     *
     * @return this builder
     */
    public Builder noAuth() {
      this.user = null;
      this.password = null;
      return this;
    }

    /**
     * Lets {@code POST camli/remove} delete blobs. By default it answers 403, as every real server
     * with a high-level configuration does.
     *
     * @param removeEnabled whether remove deletes
     * @return this builder
     */
    public Builder removeEnabled(boolean removeEnabled) {
      this.removeEnabled = removeEnabled;
      return this;
    }

    /**
     * Sets the largest blob accepted. Bigger uploads fail as on the real server (a digest mismatch
     * for multipart, 400 for PUT).
     *
     * @param bytes 1 to 1 GiB; the default is 16 MiB
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxBlobSize(int bytes) {
      if (bytes < 1 || bytes > MAX_MAX_BLOB_SIZE) {
        throw new IllegalArgumentException(
            "maxBlobSize must be 1 to " + MAX_MAX_BLOB_SIZE + " bytes, was " + bytes);
      }
      this.maxBlobSize = bytes;
      return this;
    }

    /**
     * Sets how many recent requests {@link EmbeddedCamlistoreServer#requests()} keeps.
     *
     * @param limit at least 1; the default is 10,000
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder requestHistoryLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("requestHistoryLimit must be at least 1, was " + limit);
      }
      this.requestHistoryLimit = limit;
      return this;
    }

    /**
     * Sets how many bytes of each request body {@link RecordedRequest#body()} keeps: enough for the
     * form of a stat, remove or sign request, or a search query; an upload's parts are better
     * checked in the store. The log keeps {@link #requestHistoryLimit(int)} requests, so this
     * bounds its memory.
     *
     * @param bytes 0 (keep no bodies) to {@link EmbeddedCamlistoreServer#DEFAULT_MAX_BLOB_SIZE};
     *     the default is 8 KiB
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder recordedBodyLimit(int bytes) {
      if (bytes < 0 || bytes > DEFAULT_MAX_BLOB_SIZE) {
        throw new IllegalArgumentException(
            "recordedBodyLimit must be 0 to " + DEFAULT_MAX_BLOB_SIZE + " bytes, was " + bytes);
      }
      this.recordedBodyLimit = bytes;
      return this;
    }

    /**
     * Gives the server an identity, as a real server's owner key: it serves the sign helper ({@code
     * jsonSignRoot} {@code /sighelper/} and {@code signing} in discovery), stores its public key
     * blob at start, and its search index counts only claims signed with this key. Without one (the
     * default) there is no sign helper and the index counts every claim whose signature verifies
     * with the public key blob it names. {@link TestIdentity#signer()} is a ready-made identity for
     * tests.
     *
     * @param signer the identity, or null for none
     * @return this builder
     */
    public Builder signer(@Nullable JsonSigner signer) {
      this.signer = signer;
      return this;
    }

    /**
     * Turns Perkeep's search on (the default) or off. With it, the server keeps an index of the
     * stored schema blobs and answers the search handler under {@code /my-search/} (describe,
     * claims, query and the other lookups), which discovery advertises as {@code searchRoot}.
     * Without it, it is a blob server only, as a real server with {@code runIndex: false}: no index
     * is built or updated, discovery has no {@code searchRoot}, and {@code /my-search/} answers
     * 404.
     *
     * @param enabled whether to emulate search
     * @return this builder
     */
    public Builder search(boolean enabled) {
      this.search = enabled;
      return this;
    }

    /**
     * Creates the server, not yet started; opens the storage directory if one is set.
     *
     * @return the server
     * @throws UncheckedIOException if the storage directory cannot be opened
     */
    public EmbeddedCamlistoreServer build() {
      return new EmbeddedCamlistoreServer(this);
    }

    /**
     * Creates and starts the server.
     *
     * @return the running server
     * @throws UncheckedIOException if the storage directory cannot be opened or the port bound
     */
    public EmbeddedCamlistoreServer start() {
      return build().start();
    }
  }
}
