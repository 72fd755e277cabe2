package io.camlistore.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.AuthenticationException;
import io.camlistore.client.ConnectionException;
import io.camlistore.client.Discovery;
import io.camlistore.client.NotCamliServerException;
import io.camlistore.client.ServerException;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Performs server discovery: asks the server root for its configuration and resolves every
 * advertised handler path against the URL that finally answered (after redirects).
 */
public final class DiscoveryReader {
  /** The media type a Perkeep server answers discovery for. */
  public static final String DISCOVERY_MEDIA_TYPE = "text/x-camli-configuration";

  private static final int MAX_DISCOVERY_BYTES = 1024 * 1024;

  private DiscoveryReader() {}

  /**
   * Discovers a server.
   *
   * @param transport the connection's transport (carries the credentials)
   * @param serverUrl the server's base URL
   * @return the discovery result
   * @throws AuthenticationException if the server refused the credentials, or the proxy its own
   * @throws NotCamliServerException if the answer is not a Perkeep discovery document
   * @throws ConnectionException if the server cannot be reached
   */
  public static Discovery discover(HttpTransport transport, URI serverUrl) {
    // Both discovery signals: the Accept header (current servers) and the query (older ones).
    URI url = Urls.asDirectory(serverUrl).resolve("?camli.mode=config");
    String what = "discovery GET " + Urls.withoutUserInfo(url);
    return transport.executeAnyStatus(
        () -> {
          HttpGet get = new HttpGet(url);
          get.setHeader(HttpHeaders.ACCEPT, DISCOVERY_MEDIA_TYPE + ", text/javascript, */*");
          return get;
        },
        (response, finalUrl) -> parse(response, finalUrl, what));
  }

  private static Discovery parse(ClassicHttpResponse response, URI finalUrl, String what)
      throws IOException {
    int status = response.getCode();
    // A refusal, or a server that is there but failing (restarting, overloaded): not "no server".
    if (status == 401 || status == 403 || status == 407 || status >= 500) {
      throw ErrorResponses.toException(response, what);
    }
    if (status != 200) {
      throw new NotCamliServerException(
          what + " answered HTTP " + status + ": not a Perkeep server (or wrong URL)", null);
    }
    byte[] body = readBody(response.getEntity());
    JsonNode json;
    try {
      json = Json.parseObject(body, what, status);
    } catch (ServerException e) {
      throw new NotCamliServerException(
          what + " did not answer with a discovery JSON object: " + Texts.excerpt(body), e);
    }
    Discovery.Builder discovery =
        Discovery.builder(finalUrl)
            .blobRoot(root(finalUrl, json, "blobRoot"))
            .searchRoot(root(finalUrl, json, "searchRoot"))
            .jsonSignRoot(root(finalUrl, json, "jsonSignRoot"))
            .helpRoot(root(finalUrl, json, "helpRoot"))
            .statusRoot(root(finalUrl, json, "statusRoot"))
            .storageGeneration(Json.text(json, "storageGeneration"))
            .storageInitTime(Json.text(json, "storageInitTime"))
            .ownerName(Json.text(json, "ownerName"))
            .authToken(Json.text(json, "authToken"));
    JsonNode signing = json.get("signing");
    if (signing != null && signing.isObject()) {
      discovery.signing(
          new Discovery.SigningInfo(
              BlobRef.parseOrNull(Json.text(signing, "publicKeyBlobRef")),
              Json.text(signing, "publicKeyId"),
              root(finalUrl, signing, "publicKey"),
              root(finalUrl, signing, "signHandler"),
              root(finalUrl, signing, "verifyHandler")));
    }
    return discovery.build();
  }

  private static byte[] readBody(@Nullable HttpEntity entity) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    try (InputStream in = entity.getContent()) {
      return in.readNBytes(MAX_DISCOVERY_BYTES);
    }
  }

  private static @Nullable URI root(URI base, JsonNode json, String field) {
    String path = Json.text(json, field);
    if (path == null || path.isEmpty()) {
      return null;
    }
    try {
      return base.resolve(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
