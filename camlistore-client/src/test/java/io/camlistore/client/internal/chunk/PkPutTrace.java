package io.camlistore.client.internal.chunk;

import io.camlistore.protocol.BlobRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a recorded pk-put session uploaded: every blob the server acknowledged, with its size, and
 * the exact bytes of the text (schema) blobs, which the recording keeps verbatim.
 *
 * @param received every acknowledged blob and its size, in upload order
 * @param textBlobs the schema blobs' text by ref
 */
record PkPutTrace(Map<BlobRef, Integer> received, Map<BlobRef, String> textBlobs) {
  private static final Pattern RECEIVED =
      Pattern.compile("\"received\": \\[\\s*\\{\\s*\"blobRef\": \"([^\"]+)\",\\s*\"size\": (\\d+)");
  private static final Pattern TEXT_PART =
      Pattern.compile(
          "name=\"([^\"]+)\"; filename=\"[^\"]+\"\r\nContent-Type: application/octet-stream\r\n\r\n"
              + "(\\{\"camliVersion\".*?)\r\n--[0-9a-f]+--",
          Pattern.DOTALL);

  static PkPutTrace parse(String trace) {
    Map<BlobRef, Integer> received = new LinkedHashMap<>();
    Matcher ack = RECEIVED.matcher(trace);
    while (ack.find()) {
      received.put(BlobRef.parse(ack.group(1)), Integer.parseInt(ack.group(2)));
    }
    Map<BlobRef, String> texts = new LinkedHashMap<>();
    Matcher part = TEXT_PART.matcher(trace);
    while (part.find()) {
      texts.put(BlobRef.parse(part.group(1)), part.group(2));
    }
    return new PkPutTrace(received, texts);
  }
}
