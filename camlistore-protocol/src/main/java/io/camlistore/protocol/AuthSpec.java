package io.camlistore.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Credentials written the way Perkeep's configuration and Go tools write them ({@code auth} in
 * {@code client-config.json}, {@code CAMLI_AUTH}):
 *
 * <ul>
 *   <li>{@code none} or {@code localhost} (or nothing): no credentials;
 *   <li>{@code userpass:USER:PASS}, optionally followed by server-side suffixes such as {@code
 *       :+localhost} or {@code :vivify=PASS}, which a client ignores: HTTP Basic credentials;
 *   <li>{@code devauth:PASS}: HTTP Basic credentials with any user name;
 *   <li>{@code token:TOKEN}: {@code Authorization: Token TOKEN}.
 * </ul>
 *
 * <p>Immutable. {@link #toString()} shows the scheme and user name only, never a password or token.
 */
public final class AuthSpec {
  /** How the credentials are sent. */
  public enum Scheme {
    /** No credentials. */
    NONE,
    /** HTTP Basic: user name and password. */
    BASIC,
    /** {@code Authorization: Token <secret>}. */
    TOKEN
  }

  private static final AuthSpec NONE = new AuthSpec(Scheme.NONE, "", "");

  private final Scheme scheme;
  private final String user;
  private final String secret;

  private AuthSpec(Scheme scheme, String user, String secret) {
    this.scheme = scheme;
    this.user = user;
    this.secret = secret;
  }

  /** {@return no credentials: for servers with auth {@code none} or {@code localhost}} */
  public static AuthSpec none() {
    return NONE;
  }

  /**
   * HTTP Basic credentials, as configured on the server with {@code userpass:USER:PASS}.
   *
   * @param user the user name, without {@code :}
   * @param password the password
   * @return the credentials
   * @throws IllegalArgumentException if the user name contains {@code :}
   */
  public static AuthSpec basic(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("Basic auth user name must not contain ':'");
    }
    return new AuthSpec(Scheme.BASIC, user, password);
  }

  /**
   * A server auth token, sent as {@code Authorization: Token <token>}.
   *
   * @param token the token (the {@code authToken} of the server's discovery)
   * @return the credentials
   * @throws IllegalArgumentException if the token is blank
   */
  public static AuthSpec token(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("auth token must not be blank");
    }
    return new AuthSpec(Scheme.TOKEN, "", token);
  }

  /**
   * Parses a credentials string.
   *
   * @param spec e.g. {@code userpass:alice:secret}
   * @return the credentials
   * @throws IllegalArgumentException naming the scheme when the string is malformed (the secret
   *     part is never quoted)
   */
  public static AuthSpec parse(String spec) {
    Objects.requireNonNull(spec, "auth spec");
    String trimmed = spec.trim();
    if (trimmed.isEmpty() || trimmed.equals("none") || trimmed.equals("localhost")) {
      return NONE;
    }
    int colon = trimmed.indexOf(':');
    String scheme = colon < 0 ? trimmed : trimmed.substring(0, colon);
    String rest = colon < 0 ? "" : trimmed.substring(colon + 1);
    return switch (scheme) {
      case "userpass" -> {
        String[] fields = rest.split(":", -1);
        if (fields.length < 2 || fields[0].isEmpty()) {
          throw new IllegalArgumentException(
              "malformed 'userpass' auth: expected userpass:USER:PASS");
        }
        yield basic(fields[0], fields[1]);
      }
      case "devauth" -> {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException("malformed 'devauth' auth: expected devauth:PASS");
        }
        yield basic("devauth", rest);
      }
      case "token" -> {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException("malformed 'token' auth: expected token:TOKEN");
        }
        yield token(rest);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown auth scheme '"
                  + scheme
                  + "': use none, localhost, userpass:USER:PASS, devauth:PASS or token:TOKEN");
    };
  }

  /** {@return how the credentials are sent} */
  public Scheme scheme() {
    return scheme;
  }

  /** {@return the Basic user name; empty for the other schemes} */
  public String user() {
    return user;
  }

  /** {@return the Basic password or the token; empty for {@link Scheme#NONE}; a secret} */
  public String secret() {
    return secret;
  }

  /**
   * The value of the {@code Authorization} header these credentials send.
   *
   * @return the header value, or null for {@link Scheme#NONE}
   */
  public @Nullable String authorizationHeader() {
    return switch (scheme) {
      case BASIC ->
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
      case TOKEN -> "Token " + secret;
      case NONE -> null;
    };
  }

  /** {@return the scheme and user name, never the secret} */
  @Override
  public String toString() {
    return switch (scheme) {
      case BASIC -> "AuthSpec{basic, user=" + user + "}";
      case TOKEN -> "AuthSpec{token}";
      case NONE -> "AuthSpec{none}";
    };
  }
}
