package io.camlistore.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.AuthenticationException;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.ServerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/** Maps an HTTP error answer to the client's exception types, keeping the server's own text. */
public final class ErrorResponses {
  private static final int BODY_LIMIT = 64 * 1024;

  private ErrorResponses() {}

  /**
   * Builds the exception for an error status.
   *
   * @param response the error response (its body is read, at most 64 KiB)
   * @param what the request, e.g. {@code GET http://host/bs/camli/sha224-...}
   * @return the exception to throw
   */
  public static ServerException toException(ClassicHttpResponse response, String what) {
    int status = response.getCode();
    String error = serverError(readBody(response.getEntity()));
    String suffix = error == null ? "" : ": " + error;
    if (status == 401 || status == 403) {
      return new AuthenticationException(
          what
              + " was refused (HTTP "
              + status
              + ")"
              + suffix
              + "; check the credentials given in ConnectOptions.auth",
          status,
          error);
    }
    if (status == 407) {
      return new AuthenticationException(
          what
              + " was refused by the proxy (HTTP 407)"
              + suffix
              + "; check the proxy credentials given in ConnectOptions.proxy",
          status,
          error);
    }
    if (status == 404) {
      return new NotFoundException(what + " found nothing (HTTP 404)" + suffix, status, error);
    }
    return new ServerException(what + " failed with HTTP " + status + suffix, status, error);
  }

  /**
   * Extracts the server's error text: the {@code error} or {@code errorText} field of a JSON body,
   * else the body without HTML tags.
   *
   * @param body the body text
   * @return the text, or null for an empty body
   */
  public static @Nullable String serverError(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.startsWith("{")) {
      try {
        JsonNode node = Json.MAPPER.readTree(trimmed);
        String error = Json.text(node, "error");
        if (error == null) {
          error = Json.text(node, "errorText");
        }
        if (error != null) {
          return error.strip();
        }
      } catch (IOException e) {
        // Not JSON after all: fall through to the plain-text excerpt.
      }
    }
    return Texts.excerpt(trimmed.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " "));
  }

  private static String readBody(@Nullable HttpEntity entity) {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      return new String(in.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
