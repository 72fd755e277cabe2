package io.camlistore.examples.springboot;

import io.camlistore.camel.CamlistoreConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Two routes over the component, configured by the application's properties:
 *
 * <ul>
 *   <li>{@code direct:store}: stores the body as one blob and answers its ref, as text;
 *   <li>{@code direct:fetch}: answers the content of the blob whose ref is the body, as bytes.
 * </ul>
 */
@Component
public class BlobRoutes extends RouteBuilder {
  /** The store route's endpoint. */
  public static final String STORE = "direct:store";

  /** The fetch route's endpoint. */
  public static final String FETCH = "direct:fetch";

  /** Creates the routes (Spring does). */
  public BlobRoutes() {}

  @Override
  public void configure() {
    from(STORE)
        .routeId("store")
        .to("camlistore:put")
        .setBody(header(CamlistoreConstants.BLOB_REF))
        .convertBodyTo(String.class);

    from(FETCH)
        .routeId("fetch")
        .setHeader(CamlistoreConstants.BLOB_REF, body())
        .to("camlistore:get")
        .convertBodyTo(byte[].class);
  }
}
