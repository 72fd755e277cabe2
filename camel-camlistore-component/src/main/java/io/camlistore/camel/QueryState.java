package io.camlistore.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.protocol.BlobRef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the query consumer keeps between polls and across restarts, as one compact JSON value (one
 * line, as Camel's file state repository stores it): the floor below which scans stop, the scan in
 * progress (its newest modification time and the continue token it resumes at), the changes
 * delivered that a later scan will meet again, and the permanodes whose delivery failed.
 *
 * @param floor scans stop at modification times below this (Unix nanoseconds), or null to read
 *     every match
 * @param top the newest modification time of the scan in progress, or null when none is
 * @param token the continue token the scan in progress resumes at, or null for its first page
 * @param delivered the changes delivered that scans may still meet
 * @param retries the permanodes to deliver again
 */
record QueryState(
    @Nullable Long floor,
    @Nullable Long top,
    @Nullable String token,
    List<QueryScan.Change> delivered,
    List<BlobRef> retries) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  /** The state of a consumer that has delivered nothing yet. */
  static final QueryState EMPTY = new QueryState(null, null, null, List.of(), List.of());

  /** {@return the state as one line of JSON} */
  String encode() {
    ObjectNode json = JSON.createObjectNode();
    json.put("version", VERSION);
    if (floor != null) {
      json.put("floor", floor);
    }
    if (top != null) {
      json.put("top", top);
    }
    if (token != null) {
      json.put("token", token);
    }
    ArrayNode changes = json.putArray("delivered");
    for (QueryScan.Change change : delivered) {
      changes.addObject().put("ref", change.ref().toString()).put("mod", change.modNanos());
    }
    ArrayNode failed = json.putArray("retries");
    retries.forEach(ref -> failed.add(ref.toString()));
    return json.toString();
  }

  /**
   * Reads a state written by {@link #encode()}.
   *
   * @param text the JSON, or null for a consumer that saved nothing yet
   * @param where what held it, for the error message
   * @return the state
   * @throws IllegalStateException if the text is not such a state
   */
  static QueryState decode(@Nullable String text, String where) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    try {
      JsonNode json = JSON.readTree(text);
      if (json.path("version").asInt() != VERSION) {
        throw new IllegalStateException(
            where + " holds no query consumer state of version " + VERSION + ": " + text);
      }
      List<QueryScan.Change> delivered = new ArrayList<>();
      for (JsonNode change : json.path("delivered")) {
        delivered.add(
            new QueryScan.Change(
                requireLong(change, "mod", where), requireRef(change.path("ref"), where)));
      }
      List<BlobRef> retries = new ArrayList<>();
      for (JsonNode ref : json.path("retries")) {
        retries.add(requireRef(ref, where));
      }
      return new QueryState(
          optionalLong(json, "floor", where),
          optionalLong(json, "top", where),
          json.hasNonNull("token") ? json.get("token").asText() : null,
          List.copyOf(delivered),
          List.copyOf(retries));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          where + " holds no query consumer state: " + e.getOriginalMessage(), e);
    }
  }

  private static @Nullable Long optionalLong(JsonNode json, String field, String where) {
    return json.hasNonNull(field) ? requireLong(json, field, where) : null;
  }

  private static long requireLong(JsonNode json, String field, String where) {
    JsonNode value = json.path(field);
    if (!value.canConvertToLong()) {
      throw new IllegalStateException(where + " has a malformed '" + field + "': " + value);
    }
    return value.asLong();
  }

  private static BlobRef requireRef(JsonNode value, String where) {
    BlobRef ref = BlobRef.parseOrNull(value.asText());
    if (ref == null) {
      throw new IllegalStateException(where + " has a malformed blob ref: " + value);
    }
    return ref;
  }
}
