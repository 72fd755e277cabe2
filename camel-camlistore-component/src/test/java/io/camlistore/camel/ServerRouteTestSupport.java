package io.camlistore.camel;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jspecify.annotations.Nullable;

/**
 * A route test against one server, whose URL is set once on the component so that the routes name
 * only the operation.
 */
abstract class ServerRouteTestSupport extends CamelTestSupport {
  /** {@return the URL of the server the component talks to} */
  abstract String serverUrl();

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    context
        .getComponent("camlistore", CamlistoreComponent.class)
        .getConfiguration()
        .setServerUrl(serverUrl());
    return context;
  }

  /** Sends a body and headers to an endpoint and answers the exchange, failed or not. */
  final Exchange send(String uri, @Nullable Object body, Map<String, Object> headers) {
    return template.send(
        uri,
        exchange -> {
          exchange.getMessage().setBody(body);
          exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
  }
}
