package io.camlistore.camel.springboot;

import java.time.Duration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.camlistore.*} properties: one per option of the {@code camlistore}
 * component, in Spring's relaxed form ({@code server-url}, {@code connect-timeout=5s}).
 *
 * <p>Only the properties that are set are applied; the others leave the component's defaults.
 * {@code camel.component.camlistore.enabled=false} turns the auto-configuration off.
 */
@ConfigurationProperties(prefix = CamlistoreComponentConfiguration.PREFIX)
public class CamlistoreComponentConfiguration extends ComponentConfigurationPropertiesCommon {
  /** The prefix of the properties. */
  public static final String PREFIX = "camel.component.camlistore";

  /** The server's URL, such as http://localhost:3179/. Not needed when a connection is given. */
  private @Nullable String serverUrl;

  /** User name for HTTP Basic authentication (the server's userpass). */
  private @Nullable String username;

  /** Password for HTTP Basic authentication; needs username. */
  private @Nullable String password;

  /** A server auth token, sent as 'Authorization: Token ...'; instead of username. */
  private @Nullable String authToken;

  /**
   * An open client connection to use instead of connecting to server-url: the name of an
   * io.camlistore.client.Connection bean, as #bean:name or name. A single Connection bean is used
   * without naming it. The component does not close it.
   */
  private @Nullable String connection;

  /**
   * The options shared by every camlistore endpoint, as one
   * io.camlistore.camel.CamlistoreConfiguration bean: its name, as #bean:name or name.
   */
  private @Nullable String configuration;

  /** How long to wait for a TCP connection to the server (default 10s). */
  private @Nullable Duration connectTimeout;

  /** How long to wait for data from the server (default 60s). */
  private @Nullable Duration readTimeout;

  /** The hash function put names blobs with: sha224 (default), sha256 or sha1. */
  private @Nullable String hashFunction;

  /**
   * The OpenPGP secret keyring file whose key signs permanodes and claims instead of the server's
   * sign helper; needs keyId.
   */
  private @Nullable String secretKeyring;

  /** The id of the signing key in secretKeyring, 16 hex digits such as 7559C29EFA90DC38. */
  private @Nullable String keyId;

  /**
   * Whether putFile and putFiles also give each file a permanode derived from its content, as
   * pk-put file -filenodes does, so that storing it again adds no second one (default false).
   */
  private @Nullable Boolean permanode;

  /** Whether each file's permanode also gets a title claim naming the file (default false). */
  private @Nullable Boolean permanodeTitle;

  /** Tags (comma-separated) each file's permanode gets, one tag claim each. */
  private @Nullable String permanodeTags;

  /**
   * Whether get and getFile answer a stream to read within the route, closed when the exchange
   * completes, instead of a body kept in memory or spooled to disk by Camel's stream caching,
   * readable after the exchange (default false).
   */
  private @Nullable Boolean streamDownload;

  /**
   * TLS settings for an https server-url, such as a trust store with a private CA: the name of an
   * org.apache.camel.support.jsse.SSLContextParameters bean, as #bean:name or name.
   */
  private @Nullable String sslContextParameters;

  /**
   * Whether endpoints without ssl-context-parameters of their own use the CamelContext's global
   * SSLContextParameters (default false).
   */
  private @Nullable Boolean useGlobalSslContextParameters;

  /**
   * The host of an HTTP proxy every request goes through; without it the JVM's proxy settings
   * (http.proxyHost, https.proxyHost, http.nonProxyHosts...) apply.
   */
  private @Nullable String proxyHost;

  /** The port of the HTTP proxy; needs proxy-host. */
  private @Nullable Integer proxyPort;

  /** User name for the proxy's HTTP Basic authentication; needs proxy-host. */
  private @Nullable String proxyUsername;

  /** Password for the proxy's HTTP Basic authentication; needs proxy-username. */
  private @Nullable String proxyPassword;

  /** How many times a request is tried in all when it fails transiently (default 3). */
  private @Nullable Integer maxAttempts;

  /**
   * How long to wait before the first retry (default 200ms; 0 retries at once); each further retry
   * waits twice as long.
   */
  private @Nullable Duration retryBackoff;

  /**
   * The size of the HTTP connection pool of a connection, which the endpoints with the same server
   * and settings share (default 16); it should cover upload-parallelism plus download-parallelism
   * for each file stored or read at the same time.
   */
  private @Nullable Integer maxConnections;

  /** How many upload requests one file or one batch of blobs runs at the same time (default 4). */
  private @Nullable Integer uploadParallelism;

  /**
   * How many chunks getFile fetches at the same time, ahead of the reader (default 8; 1 fetches
   * each chunk only when it is read).
   */
  private @Nullable Integer downloadParallelism;

  /** The most blobs the enumerate producer returns per message, 1 to 10000 (default 100). */
  private @Nullable Integer limit;

  /**
   * Whether consumer errors (such as a failed poll) go to the route's error handler instead of
   * being logged (default false).
   */
  private @Nullable Boolean bridgeErrorHandler;

  /** Whether producers start on their first message instead of with the route (default false). */
  private @Nullable Boolean lazyStartProducer;

  /**
   * Whether options marked autowired (the connection) are taken from the single bean of their type
   * (default true).
   */
  private @Nullable Boolean autowiredEnabled;

  /** Whether the consumers' health checks are enabled (default true). */
  private @Nullable Boolean healthCheckConsumerEnabled;

  /**
   * Whether the producers' health checks are enabled (default true; Camel runs producer checks only
   * with camel.health.producers-enabled=true).
   */
  private @Nullable Boolean healthCheckProducerEnabled;

  /** Creates the properties, all unset. */
  public CamlistoreComponentConfiguration() {}

  /** {@return the serverUrl option, or null to leave the component's default} */
  public @Nullable String getServerUrl() {
    return serverUrl;
  }

  /**
   * Sets the serverUrl option.
   *
   * @param serverUrl the value; see the property's description
   */
  public void setServerUrl(@Nullable String serverUrl) {
    this.serverUrl = serverUrl;
  }

  /** {@return the username option, or null to leave the component's default} */
  public @Nullable String getUsername() {
    return username;
  }

  /**
   * Sets the username option.
   *
   * @param username the value; see the property's description
   */
  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  /** {@return the password option, or null to leave the component's default} */
  public @Nullable String getPassword() {
    return password;
  }

  /**
   * Sets the password option.
   *
   * @param password the value; see the property's description
   */
  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /** {@return the authToken option, or null to leave the component's default} */
  public @Nullable String getAuthToken() {
    return authToken;
  }

  /**
   * Sets the authToken option.
   *
   * @param authToken the value; see the property's description
   */
  public void setAuthToken(@Nullable String authToken) {
    this.authToken = authToken;
  }

  /** {@return the connection option, or null to leave the component's default} */
  public @Nullable String getConnection() {
    return connection;
  }

  /**
   * Sets the connection option.
   *
   * @param connection the value; see the property's description
   */
  public void setConnection(@Nullable String connection) {
    this.connection = connection;
  }

  /** {@return the configuration option, or null to leave the component's default} */
  public @Nullable String getConfiguration() {
    return configuration;
  }

  /**
   * Sets the configuration option.
   *
   * @param configuration the value; see the property's description
   */
  public void setConfiguration(@Nullable String configuration) {
    this.configuration = configuration;
  }

  /** {@return the connectTimeout option, or null to leave the component's default} */
  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connectTimeout option.
   *
   * @param connectTimeout the value; see the property's description
   */
  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** {@return the readTimeout option, or null to leave the component's default} */
  public @Nullable Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the readTimeout option.
   *
   * @param readTimeout the value; see the property's description
   */
  public void setReadTimeout(@Nullable Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** {@return the hashFunction option, or null to leave the component's default} */
  public @Nullable String getHashFunction() {
    return hashFunction;
  }

  /**
   * Sets the hashFunction option.
   *
   * @param hashFunction the value; see the property's description
   */
  public void setHashFunction(@Nullable String hashFunction) {
    this.hashFunction = hashFunction;
  }

  /** {@return the limit option, or null to leave the component's default} */
  public @Nullable Integer getLimit() {
    return limit;
  }

  /**
   * Sets the limit option.
   *
   * @param limit the value; see the property's description
   */
  public void setLimit(@Nullable Integer limit) {
    this.limit = limit;
  }

  /** {@return the bridgeErrorHandler option, or null to leave the component's default} */
  public @Nullable Boolean getBridgeErrorHandler() {
    return bridgeErrorHandler;
  }

  /**
   * Sets the bridgeErrorHandler option.
   *
   * @param bridgeErrorHandler the value; see the property's description
   */
  public void setBridgeErrorHandler(@Nullable Boolean bridgeErrorHandler) {
    this.bridgeErrorHandler = bridgeErrorHandler;
  }

  /** {@return the lazyStartProducer option, or null to leave the component's default} */
  public @Nullable Boolean getLazyStartProducer() {
    return lazyStartProducer;
  }

  /**
   * Sets the lazyStartProducer option.
   *
   * @param lazyStartProducer the value; see the property's description
   */
  public void setLazyStartProducer(@Nullable Boolean lazyStartProducer) {
    this.lazyStartProducer = lazyStartProducer;
  }

  /** {@return the autowiredEnabled option, or null to leave the component's default} */
  public @Nullable Boolean getAutowiredEnabled() {
    return autowiredEnabled;
  }

  /**
   * Sets the autowiredEnabled option.
   *
   * @param autowiredEnabled the value; see the property's description
   */
  public void setAutowiredEnabled(@Nullable Boolean autowiredEnabled) {
    this.autowiredEnabled = autowiredEnabled;
  }

  /** {@return the healthCheckConsumerEnabled option, or null to leave the component's default} */
  public @Nullable Boolean getHealthCheckConsumerEnabled() {
    return healthCheckConsumerEnabled;
  }

  /**
   * Sets the healthCheckConsumerEnabled option.
   *
   * @param healthCheckConsumerEnabled the value; see the property's description
   */
  public void setHealthCheckConsumerEnabled(@Nullable Boolean healthCheckConsumerEnabled) {
    this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
  }

  /** {@return the healthCheckProducerEnabled option, or null to leave the component's default} */
  public @Nullable Boolean getHealthCheckProducerEnabled() {
    return healthCheckProducerEnabled;
  }

  /**
   * Sets the healthCheckProducerEnabled option.
   *
   * @param healthCheckProducerEnabled the value; see the property's description
   */
  public void setHealthCheckProducerEnabled(@Nullable Boolean healthCheckProducerEnabled) {
    this.healthCheckProducerEnabled = healthCheckProducerEnabled;
  }

  /** {@return the secretKeyring option, or null to leave the component's default} */
  public @Nullable String getSecretKeyring() {
    return secretKeyring;
  }

  /**
   * Sets the secretKeyring option.
   *
   * @param secretKeyring the value; see the property's description
   */
  public void setSecretKeyring(@Nullable String secretKeyring) {
    this.secretKeyring = secretKeyring;
  }

  /** {@return the keyId option, or null to leave the component's default} */
  public @Nullable String getKeyId() {
    return keyId;
  }

  /**
   * Sets the keyId option.
   *
   * @param keyId the value; see the property's description
   */
  public void setKeyId(@Nullable String keyId) {
    this.keyId = keyId;
  }

  /** {@return the streamDownload option, or null to leave the component's default} */
  public @Nullable Boolean getStreamDownload() {
    return streamDownload;
  }

  /**
   * Sets the streamDownload option.
   *
   * @param streamDownload the value; see the property's description
   */
  public void setStreamDownload(@Nullable Boolean streamDownload) {
    this.streamDownload = streamDownload;
  }

  /** {@return the sslContextParameters option, or null to leave the component's default} */
  public @Nullable String getSslContextParameters() {
    return sslContextParameters;
  }

  /**
   * Sets the sslContextParameters option.
   *
   * @param sslContextParameters the value; see the property's description
   */
  public void setSslContextParameters(@Nullable String sslContextParameters) {
    this.sslContextParameters = sslContextParameters;
  }

  /**
   * {@return the useGlobalSslContextParameters option, or null to leave the component's default}
   */
  public @Nullable Boolean getUseGlobalSslContextParameters() {
    return useGlobalSslContextParameters;
  }

  /**
   * Sets the useGlobalSslContextParameters option.
   *
   * @param useGlobalSslContextParameters the value; see the property's description
   */
  public void setUseGlobalSslContextParameters(@Nullable Boolean useGlobalSslContextParameters) {
    this.useGlobalSslContextParameters = useGlobalSslContextParameters;
  }

  /** {@return the proxyHost option, or null to leave the component's default} */
  public @Nullable String getProxyHost() {
    return proxyHost;
  }

  /**
   * Sets the proxyHost option.
   *
   * @param proxyHost the value; see the property's description
   */
  public void setProxyHost(@Nullable String proxyHost) {
    this.proxyHost = proxyHost;
  }

  /** {@return the proxyPort option, or null to leave the component's default} */
  public @Nullable Integer getProxyPort() {
    return proxyPort;
  }

  /**
   * Sets the proxyPort option.
   *
   * @param proxyPort the value; see the property's description
   */
  public void setProxyPort(@Nullable Integer proxyPort) {
    this.proxyPort = proxyPort;
  }

  /** {@return the proxyUsername option, or null to leave the component's default} */
  public @Nullable String getProxyUsername() {
    return proxyUsername;
  }

  /**
   * Sets the proxyUsername option.
   *
   * @param proxyUsername the value; see the property's description
   */
  public void setProxyUsername(@Nullable String proxyUsername) {
    this.proxyUsername = proxyUsername;
  }

  /** {@return the proxyPassword option, or null to leave the component's default} */
  public @Nullable String getProxyPassword() {
    return proxyPassword;
  }

  /**
   * Sets the proxyPassword option.
   *
   * @param proxyPassword the value; see the property's description
   */
  public void setProxyPassword(@Nullable String proxyPassword) {
    this.proxyPassword = proxyPassword;
  }

  /** {@return the permanode option, or null to leave the component's default} */
  public @Nullable Boolean getPermanode() {
    return permanode;
  }

  /**
   * Sets the permanode option.
   *
   * @param permanode the value; see the property's description
   */
  public void setPermanode(@Nullable Boolean permanode) {
    this.permanode = permanode;
  }

  /** {@return the permanodeTitle option, or null to leave the component's default} */
  public @Nullable Boolean getPermanodeTitle() {
    return permanodeTitle;
  }

  /**
   * Sets the permanodeTitle option.
   *
   * @param permanodeTitle the value; see the property's description
   */
  public void setPermanodeTitle(@Nullable Boolean permanodeTitle) {
    this.permanodeTitle = permanodeTitle;
  }

  /** {@return the permanodeTags option, or null to leave the component's default} */
  public @Nullable String getPermanodeTags() {
    return permanodeTags;
  }

  /**
   * Sets the permanodeTags option.
   *
   * @param permanodeTags the value; see the property's description
   */
  public void setPermanodeTags(@Nullable String permanodeTags) {
    this.permanodeTags = permanodeTags;
  }

  /** {@return the maxAttempts option, or null to leave the component's default} */
  public @Nullable Integer getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * Sets the maxAttempts option.
   *
   * @param maxAttempts the value; see the property's description
   */
  public void setMaxAttempts(@Nullable Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** {@return the retryBackoff option, or null to leave the component's default} */
  public @Nullable Duration getRetryBackoff() {
    return retryBackoff;
  }

  /**
   * Sets the retryBackoff option.
   *
   * @param retryBackoff the value; see the property's description
   */
  public void setRetryBackoff(@Nullable Duration retryBackoff) {
    this.retryBackoff = retryBackoff;
  }

  /** {@return the maxConnections option, or null to leave the component's default} */
  public @Nullable Integer getMaxConnections() {
    return maxConnections;
  }

  /**
   * Sets the maxConnections option.
   *
   * @param maxConnections the value; see the property's description
   */
  public void setMaxConnections(@Nullable Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  /** {@return the uploadParallelism option, or null to leave the component's default} */
  public @Nullable Integer getUploadParallelism() {
    return uploadParallelism;
  }

  /**
   * Sets the uploadParallelism option.
   *
   * @param uploadParallelism the value; see the property's description
   */
  public void setUploadParallelism(@Nullable Integer uploadParallelism) {
    this.uploadParallelism = uploadParallelism;
  }

  /** {@return the downloadParallelism option, or null to leave the component's default} */
  public @Nullable Integer getDownloadParallelism() {
    return downloadParallelism;
  }

  /**
   * Sets the downloadParallelism option.
   *
   * @param downloadParallelism the value; see the property's description
   */
  public void setDownloadParallelism(@Nullable Integer downloadParallelism) {
    this.downloadParallelism = downloadParallelism;
  }
}
