package io.camlistore.testkit;

import io.camlistore.protocol.AuthSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A real Perkeep server to run tests against, named by the environment: {@value #URL_VARIABLE} (its
 * base URL), {@value #AUTH_VARIABLE} ({@code userpass:USER:PASS}, {@code token:TOKEN} or {@code
 * none}; default {@code none}) and, for tests that also run the reference Go tools or restart the
 * server, {@value #HOME_VARIABLE} (a Perkeep server folder holding {@code bin/pk-put}, {@code
 * bin/pk-get}, {@code bin/perkeepd} and the {@code perkeep-server} start and stop script).
 *
 * <p>The project's CI ({@code .ci/run}) starts one and sets these; on a machine without one the
 * tests that need it are skipped, saying why (see {@link RealPerkeep}). Tests against a real server
 * share its store with whatever else runs there, so they write their own, uniquely named data and
 * assert only about that data; and since a real server indexes asynchronously, what they search for
 * they wait for, with a bound.
 *
 * <p>A client connects with {@link #url()} and the credentials {@link #authSpec()} spells (the
 * client's {@code Auth.parse} reads them). {@link #toString()} shows the URL and the auth scheme,
 * never a password or token.
 */
public final class RealPerkeepServer {
  /** The environment variable naming the server's base URL. */
  public static final String URL_VARIABLE = "CAMLISTORE_IT_URL";

  /** The environment variable holding the server's credentials, as {@link AuthSpec} reads them. */
  public static final String AUTH_VARIABLE = "CAMLISTORE_IT_AUTH";

  /** The environment variable naming the Perkeep server folder with the Go tools. */
  public static final String HOME_VARIABLE = "CAMLISTORE_IT_PERKEEP_HOME";

  /** Why the tests that need a server are skipped when {@value #URL_VARIABLE} is not set. */
  static final String NO_SERVER =
      URL_VARIABLE
          + " is not set, so there is no real Perkeep server to test against (.ci/run starts one"
          + " from ../shared/perkeep/server; docs/testkit.md says how to run one yourself)";

  private final String url;
  private final String authSpec;
  private final AuthSpec auth;
  private final @Nullable Path home;

  private RealPerkeepServer(String url, String authSpec, @Nullable Path home) {
    this.url = url.endsWith("/") ? url : url + "/";
    this.authSpec = authSpec;
    this.auth = AuthSpec.parse(authSpec);
    this.home = home;
  }

  /**
   * {@return the server the environment names, or null when it names none}
   *
   * @throws IllegalArgumentException if a variable is set but malformed (a misconfigured run fails
   *     instead of silently skipping)
   */
  public static @Nullable RealPerkeepServer fromEnvironment() {
    return fromVariables(System.getenv());
  }

  static @Nullable RealPerkeepServer fromVariables(Map<String, String> variables) {
    String url = variables.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return null;
    }
    String auth = variables.getOrDefault(AUTH_VARIABLE, "");
    String home = variables.get(HOME_VARIABLE);
    Path homePath = null;
    if (home != null && !home.isBlank()) {
      homePath = Path.of(home).toAbsolutePath();
      if (!Files.isDirectory(homePath.resolve("bin"))) {
        throw new IllegalArgumentException(
            HOME_VARIABLE + " names " + homePath + ", which has no bin folder with the Go tools");
      }
    }
    return new RealPerkeepServer(url.strip(), authSpecOf(auth), homePath);
  }

  /**
   * {@return a server named by its URL and credentials rather than by the environment, as a
   * benchmark run names one}
   *
   * @param url its base URL
   * @param auth its credentials as {@link AuthSpec} reads them; blank means {@code none}
   * @throws IllegalArgumentException if the credentials are malformed
   */
  public static RealPerkeepServer of(String url, String auth) {
    return new RealPerkeepServer(url.strip(), authSpecOf(auth), null);
  }

  private static String authSpecOf(String auth) {
    return auth.isBlank() ? "none" : auth.strip();
  }

  /** {@return the server's base URL, ending in a slash} */
  public String url() {
    return url;
  }

  /**
   * {@return the credentials the server accepts, as Perkeep's configuration spells them (e.g.
   * {@code userpass:alice:secret}); a secret, never to be logged}
   */
  public String authSpec() {
    return authSpec;
  }

  /**
   * {@return the Perkeep server folder ({@value #HOME_VARIABLE}), or null when the environment
   * names none}
   */
  public @Nullable Path home() {
    return home;
  }

  /**
   * {@return the reference Go tools ({@code pk-put}, {@code pk-get}) configured for this server and
   * the {@link TestIdentity}, or null unless {@value #HOME_VARIABLE} names their folder}
   */
  public @Nullable PerkeepTools tools() {
    return home == null ? null : tools(home.resolve("bin"));
  }

  /**
   * {@return the reference Go tools in the given folder, configured for this server and the {@link
   * TestIdentity}}
   *
   * @param bin the folder holding {@code pk-put} and {@code pk-get}
   */
  public PerkeepTools tools(Path bin) {
    return new PerkeepTools(bin.toAbsolutePath(), this);
  }

  @Override
  public String toString() {
    return "RealPerkeepServer[" + url + ", " + auth + "]";
  }
}
