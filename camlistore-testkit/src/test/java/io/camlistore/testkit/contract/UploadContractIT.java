package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.camlistore.protocol.BlobRef;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multipart upload and PUT: the real server's exact answers to the captured requests, its per-part
 * error reporting, and its size limit (an oversized PUT is refused from its headers alone).
 */
@ContractTest
class UploadContractIT {
  private static final int SIXTEEN_MIB = 16 << 20;

  private final ContractTarget target = ContractTarget.get();

  @Test
  void multipartUploadOfTwoBlobsListsBoth() {
    assertReplaysFixture("30-upload-multipart-two-blobs");
  }

  @Test
  void alreadyPresentBlobsAreListedAgain() {
    assertReplaysFixture("30-upload-multipart-two-blobs");
    assertReplaysFixture("31-upload-multipart-already-present");
  }

  @Test
  void signedSchemaBlobsAreAccepted() {
    assertReplaysFixture("32-upload-signed-schema-blobs");
  }

  @Test
  void digestMismatchIsHttp200WithErrorTextAndStoresNothing() {
    assertReplaysFixture("33-upload-digest-mismatch");
    assertThat(
            Blobs.get(
                    target, "camli/sha224-0aa38a7b0648021d36352cbf001829008b03cff5cc6cd181ad464b61")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void partsNotNamedByABlobrefAreSkippedAndLaterPartsStored() {
    assertReplaysFixture("34-upload-bad-part-name");
  }

  @Test
  void unsupportedHashIsReportedInErrorText() {
    assertReplaysFixture("36-upload-unsupported-hash");
  }

  @Test
  void partWithOnlyANameIsAccepted() {
    assertReplaysFixture("37-upload-part-without-filename-and-type");
  }

  @Test
  void nonMultipartBodyIsABareBadRequest() {
    HttpResponse<byte[]> response =
        target.send(
            target
                .blobRequest("camli/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        Fixtures.request("35-upload-not-multipart"))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.contentType(response)).isEqualTo("text/html; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("35-upload-not-multipart"));
  }

  @Test
  void processingStopsAtTheFirstCorruptPart() {
    byte[] first = Blobs.unique();
    byte[] corrupt = Blobs.unique();
    byte[] after = Blobs.unique();
    BlobRef wrongName = Blobs.ref(Blobs.unique());

    HttpResponse<byte[]> response =
        Blobs.upload(
            target,
            Blobs.multipart(Blobs.ref(first), first, wrongName, corrupt, Blobs.ref(after), after));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.text(response))
        .isEqualTo(
            "{\n  \"received\": [\n    {\n      \"blobRef\": \""
                + Blobs.ref(first)
                + "\",\n      \"size\": "
                + first.length
                + "\n    }\n  ],\n  \"errorText\": \"Error receiving blob "
                + wrongName
                + ": corrupt blob; digest doesn't match\\n\"\n}\n");
    assertThat(Blobs.get(target, "camli/" + Blobs.ref(after)).statusCode()).isEqualTo(404);
  }

  @Test
  void blobOfExactly16MiBIsAccepted() {
    byte[] zeros = new byte[SIXTEEN_MIB];

    HttpResponse<byte[]> response = Blobs.upload(target, Blobs.multipart(Blobs.ref(zeros), zeros));

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("41-upload-exactly-16MiB"));
  }

  @Test
  void blobOver16MiBIsReportedAsADigestMismatch() {
    byte[] zeros = new byte[SIXTEEN_MIB + 1];

    HttpResponse<byte[]> response = Blobs.upload(target, Blobs.multipart(Blobs.ref(zeros), zeros));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.text(response))
        .isEqualTo(Fixtures.response("40-upload-oversized-16MiB-plus-1"));
  }

  @Test
  void putStoresOneBlobAndAnswers204() {
    byte[] content = Fixtures.request("38-put-single-blob");

    HttpResponse<byte[]> response = put("camli/" + Blobs.ref(content), content);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(Blobs.get(target, "camli/" + Blobs.ref(content)).body()).isEqualTo(content);
  }

  @Test
  void putWithContentNotMatchingTheRefIsABareBadRequest() {
    HttpResponse<byte[]> response =
        put(
            "camli/sha224-67902c9735c9cd0a8e7f8f9548641a6af7b9da3aa8219eacd6032774",
            Fixtures.request("39-put-digest-mismatch"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("39-put-digest-mismatch"));
  }

  @Test
  void putOver16MiBIsRefusedFromItsHeadersAloneAndTheConnectionClosed() {
    String oversized = Blobs.ref(new byte[SIXTEEN_MIB + 1]).toString();

    try (RawHttp connection = RawHttp.open(target)) {
      // Only the head is sent: the server must answer without the body.
      RawHttp.Response response = connection.exchange(oversizedPut(oversized), true, new byte[0]);

      assertThat(response.interim()).isEmpty();
      assertBareOversizedPutRefusal(response);
      assertThat(connection.closedByServer()).isTrue();
    }
    assertThat(Blobs.get(target, "camli/" + oversized).statusCode()).isEqualTo(404);
  }

  @Test
  void putOver16MiBExpectingContinueIsRefusedWithoutTheBody() {
    String oversized = Blobs.ref(new byte[SIXTEEN_MIB + 1]).toString();
    List<String> head = new ArrayList<>(oversizedPut(oversized));
    head.add("Expect: 100-continue");

    try (RawHttp connection = RawHttp.open(target)) {
      RawHttp.Response response = connection.exchange(head, true, new byte[0]);

      assertBareOversizedPutRefusal(response);
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void putOver16MiBExpectingContinueIsRefusedWithoutA100Continue() {
    assumeFalse(
        target.embedded(),
        "the JDK's HTTP server answers Expect: 100-continue itself, before any handler runs"
            + " (docs/testkit.md)");
    List<String> head =
        new ArrayList<>(oversizedPut(Blobs.ref(new byte[SIXTEEN_MIB + 1]).toString()));
    head.add("Expect: 100-continue");

    try (RawHttp connection = RawHttp.open(target)) {
      assertThat(connection.exchange(head, true, new byte[0]).interim()).isEmpty();
    }
  }

  private List<String> oversizedPut(String ref) {
    return List.of(
        "PUT " + target.blobRoot() + "camli/" + ref + " HTTP/1.1",
        "Content-Type: application/octet-stream",
        "Content-Length: " + (SIXTEEN_MIB + 1));
  }

  private static void assertBareOversizedPutRefusal(RawHttp.Response response) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Connection")).isEqualTo("close");
    assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(response.text()).isEqualTo(Fixtures.response("41b-put-oversized"));
  }

  @Test
  void putOfAnUnsupportedHashIsABareBadRequest() {
    HttpResponse<byte[]> response =
        put(
            "camli/md5-1d49de86c83a976e5b009d392d8e705e",
            "fixture blob one (sha224)\n".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private HttpResponse<byte[]> put(String camliPath, byte[] content) {
    return target.send(
        target.blobRequest(camliPath).PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  private void assertReplaysFixture(String fixture) {
    HttpResponse<byte[]> response = Blobs.upload(target, Fixtures.request(fixture));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(fixture));
  }
}
