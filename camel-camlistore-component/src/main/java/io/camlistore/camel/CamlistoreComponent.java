package io.camlistore.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.jspecify.annotations.Nullable;

/**
 * The {@code camlistore} component. Holds the component-wide defaults ({@code
 * camel.component.camlistore.server-url=...}), so that routes only name the operation: {@code
 * to("camlistore:put")}, {@code from("camlistore:enumerate")}; and the connections its endpoints
 * share, one per server and connection settings, closed with the last endpoint using each.
 */
@Component("camlistore")
public class CamlistoreComponent extends HealthCheckComponent implements SSLContextParametersAware {
  @Metadata(description = "The options shared by every camlistore endpoint.")
  private CamlistoreConfiguration configuration = new CamlistoreConfiguration();

  @Metadata(
      label = "security",
      defaultValue = "false",
      description =
          "Whether endpoints without sslContextParameters of their own use the CamelContext's"
              + " global SSLContextParameters.")
  private boolean useGlobalSslContextParameters;

  private @Nullable SharedConnections connections;

  /** Creates the component with empty defaults. */
  public CamlistoreComponent() {}

  /**
   * Creates an endpoint: a copy of the component's configuration, with the path's operation and the
   * URI options applied, checked before any route runs.
   *
   * @throws IllegalArgumentException if the operation is unknown, the options do not say how to
   *     reach a server, or the client refuses a value ({@link
   *     io.camlistore.client.InvalidOptionException}, naming the option)
   */
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    if (remaining.isBlank()) {
      throw new IllegalArgumentException(
          "camlistore URI needs an operation, as in camlistore:put; valid operations: "
              + CamlistoreOperation.names());
    }
    CamlistoreConfiguration copy = configuration.copy();
    copy.setOperation(CamlistoreOperation.parse(remaining));
    CamlistoreEndpoint endpoint = new CamlistoreEndpoint(uri, this, copy);
    setProperties(endpoint, parameters);
    if (copy.getSslContextParameters() == null
        && copy.getConnection() == null
        && useGlobalSslContextParameters) {
      copy.setSslContextParameters(retrieveGlobalSslContextParameters());
    }
    copy.validate();
    if (copy.getConnection() == null) {
      endpoint.connectOptions();
    }
    return endpoint;
  }

  /** {@return the connections the endpoints share} */
  synchronized SharedConnections connections() {
    if (connections == null) {
      connections = new SharedConnections(getCamelContext());
    }
    return connections;
  }

  @Override
  protected void doStop() throws Exception {
    SharedConnections open;
    synchronized (this) {
      open = connections;
    }
    if (open != null) {
      // Endpoints release theirs when they stop; this closes any still open.
      open.closeAll();
    }
    super.doStop();
  }

  @Override
  public boolean isUseGlobalSslContextParameters() {
    return useGlobalSslContextParameters;
  }

  /**
   * Sets whether endpoints without TLS settings of their own use the CamelContext's global ones.
   *
   * @param useGlobalSslContextParameters true to use them
   */
  @Override
  public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
    this.useGlobalSslContextParameters = useGlobalSslContextParameters;
  }

  /** {@return the component-wide defaults} */
  public CamlistoreConfiguration getConfiguration() {
    return configuration;
  }

  /**
   * Sets the component-wide defaults.
   *
   * @param configuration the defaults every endpoint starts from
   */
  public void setConfiguration(CamlistoreConfiguration configuration) {
    this.configuration = configuration;
  }
}
