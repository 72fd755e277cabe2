package io.camlistore.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A small stateful stand-in for a Perkeep server behind WireMock stubs that name it as transformer:
 * it stores uploaded blobs (checking each part's ref like the real upload handler), answers stat,
 * and computes describe and claims answers from the stored permanodes and claims, in the shapes of
 * the captured fixtures 22, 30, 62 and 81. Its sign helper appends a fake signature; uploads are
 * checked with a signature check only when given one.
 */
final class FakePerkeep implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-perkeep";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the fake sign helper appends: a well-formed but meaningless camliSig. */
  static final String FAKE_SIGNATURE = ",\"camliSig\":\"ZmFrZQ===AAAA\"}\n";

  private final Map<BlobRef, byte[]> blobs = new ConcurrentHashMap<>();
  private volatile Function<String, Boolean> signatureCheck = signed -> true;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Uses a check for every uploaded signed blob; a blob failing it is refused like a bad one. */
  void checkSignaturesWith(Function<String, Boolean> check) {
    this.signatureCheck = check;
  }

  Map<BlobRef, byte[]> blobs() {
    return blobs;
  }

  @Nullable String text(BlobRef ref) {
    byte[] data = blobs.get(ref);
    return data == null ? null : new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl().replaceFirst("\\?.*", "");
    try {
      if (path.endsWith("/camli/stat")) {
        return stat(request);
      }
      if (path.endsWith("/camli/upload")) {
        return upload(request);
      }
      if (path.endsWith("/camli/sig/sign")) {
        return sign(request.formParameter("json").firstValue());
      }
      if (path.endsWith("/camli/search/describe")) {
        return describe(BlobRef.parse(request.queryParameter("blobref").firstValue()));
      }
      if (path.endsWith("/camli/search/claims")) {
        String filter =
            request.queryParameter("attrFilter").isPresent()
                ? request.queryParameter("attrFilter").firstValue()
                : null;
        return claims(BlobRef.parse(request.queryParameter("permanode").firstValue()), filter);
      }
    } catch (Exception e) {
      return json(400, error(e.toString()));
    }
    return json(200, error("Unsupported search path or method"));
  }

  private ResponseDefinition stat(Request request) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode stat = answer.putArray("stat");
    request
        .formParameters()
        .forEach(
            (name, values) -> {
              if (name.startsWith("blob")) {
                BlobRef ref = BlobRef.parse(values.firstValue());
                byte[] data = blobs.get(ref);
                if (data != null) {
                  stat.addObject().put("blobRef", ref.toString()).put("size", data.length);
                }
              }
            });
    answer.put("canLongPoll", true);
    return json(200, answer);
  }

  private ResponseDefinition upload(Request request) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode received = answer.putArray("received");
    for (Request.Part part : request.getParts()) {
      byte[] data = part.getBody().asBytes();
      BlobRef ref = BlobRef.parse(part.getName());
      String text = new String(data, StandardCharsets.UTF_8);
      boolean signed = text.contains(",\"camliSig\":\"");
      if (!BlobRef.compute(ref.hashName(), data).equals(ref)
          || (signed && !signatureCheck.apply(text))) {
        answer.put("errorText", "blob " + ref + " refused");
        break;
      }
      blobs.put(ref, data);
      received.addObject().put("blobRef", ref.toString()).put("size", data.length);
    }
    return json(200, answer);
  }

  /**
   * Signs like the sign helper does, but with a fixed fake signature: the input without trailing
   * white space and final brace, then the camliSig field.
   */
  private static ResponseDefinition sign(String unsigned) {
    String payload = unsigned.strip();
    payload = payload.substring(0, payload.length() - 1);
    return WireMock.aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withBody(payload + FAKE_SIGNATURE)
        .build();
  }

  private ResponseDefinition describe(BlobRef ref) throws Exception {
    ObjectNode answer = JSON.createObjectNode();
    ObjectNode meta = answer.putObject("meta");
    byte[] data = blobs.get(ref);
    if (data != null) {
      ObjectNode described = meta.putObject(ref.toString());
      described.put("blobRef", ref.toString());
      JsonNode schema = schema(data);
      String type = schema == null ? null : schema.path("camliType").asText(null);
      if (type != null) {
        described.put("camliType", type);
      }
      described.put("size", data.length);
      if ("permanode".equals(type)) {
        Map<String, List<String>> attributes = new TreeMap<>();
        Instant modtime = null;
        for (JsonNode claim : claimsOf(ref)) {
          apply(attributes, claim);
          modtime = Instant.parse(claim.path("claimDate").asText());
        }
        ObjectNode permanode = described.putObject("permanode");
        ObjectNode attr = permanode.putObject("attr");
        attributes.forEach((name, values) -> values.forEach(attr.withArray(name)::add));
        if (modtime != null) {
          permanode.put("modtime", Rfc3339.format(modtime));
        }
      }
    }
    return json(200, answer);
  }

  private ResponseDefinition claims(BlobRef permanode, @Nullable String attrFilter)
      throws Exception {
    ObjectNode answer = JSON.createObjectNode();
    List<JsonNode> claims = claimsOf(permanode);
    if (attrFilter != null) {
      claims.removeIf(claim -> !attrFilter.equals(claim.path("attribute").asText()));
    }
    if (claims.isEmpty()) {
      answer.putNull("claims");
      return json(200, answer);
    }
    ArrayNode list = answer.putArray("claims");
    for (JsonNode claim : claims) {
      ObjectNode item = list.addObject();
      item.put("blobref", claim.path("_ref").asText());
      item.put("signer", claim.path("camliSigner").asText());
      item.put("permanode", permanode.toString());
      item.put("date", claim.path("claimDate").asText());
      item.put("type", claim.path("claimType").asText());
      if (claim.has("attribute")) {
        item.put("attr", claim.path("attribute").asText());
      }
      if (claim.has("value")) {
        item.put("value", claim.path("value").asText());
      }
    }
    return json(200, answer);
  }

  /** The stored claims about a permanode, oldest first, each with its own ref as {@code _ref}. */
  private List<JsonNode> claimsOf(BlobRef permanode) throws Exception {
    List<JsonNode> claims = new ArrayList<>();
    for (Map.Entry<BlobRef, byte[]> entry : blobs.entrySet()) {
      JsonNode schema = schema(entry.getValue());
      if (schema != null
          && "claim".equals(schema.path("camliType").asText())
          && (permanode.toString().equals(schema.path("permaNode").asText())
              || permanode.toString().equals(schema.path("target").asText()))) {
        ((ObjectNode) schema).put("_ref", entry.getKey().toString());
        claims.add(schema);
      }
    }
    claims.sort(Comparator.comparing(claim -> Instant.parse(claim.path("claimDate").asText())));
    return claims;
  }

  private static void apply(Map<String, List<String>> attributes, JsonNode claim) {
    String name = claim.path("attribute").asText();
    String value = claim.path("value").asText(null);
    switch (claim.path("claimType").asText()) {
      case "set-attribute" -> attributes.put(name, new ArrayList<>(List.of(value)));
      case "add-attribute" -> attributes.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      case "del-attribute" -> {
        if (value == null) {
          attributes.remove(name);
        } else if (attributes.containsKey(name)) {
          attributes.get(name).remove(value);
        }
      }
      default -> {}
    }
    attributes.values().removeIf(List::isEmpty);
  }

  private static @Nullable JsonNode schema(byte[] data) {
    if (data.length == 0 || data[0] != '{') {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(data);
      return node.has("camliVersion") ? node : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static ObjectNode error(String text) {
    ObjectNode error = JSON.createObjectNode();
    error.put("error", text);
    error.put("errorType", "input");
    return error;
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return WireMock.aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/javascript")
        .withBody(body.toPrettyString() + "\n")
        .build();
  }
}
