package io.camlistore.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.BlobListener;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Watches the embedded server's store and records every schema blob stored before a blob it names
 * (a part, a static-set member or merge set, a directory's entries): a client must send the blobs a
 * schema refers to first. The store calls it as each blob is stored, in the order the server
 * received them, seeded blobs included.
 */
final class ChildrenFirstCheck implements BlobListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedCamlistoreServer server;
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  ChildrenFirstCheck(EmbeddedCamlistoreServer server) {
    this.server = server;
  }

  /** {@return each schema blob that arrived before a blob it names, with that blob} */
  List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  @Override
  public void blobStored(BlobRef ref, byte[] content) {
    if (content.length == 0 || content[0] != '{') {
      return;
    }
    JsonNode schema;
    try {
      schema = JSON.readTree(content);
    } catch (IOException e) {
      return;
    }
    List<String> children = new ArrayList<>();
    schema
        .path("parts")
        .forEach(p -> children.add(p.path(p.has("bytesRef") ? "bytesRef" : "blobRef").asText()));
    schema.path("members").forEach(m -> children.add(m.asText()));
    schema.path("mergeSets").forEach(m -> children.add(m.asText()));
    if (schema.has("entries")) {
      children.add(schema.get("entries").asText());
    }
    for (String child : children) {
      if (!server.contains(BlobRef.parse(child))) {
        violations.add(ref + " arrived before its child " + child);
      }
    }
  }
}
