package io.camlistore.camel;

import io.camlistore.client.Auth;
import io.camlistore.client.Blob;
import io.camlistore.client.CamlistoreException;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.HttpProxy;
import io.camlistore.client.InvalidOptionException;
import io.camlistore.client.LocalSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.jspecify.annotations.Nullable;

/**
 * The options of a {@code camlistore:} endpoint. The component holds one instance with the
 * component-wide defaults ({@code camel.component.camlistore.*}); each endpoint works on a {@link
 * #copy()} of it with its URI options applied. Bean-style because Camel's generated configurers set
 * it that way.
 */
@UriParams
public class CamlistoreConfiguration implements Cloneable {
  /** The default page size of the enumerate producer and of the consumers' batches. */
  static final int DEFAULT_PAGE_SIZE = 100;

  /**
   * The endpoint option behind each client setting whose name differs from it, for the client's
   * {@link InvalidOptionException}s: every other setting is named as the option it is set from.
   */
  static final Map<String, String> ENDPOINT_OPTIONS = Map.of("proxy.port", "proxyPort");

  @UriPath(description = "The operation the endpoint performs.")
  @Metadata(required = true)
  private @Nullable CamlistoreOperation operation;

  @UriParam(
      description =
          "The server's URL, such as http://localhost:3179/. Not needed when a connection is"
              + " given.")
  private @Nullable String serverUrl;

  @UriParam(
      label = "security",
      secret = true,
      description = "User name for HTTP Basic authentication (the server's userpass).")
  private @Nullable String username;

  @UriParam(
      label = "security",
      secret = true,
      description = "Password for HTTP Basic authentication; needs username.")
  private @Nullable String password;

  @UriParam(
      label = "security",
      secret = true,
      description = "A server auth token, sent as 'Authorization: Token ...'; instead of username.")
  private @Nullable String authToken;

  @UriParam(
      label = "security",
      description =
          "An OpenPGP secret keyring file (binary or ASCII-armored, with an unencrypted RSA key, such"
              + " as Perkeep's identity-secring.gpg) whose key signs the permanodes and claims the"
              + " producer makes, instead of the server's sign helper. Needs keyId. Its public key"
              + " blob is uploaded with the first blobs it signs. Not used with a given"
              + " connection, which signs as its own options say.")
  private @Nullable String secretKeyring;

  @UriParam(
      label = "security",
      description =
          "The id of the signing key in secretKeyring: 16 hex digits, such as 7559C29EFA90DC38.")
  private @Nullable String keyId;

  @UriParam(
      label = "security",
      description =
          "TLS settings for an https serverUrl, such as a trust store with a private CA or a"
              + " self-signed certificate; without them the JVM's defaults apply.")
  private @Nullable SSLContextParameters sslContextParameters;

  @UriParam(
      label = "proxy",
      description =
          "The host of an HTTP proxy every request goes through; without it the JVM's proxy"
              + " settings (http.proxyHost, https.proxyHost, http.nonProxyHosts...) apply.")
  private @Nullable String proxyHost;

  @UriParam(label = "proxy", description = "The port of the HTTP proxy; needs proxyHost.")
  private @Nullable Integer proxyPort;

  @UriParam(
      label = "proxy",
      secret = true,
      description = "User name for the proxy's HTTP Basic authentication; needs proxyHost.")
  private @Nullable String proxyUsername;

  @UriParam(
      label = "proxy",
      secret = true,
      description = "Password for the proxy's HTTP Basic authentication; needs proxyUsername.")
  private @Nullable String proxyPassword;

  @UriParam(
      label = "advanced",
      description =
          "An open client connection to use instead of connecting to serverUrl. A single Connection"
              + " bean in the registry is used automatically. The endpoint does not close it.")
  @Metadata(autowired = true)
  private @Nullable Connection connection;

  @UriParam(
      label = "producer",
      defaultValue = Blob.DEFAULT_HASH,
      enums = "sha224,sha256,sha1",
      description = "The hash function put names blobs with.")
  private String hashFunction = Blob.DEFAULT_HASH;

  @UriParam(
      label = "producer",
      defaultValue = "false",
      description =
          "Whether putFile and putFiles also give each file a permanode derived from its content,"
              + " as pk-put file -filenodes does: storing the same file again makes the same blobs,"
              + " so no second permanode. Two signatures per file (the permanode and its"
              + " camliContent claim); permanodeTitle and permanodeTags add claims. Needs a signer:"
              + " secretKeyring and keyId (signing locally, on every core), or the server's sign"
              + " helper.")
  private boolean permanode;

  @UriParam(
      label = "producer",
      defaultValue = "false",
      description =
          "Whether each file's permanode also gets a title claim naming the file (one more"
              + " signature per file). Only with permanode.")
  private boolean permanodeTitle;

  @UriParam(
      label = "producer",
      description =
          "Tags (comma-separated) each file's permanode gets, one tag claim each. Only with"
              + " permanode.")
  private @Nullable String permanodeTags;

  @UriParam(
      label = "producer",
      defaultValue = "false",
      description =
          "Whether get and getFile answer the content as a stream read from the server while the"
              + " route reads it (verified, closed when the exchange completes, so it must be read"
              + " within the route), instead of a body kept in memory or spooled to disk as"
              + " Camel's stream caching does, which can be read after the exchange and more than"
              + " once.")
  private boolean streamDownload;

  @UriParam(
      label = "producer",
      defaultValue = "100",
      description = "The most blobs the enumerate producer returns per message, 1 to 10000.")
  private int limit = DEFAULT_PAGE_SIZE;

  @UriParam(
      label = "advanced",
      defaultValue = "10000",
      javaType = "java.time.Duration",
      description = "How long to wait for a TCP connection to the server, in milliseconds.")
  private long connectTimeout = 10_000;

  @UriParam(
      label = "advanced",
      defaultValue = "60000",
      javaType = "java.time.Duration",
      description = "How long to wait for data from the server, in milliseconds.")
  private long readTimeout = 60_000;

  @UriParam(
      label = "advanced",
      defaultValue = "3",
      description =
          "How many times a request is tried in all when the server is unreachable or answers 502,"
              + " 503 or 504 (1 = no retries); waits retryBackoff before the first retry, doubling"
              + " each time.")
  private int maxAttempts = 3;

  @UriParam(
      label = "advanced",
      defaultValue = "200",
      javaType = "java.time.Duration",
      description =
          "How long to wait before the first retry, in milliseconds (0 = retry at once); each"
              + " further retry waits twice as long.")
  private long retryBackoff = 200;

  @UriParam(
      label = "advanced",
      defaultValue = "16",
      description =
          "The size of the HTTP connection pool of the connection (shared by the endpoints with the"
              + " same server and connection options); it should cover uploadParallelism plus"
              + " downloadParallelism for each file being stored or read at the same time, or"
              + " requests wait for a free connection.")
  private int maxConnections = 16;

  @UriParam(
      label = "producer,advanced",
      defaultValue = "4",
      description =
          "How many upload requests storing one file (putFile) or one batch of blobs (putMulti)"
              + " run at the same time.")
  private int uploadParallelism = 4;

  @UriParam(
      label = "producer,advanced",
      defaultValue = "8",
      description =
          "How many chunks getFile fetches at the same time, ahead of the route reading the body"
              + " (at most 8 MiB of them); 1 fetches each chunk only when it is read.")
  private int downloadParallelism = 8;

  /** {@return the endpoint's operation, or null before the path is set} */
  public @Nullable CamlistoreOperation getOperation() {
    return operation;
  }

  /**
   * Sets the operation.
   *
   * @param operation the operation
   */
  public void setOperation(@Nullable CamlistoreOperation operation) {
    this.operation = operation;
  }

  /** {@return the server URL, or null} */
  public @Nullable String getServerUrl() {
    return serverUrl;
  }

  /**
   * Sets the server URL.
   *
   * @param serverUrl such as {@code http://localhost:3179/}
   */
  public void setServerUrl(@Nullable String serverUrl) {
    this.serverUrl = serverUrl;
  }

  /** {@return the Basic auth user name, or null} */
  public @Nullable String getUsername() {
    return username;
  }

  /**
   * Sets the Basic auth user name.
   *
   * @param username the user name
   */
  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  /** {@return the Basic auth password, or null} */
  public @Nullable String getPassword() {
    return password;
  }

  /**
   * Sets the Basic auth password.
   *
   * @param password the password
   */
  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /** {@return the auth token, or null} */
  public @Nullable String getAuthToken() {
    return authToken;
  }

  /**
   * Sets the auth token.
   *
   * @param authToken the token
   */
  public void setAuthToken(@Nullable String authToken) {
    this.authToken = authToken;
  }

  /** {@return the secret keyring file that signs permanodes and claims, or null} */
  public @Nullable String getSecretKeyring() {
    return secretKeyring;
  }

  /**
   * Sets the secret keyring file that signs permanodes and claims.
   *
   * @param secretKeyring the file's path; needs {@link #setKeyId(String)}
   */
  public void setSecretKeyring(@Nullable String secretKeyring) {
    this.secretKeyring = secretKeyring;
  }

  /** {@return the id of the signing key in the secret keyring, or null} */
  public @Nullable String getKeyId() {
    return keyId;
  }

  /**
   * Sets the id of the signing key in the secret keyring.
   *
   * @param keyId 16 hex digits, such as {@code 7559C29EFA90DC38}
   */
  public void setKeyId(@Nullable String keyId) {
    this.keyId = keyId;
  }

  /** {@return how many times a request is tried in all} */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * Sets how many times a request is tried in all before a transient failure is reported.
   *
   * @param maxAttempts at least 1 (1 = no retries)
   */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** {@return the wait before the first retry, in milliseconds} */
  public long getRetryBackoff() {
    return retryBackoff;
  }

  /**
   * Sets the wait before the first retry; each further retry waits twice as long.
   *
   * @param retryBackoff milliseconds, zero or more
   */
  public void setRetryBackoff(long retryBackoff) {
    this.retryBackoff = retryBackoff;
  }

  /** {@return the size of the connection pool} */
  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * Sets the size of the connection pool of the connection the endpoint opens.
   *
   * @param maxConnections at least 1
   */
  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  /** {@return how many upload requests one file or batch runs at once} */
  public int getUploadParallelism() {
    return uploadParallelism;
  }

  /**
   * Sets how many upload requests one file or batch runs at once.
   *
   * @param uploadParallelism at least 1
   */
  public void setUploadParallelism(int uploadParallelism) {
    this.uploadParallelism = uploadParallelism;
  }

  /** {@return how many chunks one file download fetches at once} */
  public int getDownloadParallelism() {
    return downloadParallelism;
  }

  /**
   * Sets how many chunks one file download fetches at once, ahead of the reader.
   *
   * @param downloadParallelism at least 1 (1 = no read-ahead)
   */
  public void setDownloadParallelism(int downloadParallelism) {
    this.downloadParallelism = downloadParallelism;
  }

  /** {@return the injected connection, or null when the endpoint connects by itself} */
  public @Nullable Connection getConnection() {
    return connection;
  }

  /**
   * Sets an open connection to use.
   *
   * @param connection the connection; not closed by the endpoint
   */
  public void setConnection(@Nullable Connection connection) {
    this.connection = connection;
  }

  /** {@return the hash function put uses} */
  public String getHashFunction() {
    return hashFunction;
  }

  /**
   * Sets the hash function put uses.
   *
   * @param hashFunction {@code sha224}, {@code sha256} or {@code sha1}
   */
  public void setHashFunction(String hashFunction) {
    this.hashFunction = hashFunction;
  }

  /** {@return whether get and getFile answer a stream that must be read within the route} */
  public boolean isStreamDownload() {
    return streamDownload;
  }

  /**
   * Sets whether get and getFile answer a stream read while the route reads it, instead of a body
   * kept for reading after the exchange.
   *
   * @param streamDownload true for a stream, closed when the exchange completes
   */
  public void setStreamDownload(boolean streamDownload) {
    this.streamDownload = streamDownload;
  }

  /** {@return the TLS settings, or null for the JVM's defaults} */
  public @Nullable SSLContextParameters getSslContextParameters() {
    return sslContextParameters;
  }

  /**
   * Sets the TLS settings for an https server.
   *
   * @param sslContextParameters the settings, or null for the JVM's defaults
   */
  public void setSslContextParameters(@Nullable SSLContextParameters sslContextParameters) {
    this.sslContextParameters = sslContextParameters;
  }

  /** {@return the proxy host, or null to follow the JVM's proxy settings} */
  public @Nullable String getProxyHost() {
    return proxyHost;
  }

  /**
   * Sets the proxy host.
   *
   * @param proxyHost the host every request goes through
   */
  public void setProxyHost(@Nullable String proxyHost) {
    this.proxyHost = proxyHost;
  }

  /** {@return the proxy port, or null} */
  public @Nullable Integer getProxyPort() {
    return proxyPort;
  }

  /**
   * Sets the proxy port.
   *
   * @param proxyPort 1 to 65535
   */
  public void setProxyPort(@Nullable Integer proxyPort) {
    this.proxyPort = proxyPort;
  }

  /** {@return the proxy user name, or null} */
  public @Nullable String getProxyUsername() {
    return proxyUsername;
  }

  /**
   * Sets the proxy user name.
   *
   * @param proxyUsername the user name sent to the proxy
   */
  public void setProxyUsername(@Nullable String proxyUsername) {
    this.proxyUsername = proxyUsername;
  }

  /** {@return the proxy password, or null} */
  public @Nullable String getProxyPassword() {
    return proxyPassword;
  }

  /**
   * Sets the proxy password.
   *
   * @param proxyPassword the password sent to the proxy
   */
  public void setProxyPassword(@Nullable String proxyPassword) {
    this.proxyPassword = proxyPassword;
  }

  /** {@return whether a permanode is created for each stored file} */
  public boolean isPermanode() {
    return permanode;
  }

  /**
   * Sets whether a permanode is created for each stored file.
   *
   * @param permanode true to create one, derived from the file's content
   */
  public void setPermanode(boolean permanode) {
    this.permanode = permanode;
  }

  /** {@return whether each file's permanode gets a title claim naming the file} */
  public boolean isPermanodeTitle() {
    return permanodeTitle;
  }

  /**
   * Sets whether each file's permanode gets a title claim naming the file.
   *
   * @param permanodeTitle true for a title claim
   */
  public void setPermanodeTitle(boolean permanodeTitle) {
    this.permanodeTitle = permanodeTitle;
  }

  /** {@return the tags each file's permanode gets, comma-separated, or null} */
  public @Nullable String getPermanodeTags() {
    return permanodeTags;
  }

  /**
   * Sets the tags each file's permanode gets.
   *
   * @param permanodeTags tags, comma-separated
   */
  public void setPermanodeTags(@Nullable String permanodeTags) {
    this.permanodeTags = permanodeTags;
  }

  /** {@return the enumerate producer's page size} */
  public int getLimit() {
    return limit;
  }

  /**
   * Sets the enumerate producer's page size.
   *
   * @param limit 1 to 10000
   */
  public void setLimit(int limit) {
    this.limit = limit;
  }

  /** {@return the connect timeout in milliseconds} */
  public long getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout milliseconds, positive
   */
  public void setConnectTimeout(long connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** {@return the read timeout in milliseconds} */
  public long getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the read timeout.
   *
   * @param readTimeout milliseconds, positive
   */
  public void setReadTimeout(long readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * Checks the options that depend on each other or that the client's {@link ConnectOptions} does
   * not see (which checks the values it is given: {@link #connectOptions(CamelContext)}).
   *
   * @throws IllegalArgumentException naming the missing or conflicting options
   */
  void validate() {
    if (connection == null && isBlank(serverUrl)) {
      throw new IllegalArgumentException(
          "camlistore needs a server: set serverUrl (for all routes:"
              + " camel.component.camlistore.server-url=http://localhost:3179/) or bind a"
              + " io.camlistore.client.Connection bean");
    }
    if (!isBlank(authToken) && (!isBlank(username) || !isBlank(password))) {
      throw new IllegalArgumentException(
          "camlistore: set either authToken or username/password, not both");
    }
    if (!isBlank(password) && isBlank(username)) {
      throw new IllegalArgumentException("camlistore: password is set but username is not");
    }
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("camlistore: limit must be 1 to 10000, got " + limit);
    }
    validateProxy();
    if (connection != null && (sslContextParameters != null || !isBlank(proxyHost))) {
      throw new IllegalArgumentException(
          "camlistore: sslContextParameters and the proxy options apply only when the endpoint"
              + " connects to serverUrl itself; the given connection uses its own ConnectOptions");
    }
    validateSigner();
  }

  private void validateProxy() {
    if (isBlank(proxyHost)) {
      if (proxyPort != null || !isBlank(proxyUsername) || !isBlank(proxyPassword)) {
        throw new IllegalArgumentException(
            "camlistore: proxyPort, proxyUsername and proxyPassword need proxyHost");
      }
      return;
    }
    if (proxyPort == null) {
      throw new IllegalArgumentException("camlistore: proxyHost needs proxyPort");
    }
    if (!isBlank(proxyPassword) && isBlank(proxyUsername)) {
      throw new IllegalArgumentException(
          "camlistore: proxyPassword is set but proxyUsername is not");
    }
  }

  private void validateSigner() {
    if (isBlank(secretKeyring) && isBlank(keyId)) {
      return;
    }
    if (isBlank(secretKeyring) || isBlank(keyId)) {
      throw new IllegalArgumentException(
          "camlistore: set both secretKeyring (the keyring file) and keyId (the signing key's id,"
              + " 16 hex digits such as 7559C29EFA90DC38) to sign locally, or neither to use the"
              + " server's sign helper");
    }
    if (connection != null) {
      throw new IllegalArgumentException(
          "camlistore: secretKeyring and keyId apply only when the endpoint connects to serverUrl"
              + " itself; the given connection signs with its own ConnectOptions.signer()");
    }
  }

  /**
   * {@return the signer the secret keyring options describe, or null to use the server's}
   *
   * @throws IllegalArgumentException if the keyring cannot be used, naming it and the key id
   */
  private @Nullable LocalSigner localSigner() {
    if (secretKeyring == null || secretKeyring.isBlank() || keyId == null) {
      return null;
    }
    try {
      return LocalSigner.fromKeyring(Path.of(secretKeyring), keyId.trim());
    } catch (IllegalArgumentException | CamlistoreException e) {
      throw new IllegalArgumentException(
          "camlistore: secretKeyring "
              + secretKeyring
              + " with keyId "
              + keyId
              + " cannot sign: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * {@return the client options these settings describe, checked by the client: called once per
   * endpoint, when it is created, so that a bad value fails then and the keyring is read once}
   *
   * @param context the CamelContext, which resolves the TLS settings' key and trust stores
   * @throws InvalidOptionException naming the endpoint option whose value the client refuses
   * @throws IllegalArgumentException if the secret keyring cannot sign or the TLS settings cannot
   *     be used
   */
  ConnectOptions connectOptions(CamelContext context) {
    try {
      return ConnectOptions.builder()
          .auth(auth())
          .connectTimeout(Duration.ofMillis(connectTimeout))
          .readTimeout(Duration.ofMillis(readTimeout))
          .maxAttempts(maxAttempts)
          .retryBackoff(Duration.ofMillis(retryBackoff))
          .maxConnections(maxConnections)
          .uploadParallelism(uploadParallelism)
          .downloadParallelism(downloadParallelism)
          .proxy(proxy())
          .signer(localSigner())
          .sslContext(sslContext(context))
          .build();
    } catch (InvalidOptionException e) {
      String option = ENDPOINT_OPTIONS.getOrDefault(e.option(), e.option());
      throw new InvalidOptionException(
          option, e.problem(), "camlistore: " + option + " " + e.problem(), e);
    }
  }

  private Auth auth() {
    if (authToken != null && !authToken.isBlank()) {
      return Auth.token(authToken);
    }
    if (username != null && !username.isBlank()) {
      return Auth.basic(username, password == null ? "" : password);
    }
    return Auth.none();
  }

  private @Nullable SSLContext sslContext(CamelContext context) {
    if (sslContextParameters == null) {
      return null;
    }
    try {
      return sslContextParameters.createSSLContext(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "camlistore: sslContextParameters cannot make a TLS context: " + e.getMessage(), e);
    }
  }

  private @Nullable HttpProxy proxy() {
    if (proxyHost == null || proxyHost.isBlank() || proxyPort == null) {
      return null;
    }
    HttpProxy proxy = HttpProxy.of(proxyHost, proxyPort);
    return proxyUsername == null || proxyUsername.isBlank()
        ? proxy
        : proxy.withCredentials(proxyUsername, proxyPassword == null ? "" : proxyPassword);
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  /** {@return an independent copy, for an endpoint to apply its URI options to} */
  public CamlistoreConfiguration copy() {
    try {
      return (CamlistoreConfiguration) clone();
    } catch (CloneNotSupportedException e) {
      throw new RuntimeCamelException(e);
    }
  }
}
