package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code camli/stat}: present blobs only, in any order, with the real server's 400s. */
@ContractTest
class StatContractIT {
  private static final byte[] HELLO_CHUNK = Fixtures.bytes("42-get-text-blob.resp.body");
  private static final byte[] HELLO_FILE = Fixtures.bytes("43-get-schema-blob.resp.body");
  private static final byte[] PUBLIC_KEY = Fixtures.bytes("52-get-via-blobroot.resp.body");

  private final ContractTarget target = ContractTarget.get();

  @BeforeEach
  void seedTheFixtureBlobs() {
    Blobs.store(target, HELLO_CHUNK, HELLO_FILE, PUBLIC_KEY);
  }

  @Test
  void postListsOnlyPresentBlobsInAnyOrder() {
    HttpResponse<byte[]> response = postStat(target.blobRequest("camli/stat"), "22-stat-post");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    String expected = Fixtures.response("22-stat-post");
    assertThat(Blobs.text(response)).isIn(expected, swapStatEntries(expected));
  }

  @Test
  void getTakesTheFormFromTheQuery() {
    HttpResponse<byte[]> response =
        Blobs.get(
            target,
            "camli/stat?camliversion=1&blob1="
                + Blobs.ref(PUBLIC_KEY)
                + "&blob2=sha224-00000000000000000000000000000000000000000000000000000000");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("23-stat-get"));
  }

  @Test
  void theBsPrefixSharesTheBlobRootsStorage() {
    HttpResponse<byte[]> response =
        postStat(target.request("/bs/camli/stat"), "24-stat-via-blobroot-prefix");

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("24-stat-via-blobroot-prefix"));
  }

  @Test
  void missingCamliversionIsABareBadRequest() {
    assertBadRequest(
        Blobs.postForm(target, "camli/stat", "blob1=" + Blobs.ref(HELLO_CHUNK)),
        "25-stat-missing-camliversion");
  }

  @Test
  void malformedBlobrefIsABareBadRequest() {
    assertBadRequest(
        Blobs.postForm(target, "camli/stat", "camliversion=1&blob1=sha224-nothex"),
        "26-stat-bad-blobref");
  }

  @Test
  void moreThanAThousandBlobsIsABadRequestButAThousandIsFine() {
    StringBuilder form = new StringBuilder("camliversion=1");
    for (int n = 1; n <= 1000; n++) {
      form.append("&blob")
          .append(n)
          .append('=')
          .append(Blobs.ref(("stat " + n).getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(Blobs.postForm(target, "camli/stat", form.toString()).statusCode()).isEqualTo(200);

    form.append("&blob1001=").append(Blobs.ref(HELLO_CHUNK));
    assertBadRequest(Blobs.postForm(target, "camli/stat", form.toString()), "27-stat-too-many");
  }

  @Test
  void aGapInTheNumberingHidesTheBlobsAfterIt() {
    HttpResponse<byte[]> response =
        postStat(target.blobRequest("camli/stat"), "28-stat-gap-in-numbering");

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("28-stat-gap-in-numbering"));
  }

  @Test
  void noBlobsGivesAnEmptyListNotNull() {
    HttpResponse<byte[]> response = Blobs.postForm(target, "camli/stat", "camliversion=1");

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("29-stat-empty"));
  }

  @Test
  void duplicateRefsAreListedOnce() {
    BlobRef ref = Blobs.ref(HELLO_CHUNK);

    HttpResponse<byte[]> response =
        Blobs.postForm(target, "camli/stat", "camliversion=1&blob1=" + ref + "&blob2=" + ref);

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("24-stat-via-blobroot-prefix"));
  }

  @Test
  void aLongPollForABlobThatNeverArrivesEndsWithAnEmptyStat() {
    HttpResponse<byte[]> response =
        postStat(target.blobRequest("camli/stat"), "29b-stat-long-poll");

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("29b-stat-long-poll"));
  }

  @Test
  void aLongPollSentBeforeTheBlobIsStoredAnswersWithIt() {
    byte[] content = Blobs.unique();
    // Longer than the request timeout: only the blob's arrival can end the poll in time.
    byte[] form =
        ("camliversion=1&maxwaitsec=30&blob1=" + Blobs.ref(content))
            .getBytes(StandardCharsets.US_ASCII);

    try (RawHttp poll = RawHttp.open(target)) {
      poll.send(
          List.of(
              "POST " + target.blobRoot() + "camli/stat HTTP/1.1",
              "Content-Type: " + Blobs.FORM,
              "Content-Length: " + form.length),
          true,
          form);
      Blobs.store(target, content);

      RawHttp.Response response = poll.response();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text())
          .isEqualTo(
              "{\n  \"stat\": [\n    {\n      \"blobRef\": \""
                  + Blobs.ref(content)
                  + "\",\n      \"size\": "
                  + content.length
                  + "\n    }\n  ],\n  \"canLongPoll\": true\n}\n");
    }
  }

  /** Posts the form body of a captured stat request. */
  private HttpResponse<byte[]> postStat(HttpRequest.Builder request, String fixture) {
    return target.send(
        request
            .header("Content-Type", Blobs.FORM)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.request(fixture))));
  }

  private static void assertBadRequest(HttpResponse<byte[]> response, String fixture) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.contentType(response)).isEqualTo("text/html; charset=utf-8");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response(fixture));
  }

  /** The fixture's answer with its two stat entries in the other order. */
  private static String swapStatEntries(String json) {
    int first = json.indexOf("    {");
    int second = json.indexOf("    {", first + 1);
    int end = json.indexOf("    }", second) + "    }".length();
    String a = json.substring(first, json.indexOf("    }", first) + "    }".length());
    String b = json.substring(second, end);
    return json.substring(0, first) + b + ",\n" + a + json.substring(end);
  }
}
