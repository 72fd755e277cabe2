package io.camlistore.testkit.internal.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.HttpExchange;
import io.camlistore.client.BlobRef;
import io.camlistore.client.LocalSigner;
import io.camlistore.client.SignatureVerifier;
import io.camlistore.client.VerificationResult;
import io.camlistore.client.internal.sign.InvalidSignatureException;
import io.camlistore.client.internal.sign.SignedJson;
import io.camlistore.testkit.internal.BlobContentResponder;
import io.camlistore.testkit.internal.FormValues;
import io.camlistore.testkit.internal.GoJson;
import io.camlistore.testkit.internal.Responses;
import io.camlistore.testkit.internal.SigningDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Perkeep's sign helper under {@code /sighelper/}: its discovery, the public key blob, {@code
 * camli/sig/sign} (form field {@code json}) and {@code camli/sig/verify} (form field {@code
 * sjson}), with the real handler's answers and error texts.
 *
 * <p>Signatures carry the sign helper's fixed creation time ({@link
 * LocalSigner#SERVER_SIGN_HELPER_TIME}), so the same input always gives the same signed blob, as on
 * a real server. Only the server's own key is known to the verifier.
 */
public final class SignHandler {
  /** The sign helper's limit on the {@code json} parameter. */
  private static final int MAX_JSON_LENGTH = 1 << 20;

  private static final ObjectReader JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final LocalSigner signer;
  private final SignatureVerifier verifier;
  private final byte[] publicKey;
  private final SigningDescriptor descriptor;

  /**
   * Creates the sign helper for a key.
   *
   * @param signer the server's signer
   */
  public SignHandler(LocalSigner signer) {
    this.signer = signer.withSignatureTime(LocalSigner.SERVER_SIGN_HELPER_TIME);
    this.publicKey = signer.publicKeyBlob().data();
    this.verifier = SignatureVerifier.forPublicKey(signer.publicKeyBlob());
    this.descriptor = new SigningDescriptor(signer.publicKeyBlobRef().toString(), signer.keyId());
  }

  /** {@return what discovery says about this sign helper} */
  public SigningDescriptor descriptor() {
    return descriptor;
  }

  /**
   * Answers an authorized request under {@link SigningDescriptor#ROOT}.
   *
   * @param exchange the exchange
   * @param suffix the path after the prefix
   * @throws IOException if answering fails
   */
  public void handle(HttpExchange exchange, String suffix) throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      switch (suffix) {
        case "" -> {
          redirectToDiscovery(exchange);
          return;
        }
        case "camli/sig/sign", "camli/sig/verify" -> {
          Responses.httpError(exchange, 400, "POST required");
          return;
        }
        case "camli/sig/discovery" -> {
          SortedMap<String, Object> discovery = new TreeMap<>(GoJson.KEY_ORDER);
          discovery.putAll(descriptor.toDiscovery());
          Responses.json(exchange, 200, discovery);
          return;
        }
        default -> {
          if (suffix.equals("camli/" + descriptor.publicKeyBlobRef())) {
            BlobContentResponder.serve(exchange, publicKey);
            return;
          }
        }
      }
    } else if (method.equals("POST") && suffix.equals("camli/sig/sign")) {
      sign(exchange);
      return;
    } else if (method.equals("POST") && suffix.equals("camli/sig/verify")) {
      verify(exchange);
      return;
    }
    Responses.httpError(exchange, 400, "Unsupported path or method.");
  }

  private static void redirectToDiscovery(HttpExchange exchange) throws IOException {
    String location = SigningDescriptor.ROOT + "camli/sig/discovery";
    exchange.getResponseHeaders().set("Location", location);
    Responses.send(
        exchange,
        302,
        Responses.HTML,
        Responses.bytes("<a href=\"" + location + "\">Found</a>.\n\n"));
  }

  private void sign(HttpExchange exchange) throws IOException {
    String json = form(exchange).first("json");
    if (json.isEmpty()) {
      Responses.httpError(exchange, 400, "missing \"json\" parameter");
      return;
    }
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_JSON_LENGTH) {
      Responses.httpError(exchange, 400, "parameter \"json\" too large");
      return;
    }
    JsonNode object;
    try {
      object = JSON.readTree(json.strip());
    } catch (JsonProcessingException e) {
      object = null;
    }
    if (object == null || !object.isObject()) {
      Responses.httpError(exchange, 400, "json parse error");
      return;
    }
    JsonNode camliSigner = object.get("camliSigner");
    if (camliSigner == null) {
      Responses.httpError(exchange, 400, "json lacks \"camliSigner\" key with public key blobref");
      return;
    }
    BlobRef signerRef = camliSigner.isTextual() ? BlobRef.parseOrNull(camliSigner.asText()) : null;
    if (signerRef == null) {
      Responses.httpError(exchange, 400, "json \"camliSigner\" key is malformed or unsupported");
      return;
    }
    if (!signerRef.toString().equals(descriptor.publicKeyBlobRef())) {
      Responses.httpError(exchange, 400, "failed to find public key " + signerRef);
      return;
    }
    String signed;
    try {
      signed = signer.sign(json);
    } catch (IllegalArgumentException e) {
      Responses.httpError(exchange, 400, String.valueOf(e.getMessage()));
      return;
    }
    Responses.send(exchange, 200, Responses.TEXT, Responses.bytes(signed));
  }

  private void verify(HttpExchange exchange) throws IOException {
    String sjson = form(exchange).first("sjson");
    if (sjson.isEmpty()) {
      Responses.httpError(exchange, 400, "missing \"sjson\" parameter");
      return;
    }
    byte[] bytes = sjson.getBytes(StandardCharsets.UTF_8);
    Map<String, @Nullable Object> answer = new LinkedHashMap<>();
    String problem = structuralProblem(bytes);
    VerificationResult result = problem == null ? verifier.verify(sjson) : null;
    if (result != null && result.valid()) {
      answer.put("signatureValid", true);
      answer.put("signerKeyId", Objects.requireNonNullElse(result.signerKeyId(), ""));
      answer.put("verifiedData", payload(bytes));
    } else {
      answer.put("signatureValid", false);
      answer.put("errorMessage", problem != null ? problem : "signature verification failed");
    }
    // The real handler writes its status before the JSON, so Go sniffs the type as text.
    Responses.send(exchange, 200, Responses.TEXT, GoJson.response(answer));
  }

  /** Why a blob cannot be a signed blob of this key, or null when only the signature is left. */
  private @Nullable String structuralProblem(byte[] signedBlob) {
    try {
      SignedJson parsed = SignedJson.parse(signedBlob);
      if (!parsed.camliSigner().toString().equals(descriptor.publicKeyBlobRef())) {
        return "failed to find public key " + parsed.camliSigner();
      }
      return null;
    } catch (InvalidSignatureException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** The signed payload as Go decodes it into a map: keys sorted, numbers as float64. */
  private static @Nullable Object payload(byte[] signedBlob) {
    byte[] payload = SignedJson.parse(signedBlob).payload();
    byte[] json = Arrays.copyOf(payload, payload.length + 1);
    json[payload.length] = '}';
    try {
      return goValue(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalStateException("a verified payload is valid JSON", e);
    }
  }

  private static @Nullable Object goValue(JsonNode node) {
    if (node.isObject()) {
      SortedMap<String, @Nullable Object> map = new TreeMap<>(GoJson.KEY_ORDER);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), goValue(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      node.forEach(element -> list.add(goValue(element)));
      return list;
    }
    if (node.isNumber()) {
      double value = node.asDouble();
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  private static FormValues form(HttpExchange exchange) throws IOException {
    return FormValues.read(
        exchange.getRequestMethod(),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestBody(),
        exchange.getRequestURI().getRawQuery());
  }
}
