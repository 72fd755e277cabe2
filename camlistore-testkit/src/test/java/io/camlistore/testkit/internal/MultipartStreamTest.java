package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartStreamTest {
  @Test
  @SuppressWarnings("StringConcatToTextBlock") // CRLF line ends read better escaped
  void readsPartsWithHeadersAndExactBodies() throws IOException {
    MultipartStream stream =
        stream(
            "preamble line\r\n--B\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                + "X-Folded: one\r\n two\r\n\r\nfirst\n\r\n--B  \r\n"
                + "Content-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--B--\r\nepilogue");

    Map<String, String> first = stream.nextPart();
    assertThat(first)
        .containsEntry("content-disposition", "form-data; name=\"a\"")
        .containsEntry("x-folded", "one two");
    assertThat(read(stream)).isEqualTo("first\n");
    assertThat(stream.nextPart()).containsEntry("content-disposition", "form-data; name=\"b\"");
    assertThat(read(stream)).isEmpty();
    assertThat(stream.nextPart()).isNull();
    assertThat(stream.nextPart()).isNull();
  }

  @Test
  void skipsUnreadPartBodies() throws IOException {
    MultipartStream stream =
        stream("--B\r\nA: 1\r\n\r\nunread\r\n--B\r\nA: 2\r\n\r\nread\r\n--B--\r\n");

    stream.nextPart();

    assertThat(stream.nextPart()).containsEntry("a", "2");
    assertThat(read(stream)).isEqualTo("read");
  }

  @Test
  void boundaryTextInsideABodyDoesNotEndThePart() throws IOException {
    String body = "x\r\n--Bnot-a-boundary\r\n--B-also-not\r\n--Bz";
    MultipartStream stream = stream("--B\r\nA: 1\r\n\r\n" + body + "\r\n--B--\r\n");

    stream.nextPart();

    assertThat(read(stream)).isEqualTo(body);
  }

  @Test
  void acceptsBareLineFeeds() throws IOException {
    MultipartStream stream = stream("--B\nA: 1\n\nbody\n--B--\n");

    assertThat(stream.nextPart()).containsEntry("a", "1");
    assertThat(read(stream)).isEqualTo("body");
    assertThat(stream.nextPart()).isNull();
  }

  @Test
  void streamsLargePartsDeliveredInSmallReads() throws IOException {
    byte[] big = new byte[300_000];
    new Random(7).nextBytes(big);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(ascii("--0123456789\r\nA: 1\r\n\r\n"));
    body.writeBytes(big);
    body.writeBytes(ascii("\r\n--0123456789--\r\n"));
    InputStream trickle = new TrickleInputStream(body.toByteArray());
    MultipartStream stream = new MultipartStream(trickle, "0123456789");

    stream.nextPart();

    assertThat(stream.partBody().readAllBytes()).isEqualTo(big);
    assertThat(stream.partBody().read()).isEqualTo(-1);
    assertThat(stream.nextPart()).isNull();
  }

  @Test
  void reportsMalformedInputLikeGo() {
    assertThatThrownBy(() -> stream("no boundary at all").nextPart())
        .hasMessage("multipart: NextPart: EOF");
    assertThatThrownBy(() -> stream("--B\r\nnot a header\r\n\r\n").nextPart())
        .hasMessage("malformed MIME header line: not a header");
    assertThatThrownBy(() -> stream("--B\r\nA: 1\r\n").nextPart()).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> stream("--B\r\n" + "x".repeat(70_000)).nextPart())
        .hasMessageContaining("line longer than");
  }

  @Test
  void aBodyCutShortIsAnUnexpectedEof() throws IOException {
    MultipartStream stream = stream("--B\r\nA: 1\r\n\r\ntruncated body");

    stream.nextPart();

    assertThatThrownBy(() -> stream.partBody().readAllBytes())
        .isInstanceOf(EOFException.class)
        .hasMessage("unexpected EOF");
  }

  @Test
  void aBoundaryAtTheVeryEndWithoutItsLineIsAnError() throws IOException {
    MultipartStream stream = stream("--B\r\nA: 1\r\n\r\nbody\r\n--B");

    stream.nextPart();
    assertThat(read(stream)).isEqualTo("body");

    assertThatThrownBy(stream::nextPart).hasMessage("multipart: NextPart: EOF");
  }

  @Test
  void partsEndExactlyAtTheDelimiterWhereverItFallsAmongCarriageReturns() throws IOException {
    // Bodies full of CR, LF and delimiter look-alikes, of every length up to 40, so that each
    // one's end and its near misses fall at every position of an eight-byte word.
    List<String> bodies = new ArrayList<>();
    String noise = "\r\r\n-\r\n--\r\n--A\r\n--Bx\r".repeat(3);
    for (int length = 0; length <= 40; length++) {
      String body = noise.substring(0, length);
      if (!body.endsWith("\r\n--B")) { // which would end the part a line early, as in Go
        bodies.add(body);
      }
    }
    StringBuilder request = new StringBuilder();
    for (String body : bodies) {
      request.append("--B\r\nA: ").append(body.length()).append("\r\n\r\n");
      request.append(body).append("\r\n");
    }
    request.append("--B--\r\n");
    MultipartStream stream = stream(request.toString());

    for (String body : bodies) {
      assertThat(stream.nextPart()).containsEntry("a", String.valueOf(body.length()));
      assertThat(read(stream)).isEqualTo(body);
    }
    assertThat(stream.nextPart()).isNull();
  }

  @Test
  void anEmptyBodyHasNoParts() throws IOException {
    assertThat(stream("--B--\r\n").nextPart()).isNull();
  }

  private static MultipartStream stream(String body) {
    return new MultipartStream(new ByteArrayInputStream(ascii(body)), "B");
  }

  private static String read(MultipartStream stream) throws IOException {
    return new String(stream.partBody().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Returns at most 7 bytes per read, to exercise buffer refills at every offset. */
  private static final class TrickleInputStream extends InputStream {
    private final ByteArrayInputStream in;

    TrickleInputStream(byte[] data) {
      this.in = new ByteArrayInputStream(data);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 7));
    }
  }
}
