package io.camlistore.testkit;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP against an embedded server, for the tests of the server's own features. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String BOUNDARY = "TESTBOUNDARY";

  private Http() {}

  static HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder request(EmbeddedCamlistoreServer server, String path) {
    return HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
        .timeout(Duration.ofSeconds(30));
  }

  static HttpResponse<byte[]> get(EmbeddedCamlistoreServer server, String path) {
    try {
      return send(request(server, path).GET().build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<byte[]> getBlob(EmbeddedCamlistoreServer server, BlobRef ref) {
    return get(server, "/bs-and-maybe-also-index/camli/" + ref);
  }

  static HttpResponse<byte[]> upload(EmbeddedCamlistoreServer server, byte[]... blobs) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] blob : blobs) {
      body.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\""
                  + BlobRef.compute("sha224", blob)
                  + "\"\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(blob);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    try {
      return send(
          request(server, "/bs-and-maybe-also-index/camli/upload")
              .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<byte[]> postForm(EmbeddedCamlistoreServer server, String path, String form) {
    try {
      return send(
          request(server, path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<byte[]> postJson(EmbeddedCamlistoreServer server, String path, String json) {
    return send(
        request(server, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
