package io.camlistore.examples.quarkus;

import io.camlistore.camel.CamlistoreConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The application's routes (Camel Quarkus finds them by their type):
 *
 * <ul>
 *   <li>{@code direct:store}: stores the body as one blob and answers its ref, as text;
 *   <li>{@code direct:fetch}: answers the content of the blob whose ref is the body, as bytes;
 *   <li>{@code greeting}: once at start-up, stores a greeting and reads it back.
 * </ul>
 */
public class BlobRoutes extends RouteBuilder {
  /** The store route's endpoint. */
  public static final String STORE = "direct:store";

  /** The fetch route's endpoint. */
  public static final String FETCH = "direct:fetch";

  /** What the greeting route stores. */
  static final String GREETING = "Hello from Quarkus!";

  /** Creates the routes. */
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

    from("timer:greeting?repeatCount=1")
        .routeId("greeting")
        .setBody(constant(GREETING))
        .to(STORE)
        .setHeader("ref", body())
        .to(FETCH)
        .convertBodyTo(String.class)
        .log("Stored '" + GREETING + "' as ${header.ref} and read back '${body}'");
  }
}
