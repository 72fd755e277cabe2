package io.camlistore.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How requests authenticate to the server. Perkeep accepts HTTP Basic credentials from its {@code
 * userpass} configuration, or {@code Authorization: Token <authToken>} with the token its discovery
 * reports; servers in {@code localhost} mode need nothing from a client on the same machine.
 *
 * <p>Immutable. {@link #toString()} shows the scheme and user name only, never a password or token.
 */
public final class Auth {
  private static final Auth NONE = new Auth(Scheme.NONE, "", "");

  private enum Scheme {
    NONE,
    BASIC,
    TOKEN
  }

  private final Scheme scheme;
  private final String user;
  private final String secret;

  private Auth(Scheme scheme, String user, String secret) {
    this.scheme = scheme;
    this.user = user;
    this.secret = secret;
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
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("Basic auth user name must not contain ':'");
    }
    return new Auth(Scheme.BASIC, user, password);
  }

  /**
   * A server auth token, sent as {@code Authorization: Token <token>}.
   *
   * @param token the token (the {@code authToken} of the server's discovery)
   * @return the credentials
   */
  public static Auth token(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("auth token must not be blank");
    }
    return new Auth(Scheme.TOKEN, "", token);
  }

  /**
   * Parses an auth string in the form the Go client uses.
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
    Objects.requireNonNull(spec, "auth spec");
    String trimmed = spec.trim();
    if (trimmed.isEmpty() || trimmed.equals("none") || trimmed.equals("localhost")) {
      return none();
    }
    int colon = trimmed.indexOf(':');
    String scheme = colon < 0 ? trimmed : trimmed.substring(0, colon);
    String rest = colon < 0 ? "" : trimmed.substring(colon + 1);
    return switch (scheme) {
      case "userpass" -> parseUserPass(rest);
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

  private static Auth parseUserPass(String rest) {
    String[] fields = rest.split(":", -1);
    if (fields.length < 2 || fields[0].isEmpty()) {
      throw new IllegalArgumentException("malformed 'userpass' auth: expected userpass:USER:PASS");
    }
    return basic(fields[0], fields[1]);
  }

  /**
   * The value of the {@code Authorization} header these credentials send.
   *
   * @return the header value, or null for {@link #none()}
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
      case BASIC -> "Auth{basic, user=" + user + "}";
      case TOKEN -> "Auth{token}";
      case NONE -> "Auth{none}";
    };
  }
}
