package io.camlistore.testkit.contract;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/** Makes blobs and raw blob-protocol requests for the contract suite. */
final class Blobs {
  static final String BOUNDARY = "PKFIXTUREBOUNDARY0123456789";
  static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
  static final String FORM = "application/x-www-form-urlencoded";

  private Blobs() {}

  /** {@return text content no other test run has uploaded} */
  static byte[] unique() {
    return ("contract test blob " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@return deterministic binary content} */
  static byte[] binary(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  static BlobRef ref(byte[] content) {
    return BlobRef.compute("sha224", content);
  }

  /** A multipart body with one part per blob, named by the given names. */
  static byte[] multipart(Object... namesAndContents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      String name = namesAndContents[i].toString();
      out.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\"; filename=\""
                  + name
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes((byte[]) namesAndContents[i + 1]);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static HttpRequest.Builder uploadRequest(ContractTarget target, byte[] multipartBody) {
    return target
        .blobRequest("camli/upload")
        .header("Content-Type", MULTIPART)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody));
  }

  static HttpResponse<byte[]> upload(ContractTarget target, byte[] multipartBody) {
    return target.send(uploadRequest(target, multipartBody));
  }

  /** Uploads blobs, failing if the server refuses any. */
  static void store(ContractTarget target, byte[]... contents) {
    Object[] parts = new Object[contents.length * 2];
    for (int i = 0; i < contents.length; i++) {
      parts[2 * i] = ref(contents[i]);
      parts[2 * i + 1] = contents[i];
    }
    HttpResponse<byte[]> response = upload(target, multipart(parts));
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != 200 || body.contains("errorText")) {
      throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + body);
    }
  }

  static HttpResponse<byte[]> postForm(ContractTarget target, String camliPath, String form) {
    return target.send(
        target
            .blobRequest(camliPath)
            .header("Content-Type", FORM)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  static HttpResponse<byte[]> get(ContractTarget target, String camliPath) {
    return target.send(target.blobRequest(camliPath).GET());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String contentType(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Content-Type").orElse("<none>");
  }
}
