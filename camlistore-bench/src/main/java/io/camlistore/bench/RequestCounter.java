package io.camlistore.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/** An HTTP client that counts the requests it sends, so any server's round trips can be counted. */
final class RequestCounter {
  private final AtomicLong requests = new AtomicLong();

  CloseableHttpClient newClient() {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(32)
                .setMaxConnPerRoute(32)
                .build())
        .addRequestInterceptorFirst((request, entity, context) -> requests.incrementAndGet())
        .disableAutomaticRetries()
        .disableContentCompression()
        .build();
  }

  long takeCount() {
    return requests.getAndSet(0);
  }
}
