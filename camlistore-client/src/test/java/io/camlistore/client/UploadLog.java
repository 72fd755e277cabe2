package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a client sent from the embedded server's request log: the parts of each upload
 * request, in the order they were sent, and how many stat and get requests arrived. An upload's
 * parts can only be read when the server recorded its whole body (see {@link
 * EmbeddedFileConnection#serverBuilder()}); a body cut off by the recorded body limit fails the
 * test instead of being read short.
 */
final class UploadLog {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

  /** One part of a multipart upload. */
  static final class Part {
    private final String name;
    private final String headers;
    private final byte[] content;

    Part(String name, String headers, byte[] content) {
      this.name = name;
      this.headers = headers;
      this.content = content;
    }

    /** {@return the form field name: the blobref the client declared} */
    String name() {
      return name;
    }

    /** {@return the part's header lines, as sent} */
    String headers() {
      return headers;
    }

    /** {@return the part's bytes} */
    byte[] content() {
      return content.clone();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private UploadLog() {}

  /** {@return the parts of one upload request, in the order they were sent} */
  static List<Part> parts(RecordedRequest upload) {
    String type = upload.header("Content-Type");
    Matcher boundary = BOUNDARY.matcher(type == null ? "" : type);
    if (!boundary.find()) {
      throw new IllegalStateException("not a multipart request: " + upload);
    }
    String delimiter = "--" + boundary.group(1);
    // Latin-1 keeps one char per byte, so the framing can be cut without decoding the content.
    String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = body.indexOf(delimiter);
    while (at >= 0) {
      if (body.startsWith("--", at + delimiter.length())) {
        return parts;
      }
      int headersStart = at + delimiter.length() + 2;
      int headersEnd = body.indexOf("\r\n\r\n", headersStart);
      int next = headersEnd < 0 ? -1 : body.indexOf("\r\n" + delimiter, headersEnd);
      if (next < 0) {
        break;
      }
      String headers = body.substring(headersStart, headersEnd);
      Matcher name = PART_NAME.matcher(headers);
      parts.add(
          new Part(
              name.find() ? name.group(1) : "",
              headers,
              body.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1)));
      at = next + 2;
    }
    throw new IllegalStateException(
        "upload body recorded incompletely (" + body.length() + " bytes): " + upload);
  }

  /** {@return the refs of each upload request's parts, requests in the order they arrived} */
  static List<List<BlobRef>> uploads(EmbeddedCamlistoreServer server) {
    return server.requests("POST", "upload").stream()
        .map(u -> parts(u).stream().map(p -> BlobRef.parse(p.name())).toList())
        .toList();
  }

  /** {@return how many blobs all upload requests carried} */
  static int uploadedBlobCount(EmbeddedCamlistoreServer server) {
    return uploads(server).stream().mapToInt(List::size).sum();
  }

  /** {@return how many stat requests arrived} */
  static int stats(EmbeddedCamlistoreServer server) {
    return server.requests("POST", "stat").size();
  }

  /** {@return how many times a blob was fetched} */
  static int gets(EmbeddedCamlistoreServer server, BlobRef ref) {
    return server.requests("GET", ref.toString()).size();
  }

  /** {@return how many blobs were fetched, counting each fetch} */
  static long totalGets(EmbeddedCamlistoreServer server) {
    return server.requests().stream().filter(r -> r.method().equals("GET") && isBlobGet(r)).count();
  }

  /** {@return whether a request is for one blob: its path ends in {@code /camli/<blobref>}} */
  static boolean isBlobGet(RecordedRequest request) {
    int camli = request.path().indexOf("/camli/");
    return camli >= 0
        && BlobRef.parseOrNull(request.path().substring(camli + "/camli/".length())) != null;
  }
}
