package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rest of Go's ServeContent semantics for blob GETs: preconditions and multiple ranges. */
class BlobContentIT {
  private static final String LAST_MODIFIED = "Thu, 10 Jun 2010 23:42:15 GMT";
  private static final String EARLIER = "Wed, 09 Jun 2010 23:42:15 GMT";
  private static EmbeddedCamlistoreServer server;
  private static BlobRef ref;

  @BeforeAll
  static void start() {
    server = EmbeddedCamlistoreServer.builder().start();
    ref = server.putBlob(Http.bytes("0123456789"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void multipleRangesAreSentAsMultipartByteranges() throws Exception {
    HttpResponse<byte[]> response = get("Range", "bytes=0-1,8-");

    assertThat(response.statusCode()).isEqualTo(206);
    String type = response.headers().firstValue("Content-Type").orElseThrow();
    assertThat(type).startsWith("multipart/byteranges; boundary=");
    String boundary = type.substring(type.indexOf('=') + 1);
    assertThat(Http.text(response))
        .isEqualTo(
            "--"
                + boundary
                + "\r\nContent-Range: bytes 0-1/10\r\nContent-Type: application/octet-stream\r\n\r\n01"
                + "\r\n--"
                + boundary
                + "\r\nContent-Range: bytes 8-9/10\r\nContent-Type: application/octet-stream\r\n\r\n89"
                + "\r\n--"
                + boundary
                + "--\r\n");
  }

  @Test
  void rangesAskingForMoreThanTheBlobAreIgnored() throws Exception {
    HttpResponse<byte[]> response = get("Range", "bytes=0-8,1-9");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("0123456789");
  }

  @Test
  void ifRangeWithAnotherDateServesTheWholeBlob() throws Exception {
    HttpRequest request =
        Http.request(server, "/bs/camli/" + ref)
            .header("Range", "bytes=0-1")
            .header("If-Range", EARLIER)
            .build();

    assertThat(Http.send(request).statusCode()).isEqualTo(200);
    assertThat(
            Http.send(
                    Http.request(server, "/bs/camli/" + ref)
                        .header("Range", "bytes=0-1")
                        .header("If-Range", LAST_MODIFIED)
                        .build())
                .statusCode())
        .isEqualTo(206);
  }

  @Test
  void preconditionsFollowGo() throws Exception {
    assertThat(get("If-Match", "\"some-etag\"").statusCode()).isEqualTo(412);
    assertThat(get("If-Match", "*").statusCode()).isEqualTo(200);
    assertThat(get("If-Unmodified-Since", EARLIER).statusCode()).isEqualTo(412);
    assertThat(get("If-Unmodified-Since", LAST_MODIFIED).statusCode()).isEqualTo(200);
    assertThat(get("If-None-Match", "*").statusCode()).isEqualTo(304);
    assertThat(get("If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(get("If-Modified-Since", EARLIER).statusCode()).isEqualTo(200);
    assertThat(get("If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
  }

  @Test
  void malformedRangeIsNotSatisfiableWithoutContentRange() throws Exception {
    HttpResponse<byte[]> response = get("Range", "bytes=x-y");

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(response.headers().firstValue("Content-Range")).isEmpty();
    assertThat(Http.text(response)).isEqualTo("invalid range\n");
  }

  private static HttpResponse<byte[]> get(String header, String value) throws Exception {
    return Http.send(Http.request(server, "/bs/camli/" + ref).header(header, value).build());
  }
}
