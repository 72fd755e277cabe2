package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upload failures without a captured fixture, worded as Perkeep 0.11's upload handler words them,
 * and server errors from a failing listener.
 */
class UploadErrorsIT {
  /** A server per test, so that no fault or listener outlives its test. */
  @RegisterExtension
  final EmbeddedCamlistoreServerExtension camlistore = EmbeddedCamlistoreServerExtension.create();

  @Test
  void aPartWithoutContentDispositionStopsTheUpload(EmbeddedCamlistoreServer server)
      throws Exception {
    String body = "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--\r\n";

    assertThat(Http.text(upload(server, body)))
        .isEqualTo("{\n  \"received\": [],\n  \"errorText\": \"invalid Content-Disposition\"\n}\n");
  }

  @Test
  void aPartThatIsNotFormDataStopsTheUpload(EmbeddedCamlistoreServer server) throws Exception {
    String body = "--B\r\nContent-Disposition: attachment; name=x\r\n\r\nx\r\n--B--\r\n";

    assertThat(Http.text(upload(server, body)))
        .contains(
            "\"errorText\": \"Expected Content-Disposition of \\\"form-data\\\"; got"
                + " \\\"attachment\\\"\"");
  }

  @Test
  void aBodyCutInsideABlobIsReportedAsAReceiveError(EmbeddedCamlistoreServer server)
      throws Exception {
    BlobRef ref = BlobRef.compute("sha224", Http.bytes("whole"));
    String body = "--B\r\nContent-Disposition: form-data; name=\"" + ref + "\"\r\n\r\nwho";

    assertThat(Http.text(upload(server, body)))
        .contains("\"errorText\": \"Error receiving blob " + ref + ": unexpected EOF\\n\"");
    assertThat(server.blobCount()).isZero();
  }

  @Test
  void aBodyWithoutABoundaryIsReportedAsAMultipartError(EmbeddedCamlistoreServer server)
      throws Exception {
    assertThat(Http.text(upload(server, "no parts here")))
        .contains("\"errorText\": \"Error reading multipart section: multipart: NextPart: EOF\"");
  }

  @Test
  void aFailingListenerTurnsTheUploadIntoAServerError(EmbeddedCamlistoreServer server) {
    server.addBlobListener(
        (ref, content) -> {
          throw new IllegalStateException("index is broken");
        });

    HttpResponse<byte[]> response = Http.upload(server, Http.bytes("indexed"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Http.text(response)).contains("index is broken");
  }

  @Test
  void aPostToTheRootIsRedirectedWithoutABody(EmbeddedCamlistoreServer server) {
    HttpResponse<byte[]> response = Http.postForm(server, "/", "a=b");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("/ui/");
    assertThat(response.body()).isEmpty();
  }

  private HttpResponse<byte[]> upload(EmbeddedCamlistoreServer server, String body)
      throws Exception {
    return Http.send(
        Http.request(server, "/bs/camli/upload")
            .header("Content-Type", "multipart/form-data; boundary=B")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
