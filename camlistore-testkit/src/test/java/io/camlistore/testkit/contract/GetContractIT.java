package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code GET|HEAD camli/<ref>}: bytes, Perkeep's headers, ranges, 304, 404 and 400. */
@ContractTest
class GetContractIT {
  private static final byte[] HELLO = Fixtures.bytes("42-get-text-blob.resp.body");
  private static final String LAST_MODIFIED = "Thu, 10 Jun 2010 23:42:15 GMT";
  private static final String MISSING =
      "camli/sha224-00000000000000000000000000000000000000000000000000000000";

  private final ContractTarget target = ContractTarget.get();

  /** Stores a blob, then GETs it with one extra request header. */
  private HttpResponse<byte[]> storeAndGet(byte[] content, String header, String value) {
    Blobs.store(target, content);
    return target.send(target.blobRequest("camli/" + Blobs.ref(content)).header(header, value));
  }

  @Test
  void smallUtf8BlobIsServedAsText() {
    byte[] hello = Fixtures.bytes("42-get-text-blob.resp.body");
    Blobs.store(target, hello);

    HttpResponse<byte[]> response = Blobs.get(target, "camli/" + Blobs.ref(hello));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("16");
    assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(response.headers().firstValue("Last-Modified")).hasValue(LAST_MODIFIED);
    assertThat(response.body()).isEqualTo(hello);
  }

  @Test
  void schemaBlobIsServedAsText() {
    byte[] schema = Fixtures.bytes("43-get-schema-blob.resp.body");
    Blobs.store(target, schema);

    HttpResponse<byte[]> response = Blobs.get(target, "camli/" + Blobs.ref(schema));

    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.body()).isEqualTo(schema);
  }

  @Test
  void binaryBlobIsServedAsOctetStream() {
    byte[] chunk = Blobs.binary(262144, 44);
    Blobs.store(target, chunk);

    HttpResponse<byte[]> response = Blobs.get(target, "camli/" + Blobs.ref(chunk));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("application/octet-stream");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("262144");
    assertThat(response.body()).isEqualTo(chunk);
  }

  @Test
  void largeUtf8BlobIsServedAsOctetStream() {
    byte[] text = "a".repeat(32 << 10).getBytes(StandardCharsets.UTF_8);
    Blobs.store(target, text);

    HttpResponse<byte[]> response = Blobs.get(target, "camli/" + Blobs.ref(text));

    assertThat(Blobs.contentType(response)).isEqualTo("application/octet-stream");
  }

  @Test
  void headGivesTheSizeWithoutABody() {
    byte[] chunk = Blobs.binary(262144, 44);
    Blobs.store(target, chunk);

    HttpResponse<byte[]> response =
        target.send(
            target
                .blobRequest("camli/" + Blobs.ref(chunk))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).hasValue("262144");
    assertThat(Blobs.contentType(response)).isEqualTo("application/octet-stream");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void rangeGivesPartialContent() {
    byte[] chunk = Blobs.binary(262144, 44);

    HttpResponse<byte[]> response = storeAndGet(chunk, "Range", "bytes=0-9");

    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-9/262144");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("10");
    assertThat(response.body()).isEqualTo(Arrays.copyOf(chunk, 10));
  }

  @Test
  void rangeOfATextBlobIsServedAsOctetStream() {
    HttpResponse<byte[]> response = storeAndGet(HELLO, "Range", "bytes=-4");

    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 12-15/16");
    assertThat(Blobs.contentType(response)).isEqualTo("application/octet-stream");
    assertThat(Blobs.text(response)).isEqualTo("ep!\n");
  }

  @Test
  void rangeBeyondTheEndIsNotSatisfiable() {
    HttpResponse<byte[]> response = storeAndGet(HELLO, "Range", "bytes=100-200");

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */16");
    assertThat(Blobs.text(response)).isEqualTo("invalid range: failed to overlap\n");
  }

  @Test
  void ifModifiedSinceTheFixedDateIsNotModified() {
    HttpResponse<byte[]> response = storeAndGet(HELLO, "If-Modified-Since", LAST_MODIFIED);

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.headers().firstValue("Last-Modified")).hasValue(LAST_MODIFIED);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void missingBlobIs404WithItsRefInTheBody() {
    HttpResponse<byte[]> response = Blobs.get(target, MISSING);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("47-get-missing-404"));
  }

  @Test
  void headOfAMissingBlobIs404WithoutABody() {
    HttpResponse<byte[]> response =
        target.send(
            target.blobRequest(MISSING).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Length")).hasValue("80");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void malformedRefIs400MalformedGetUrl() {
    HttpResponse<byte[]> response = Blobs.get(target, "camli/sha224-xyz");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("49-get-bad-blobref-400"));
  }

  @Test
  void refWithTheWrongDigestLengthIs400() {
    HttpResponse<byte[]> response = Blobs.get(target, "camli/sha224-abcdef");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("50-get-wrong-length-400"));
  }

  @Test
  void unsupportedMethodIsABareBadRequest() {
    HttpResponse<byte[]> response =
        target.send(
            target
                .blobRequest(
                    "camli/sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3")
                .DELETE());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.contentType(response)).isEqualTo("text/html; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("53-get-unsupported-method"));
  }
}
