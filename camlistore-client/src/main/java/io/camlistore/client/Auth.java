package io.camlistore.client;

import io.camlistore.protocol.AuthSpec;
import org.jspecify.annotations.Nullable;

/**
 * How requests authenticate to the server. Perkeep accepts HTTP Basic credentials from its {@code
 * userpass} configuration, or {@code Authorization: Token <authToken>} with the token its discovery
 * reports; servers in {@code localhost} mode need nothing from a client on the same machine.
 *
 * <p>Immutable. {@link #toString()} shows the scheme and user name only, never a password or token.
 */
public final class Auth {
  private static final Auth NONE = new Auth(AuthSpec.none());

  private final AuthSpec spec;

  private Auth(AuthSpec spec) {
    this.spec = spec;
  }

  /** {@return no credentials: for servers with auth {@code none} or {@code localhost}} */
  public static Auth none() {
    return NONE;
  }

  /**
   * HTTP Basic credentials, as configured on the server with {@code userpass:USER:PASS}.
   *
   * @param user the user name
   * @param password the password
   * @return the credentials
   */
  public static Auth basic(String user, String password) {
    return new Auth(AuthSpec.basic(user, password));
  }

  /**
   * A server auth token, sent as {@code Authorization: Token <token>}.
   *
   * @param token the token (the {@code authToken} of the server's discovery)
   * @return the credentials
   */
  public static Auth token(String token) {
    return new Auth(AuthSpec.token(token));
  }

  /**
   * Parses an auth string in the form the Go client uses (the protocol module's {@link AuthSpec}).
   *
   * <ul>
   *   <li>{@code none} or {@code localhost}: no credentials;
   *   <li>{@code userpass:USER:PASS}, optionally followed by server-side suffixes such as {@code
   *       :+localhost} or {@code :vivify=PASS}, which are ignored here: Basic credentials;
   *   <li>{@code devauth:PASS}: Basic credentials with any user name;
   *   <li>{@code token:TOKEN}: token credentials.
   * </ul>
   *
   * @param spec the auth string
   * @return the credentials
   * @throws IllegalArgumentException naming the scheme when the string is malformed (the secret
   *     part is never quoted)
   */
  public static Auth parse(String spec) {
    AuthSpec parsed = AuthSpec.parse(spec);
    return parsed.scheme() == AuthSpec.Scheme.NONE ? NONE : new Auth(parsed);
  }

  /**
   * The value of the {@code Authorization} header these credentials send.
   *
   * @return the header value, or null for {@link #none()}
   */
  public @Nullable String authorizationHeader() {
    return spec.authorizationHeader();
  }

  /** {@return the scheme and user name, never the secret} */
  @Override
  public String toString() {
    return switch (spec.scheme()) {
      case BASIC -> "Auth{basic, user=" + spec.user() + "}";
      case TOKEN -> "Auth{token}";
      case NONE -> "Auth{none}";
    };
  }
}
