package io.camlistore.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET|HEAD camli/<blobref>}: a blob's bytes, or 404, or 400 for a malformed ref. */
final class GetHandler {
  private static final Pattern GET_PATTERN = Pattern.compile("/camli/[a-z][a-z0-9]*-[a-f0-9]+\\z");

  private final BlobStore store;
  private final FaultPlan faults;

  GetHandler(BlobStore store, FaultPlan faults) {
    this.store = store;
    this.faults = faults;
  }

  void handle(HttpExchange exchange, String path) throws IOException {
    Matcher matcher = GET_PATTERN.matcher(path);
    WireRef ref =
        matcher.find() ? WireRef.parse(matcher.group().substring("/camli/".length())) : null;
    if (ref == null) {
      Responses.httpError(exchange, 400, "Malformed GET URL.");
      return;
    }
    BlobRef blobRef = ref.blobRef().orElse(null);
    byte[] content = blobRef == null ? null : store.read(blobRef);
    if (content == null) {
      Responses.send(
          exchange, 404, Responses.TEXT, Responses.bytes("Blob \"" + ref + "\" not found"));
      return;
    }
    if (faults.isCorrupted(ref.toString())) {
      content = corrupt(content);
    }
    BlobContentResponder.serve(exchange, content);
  }

  private static byte[] corrupt(byte[] content) {
    if (content.length == 0) {
      return new byte[] {'!'};
    }
    byte[] changed = content.clone();
    changed[0] ^= 0x20;
    return changed;
  }
}
