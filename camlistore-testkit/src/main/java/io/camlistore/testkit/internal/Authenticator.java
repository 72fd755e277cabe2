package io.camlistore.testkit.internal;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Perkeep's access check for the modes the embedded server offers: everything allowed, or HTTP
 * Basic with one user and password. In both modes {@code Authorization: Token <authToken>} grants
 * everything, as on a real server.
 */
public final class Authenticator {
  private static final Pattern BASIC = Pattern.compile("^Basic ([A-Za-z0-9+/=]+)");

  private final byte @Nullable [] userPassword;
  private final byte[] tokenHeader;

  /**
   * Creates the check.
   *
   * @param user the Basic user, or null to allow every request
   * @param password the Basic password (ignored without a user)
   * @param token this server run's auth token
   */
  public Authenticator(@Nullable String user, @Nullable String password, String token) {
    this.userPassword =
        user == null ? null : (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    this.tokenHeader = ("Token " + token).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decides whether a request may proceed.
   *
   * @param headers the request headers
   * @return true if allowed
   */
  public boolean allows(Headers headers) {
    if (userPassword == null) {
      return true;
    }
    String authorization = headers.getFirst("Authorization");
    if (authorization == null) {
      return false;
    }
    byte[] presented = authorization.getBytes(StandardCharsets.UTF_8);
    if (MessageDigest.isEqual(presented, tokenHeader)) {
      return true;
    }
    Matcher basic = BASIC.matcher(authorization);
    if (!basic.find()) {
      return false;
    }
    try {
      return MessageDigest.isEqual(Base64.getDecoder().decode(basic.group(1)), userPassword);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
