package io.camlistore.camel;

import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * Store, fetch, list and remove blobs on a Camlistore/Perkeep server.
 *
 * <p>A {@code camlistore:operation} endpoint: producers run the operation for each message; the
 * {@code enumerate} endpoint can also consume, delivering every blob of the server once, and the
 * {@code query} endpoint each permanode matching an expression when it appears and when it changes.
 *
 * <p>Uses the configured {@link Connection} when one is given (and leaves it open); otherwise, on
 * first use, the connection to {@code serverUrl} the component shares among its endpoints with the
 * same connection settings, given back when this endpoint stops (the last endpoint closes it).
 * Connecting lazily lets a consumer whose server is down start anyway and report it through its
 * health check and poll strategy.
 */
@UriEndpoint(
    firstVersion = "0.1.0",
    scheme = "camlistore",
    title = "Camlistore",
    syntax = "camlistore:operation",
    category = {Category.CLOUD, Category.FILE},
    headersClass = CamlistoreConstants.class)
public class CamlistoreEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {
  @UriParam private final CamlistoreConfiguration configuration;
  private final CamlistoreComponent component;

  @UriParam
  private final CamlistoreConsumerConfiguration consumerConfiguration =
      new CamlistoreConsumerConfiguration();

  private final LocalConsumerState localConsumerState = new LocalConsumerState();

  @UriParam(
      label = "consumer",
      defaultValue = "100",
      description =
          "The most exchanges a consumer delivers per poll, 1 to 10000; also the query consumer's"
              + " page size.")
  private int maxMessagesPerPoll = CamlistoreConfiguration.DEFAULT_PAGE_SIZE;

  private @Nullable ConnectOptions connectOptions;
  private SharedConnections.@Nullable Lease lease;

  /**
   * Creates an endpoint.
   *
   * @param uri the endpoint URI
   * @param component the component
   * @param configuration the endpoint's own configuration
   */
  public CamlistoreEndpoint(
      String uri, CamlistoreComponent component, CamlistoreConfiguration configuration) {
    super(uri, component);
    this.component = component;
    this.configuration = configuration;
  }

  @Override
  public Producer createProducer() {
    return new CamlistoreProducer(this);
  }

  /**
   * Creates the consumer of {@code camlistore:enumerate} (every blob) or {@code camlistore:query}
   * (the permanodes matching {@code expression}).
   *
   * @throws IllegalArgumentException for another operation, if maxMessagesPerPoll is out of range,
   *     or if the consumer options are missing or conflict
   */
  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    CamlistoreOperation operation = configuration.getOperation();
    if (operation != CamlistoreOperation.enumerate && operation != CamlistoreOperation.query) {
      throw new IllegalArgumentException(
          "only camlistore:enumerate and camlistore:query can consume; "
              + getEndpointBaseUri()
              + " is a producer endpoint");
    }
    if (maxMessagesPerPoll < 1 || maxMessagesPerPoll > 10_000) {
      throw new IllegalArgumentException(
          "camlistore: maxMessagesPerPoll is the most exchanges per poll and must be 1 to 10000,"
              + " got "
              + maxMessagesPerPoll);
    }
    consumerConfiguration.validateFor(operation);
    CamlistoreBatchConsumer consumer =
        operation == CamlistoreOperation.enumerate
            ? new CamlistoreEnumerateConsumer(this, processor)
            : new CamlistoreQueryConsumer(this, processor);
    configureConsumer(consumer);
    consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
    return consumer;
  }

  /**
   * {@return the connection to use: the configured one, else the shared one to serverUrl, opened
   * now if no endpoint opened it yet}
   *
   * @throws io.camlistore.client.CamlistoreException if connecting fails (tried again next call)
   */
  public synchronized Connection connection() {
    Connection given = configuration.getConnection();
    if (given != null) {
      return given;
    }
    if (lease == null) {
      lease = component.connections().lease(configuration, connectOptions());
    }
    return lease.connection();
  }

  @Override
  protected synchronized void doStop() throws Exception {
    super.doStop();
    if (lease != null) {
      lease.release();
      lease = null;
    }
  }

  /**
   * {@return the client options the endpoint connects with, made from its configuration on the
   * first call (which the component makes when it creates the endpoint, so that a bad value fails
   * then) and kept: the keyring is read once}
   *
   * @throws IllegalArgumentException if the client refuses a value ({@link
   *     io.camlistore.client.InvalidOptionException}, naming the option), the keyring cannot sign
   *     or the TLS settings cannot be used
   */
  synchronized ConnectOptions connectOptions() {
    if (connectOptions == null) {
      connectOptions = configuration.connectOptions(getCamelContext());
    }
    return connectOptions;
  }

  /** {@return the endpoint's configuration} */
  public CamlistoreConfiguration getConfiguration() {
    return configuration;
  }

  /** {@return where the consumer keeps its state when the route names no place for it} */
  LocalConsumerState localConsumerState() {
    return localConsumerState;
  }

  @Override
  protected void doShutdown() throws Exception {
    super.doShutdown();
    localConsumerState.delete();
  }

  /** {@return the options of this endpoint's consumer} */
  public CamlistoreConsumerConfiguration getConsumerConfiguration() {
    return consumerConfiguration;
  }

  /** {@return the most exchanges a consumer delivers per poll} */
  public int getMaxMessagesPerPoll() {
    return maxMessagesPerPoll;
  }

  /**
   * Sets the most exchanges a consumer delivers per poll.
   *
   * @param maxMessagesPerPoll 1 to 10000
   */
  public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
    this.maxMessagesPerPoll = maxMessagesPerPoll;
  }

  @Override
  public String getServiceUrl() {
    Connection given = configuration.getConnection();
    if (given != null) {
      return given.discovery().serverUrl().toString();
    }
    String url = configuration.getServerUrl();
    return url == null ? "" : url;
  }

  @Override
  public String getServiceProtocol() {
    return "http";
  }
}
