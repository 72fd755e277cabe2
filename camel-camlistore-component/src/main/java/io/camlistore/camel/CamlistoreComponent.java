package io.camlistore.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code camlistore} component. Holds the component-wide defaults ({@code
 * camel.component.camlistore.server-url=...}), so that routes only name the operation: {@code
 * to("camlistore:put")}, {@code from("camlistore:enumerate")}.
 */
@Component("camlistore")
public class CamlistoreComponent extends HealthCheckComponent {
  @Metadata(description = "The options shared by every camlistore endpoint.")
  private CamlistoreConfiguration configuration = new CamlistoreConfiguration();

  /** Creates the component with empty defaults. */
  public CamlistoreComponent() {}

  /**
   * Creates an endpoint: a copy of the component's configuration, with the path's operation and the
   * URI options applied, checked before any route runs.
   *
   * @throws IllegalArgumentException if the operation is unknown or the options do not say how to
   *     reach a server
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
    copy.validate();
    return endpoint;
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
