package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock extension that answers the blob protocol from memory, in the real server's shapes
 * (fixtures 22/29 for stat, 30 for upload, 42/47 for get): uploads are stored and listed as
 * received, stat lists the requested blobs it holds, get serves them. For tests whose requests
 * depend on content (chunked files), where fixed stubs cannot know the refs.
 *
 * <p>It also records what the client did: every upload request's refs, every blob fetched, and any
 * schema blob that arrived before a blob it refers to.
 */
final class BlobStoreStub implements ResponseDefinitionTransformerV2 {
  static final String NAME = "blob-store";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<BlobRef, byte[]> blobs = new ConcurrentHashMap<>();
  private final List<List<BlobRef>> uploads = Collections.synchronizedList(new ArrayList<>());
  private final Map<BlobRef, AtomicInteger> gets = new ConcurrentHashMap<>();
  private final AtomicInteger stats = new AtomicInteger();
  private final List<String> orderViolations = Collections.synchronizedList(new ArrayList<>());

  /** Serves stat, upload and get under the blob root of fixture 01's discovery. */
  void stubOn(WireMockExtension server, String blobRoot) {
    server.stubFor(post(blobRoot + "camli/stat").willReturn(aResponse().withTransformers(NAME)));
    server.stubFor(post(blobRoot + "camli/upload").willReturn(aResponse().withTransformers(NAME)));
    server.stubFor(
        get(urlMatching(blobRoot + "camli/sha[0-9a-z]*-[0-9a-f]+"))
            .willReturn(aResponse().withTransformers(NAME)));
  }

  void reset() {
    blobs.clear();
    uploads.clear();
    gets.clear();
    stats.set(0);
    orderViolations.clear();
  }

  /** Stores bytes under a ref without checking them (to plant corrupt content). */
  void put(BlobRef ref, byte[] data) {
    blobs.put(ref, data.clone());
  }

  void put(Blob blob) {
    put(blob.blobRef(), blob.data());
  }

  Map<BlobRef, byte[]> blobs() {
    return blobs;
  }

  /** {@return the refs of each upload request, in the order the requests arrived} */
  List<List<BlobRef>> uploads() {
    synchronized (uploads) {
      return List.copyOf(uploads);
    }
  }

  int uploadedBlobCount() {
    return uploads().stream().mapToInt(List::size).sum();
  }

  int getCount(BlobRef ref) {
    AtomicInteger count = gets.get(ref);
    return count == null ? 0 : count.get();
  }

  int totalGets() {
    return gets.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int statCount() {
    return stats.get();
  }

  List<String> orderViolations() {
    synchronized (orderViolations) {
      return List.copyOf(orderViolations);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl();
    if (path.endsWith("/camli/stat")) {
      return stat(request);
    }
    if (path.endsWith("/camli/upload")) {
      return upload(request);
    }
    return serve(BlobRef.parse(path.substring(path.lastIndexOf('/') + 1)));
  }

  private ResponseDefinition stat(Request request) {
    stats.incrementAndGet();
    List<String> entries = new ArrayList<>();
    for (String pair : request.getBodyAsString().split("&", -1)) {
      String[] keyValue = pair.split("=", 2);
      if (keyValue[0].startsWith("blob")) {
        BlobRef ref = BlobRef.parse(URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8));
        byte[] data = blobs.get(ref);
        if (data != null) {
          entries.add(entry(ref, data.length));
        }
      }
    }
    return json("{\n  \"stat\": " + array(entries) + ",\n  \"canLongPoll\": true\n}\n");
  }

  private ResponseDefinition upload(Request request) {
    List<BlobRef> refs = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (Request.Part part : request.getParts()) {
      BlobRef ref = BlobRef.parse(part.getName());
      byte[] data = part.getBody().asBytes();
      if (!BlobRef.compute(ref.hashName(), data).equals(ref)) {
        return json(
            "{\n  \"received\": "
                + array(entries)
                + ",\n  \"errorText\": \"Error receiving blob "
                + ref
                + ": corrupt blob; digest doesn't match\\n\"\n}\n");
      }
      checkChildrenPresent(ref, data);
      // Parts are stored in order, as the real server does: a later part may name an earlier one.
      blobs.put(ref, data);
      refs.add(ref);
      entries.add(entry(ref, data.length));
    }
    uploads.add(refs);
    return json("{\n  \"received\": " + array(entries) + "\n}\n");
  }

  private ResponseDefinition serve(BlobRef ref) {
    gets.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
    byte[] data = blobs.get(ref);
    if (data == null) {
      return aResponse()
          .withStatus(404)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withBody("Blob \"" + ref + "\" not found\n")
          .build();
    }
    return aResponse()
        .withHeader("Accept-Ranges", "bytes")
        .withHeader("Content-Type", "application/octet-stream")
        .withHeader("Last-Modified", "Thu, 10 Jun 2010 23:42:15 GMT")
        .withBody(data)
        .build();
  }

  /** Records a schema blob that arrives before a blob it names (the client must send it later). */
  private void checkChildrenPresent(BlobRef ref, byte[] data) {
    if (data.length == 0 || data[0] != '{') {
      return;
    }
    JsonNode schema;
    try {
      schema = JSON.readTree(data);
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
      if (!blobs.containsKey(BlobRef.parse(child))) {
        orderViolations.add(ref + " arrived before its child " + child);
      }
    }
  }

  private static String entry(BlobRef ref, int size) {
    return "    {\n      \"blobRef\": \"" + ref + "\",\n      \"size\": " + size + "\n    }";
  }

  private static String array(List<String> entries) {
    return entries.isEmpty() ? "[]" : "[\n" + String.join(",\n", entries) + "\n  ]";
  }

  private static ResponseDefinition json(String body) {
    return aResponse().withHeader("Content-Type", "text/javascript").withBody(body).build();
  }
}
