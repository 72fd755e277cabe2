package io.camlistore.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Counts the HTTP requests a connection sends, so any server's round trips can be counted: install
 * {@link #addTo(HttpClientBuilder)} as the connection's HTTP client customizer.
 */
final class RequestCounter {
  private final AtomicLong requests = new AtomicLong();

  void addTo(HttpClientBuilder builder) {
    builder.addRequestInterceptorFirst((request, entity, context) -> requests.incrementAndGet());
  }

  long takeCount() {
    return requests.getAndSet(0);
  }
}
