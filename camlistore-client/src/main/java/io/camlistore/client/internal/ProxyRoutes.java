package io.camlistore.client.internal;

import io.camlistore.client.HttpProxy;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;

/**
 * Decides how a connection's requests reach the server: through the configured proxy, or as the
 * JVM's proxy settings say ({@link java.net.ProxySelector#getDefault()}, asked for each request).
 */
final class ProxyRoutes {
  private ProxyRoutes() {}

  /**
   * Routes the client's requests.
   *
   * @param builder the client being built
   * @param proxy the configured proxy, or null to follow the JVM's settings
   * @return the auth cache that sends the proxy's credentials with every request (so that a
   *     streamed upload is never answered 407 halfway), to put in each request's context; null when
   *     no credentials are configured
   */
  static @Nullable AuthCache configure(HttpClientBuilder builder, @Nullable HttpProxy proxy) {
    if (proxy == null) {
      // A null selector makes the planner ask ProxySelector.getDefault() for each request.
      builder.setRoutePlanner(new SystemDefaultRoutePlanner(null));
      return null;
    }
    HttpHost host = new HttpHost("http", proxy.host(), proxy.port());
    builder.setProxy(host);
    String username = proxy.username();
    if (username == null) {
      return null;
    }
    String password = proxy.password();
    UsernamePasswordCredentials credentials =
        new UsernamePasswordCredentials(username, (password == null ? "" : password).toCharArray());
    // For a proxy that challenges anyway (such as for CONNECT): answer with the same credentials.
    BasicCredentialsProvider provider = new BasicCredentialsProvider();
    provider.setCredentials(new AuthScope(host), credentials);
    builder.setDefaultCredentialsProvider(provider);
    BasicScheme preemptive = new BasicScheme();
    preemptive.initPreemptive(credentials);
    BasicAuthCache cache = new BasicAuthCache();
    cache.put(host, preemptive);
    return cache;
  }
}
