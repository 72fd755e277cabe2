package io.camlistore.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.client.internal.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition a search matches blobs against ({@link SearchQuery}). Build one with the static
 * factories and combine them with {@link #and(Constraint)}, {@link #or(Constraint)} and {@link
 * #not(Constraint)}. Arguments are checked here, so a constraint the server would reject or treat
 * as "no condition" fails early with a message naming the field. Immutable.
 *
 * <pre>{@code
 * Constraint photosOfAlice = Constraint.attributeEquals("tag", "alice")
 *     .and(Constraint.attributeMatches("title", StringMatch.contains("beach").ignoringCase()));
 * }</pre>
 */
public final class Constraint {
  private final ObjectNode json;

  private Constraint(ObjectNode json) {
    this.json = json;
  }

  private static Constraint single(String field, ObjectNode value) {
    ObjectNode json = Json.object();
    json.set(field, value);
    return new Constraint(json);
  }

  private static String requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          field + " must not be empty (the server treats an empty " + field + " as no condition)");
    }
    return value;
  }

  /**
   * {@return a match of permanodes whose attribute has the value (one of its values, for
   * multi-valued attributes such as {@code tag})}
   *
   * @param attr the attribute, e.g. {@code title}
   * @param value the exact value
   * @throws IllegalArgumentException if the attribute or value is empty
   */
  public static Constraint attributeEquals(String attr, String value) {
    ObjectNode permanode = Json.object();
    permanode.put("attr", requireText(attr, "permanode.attr"));
    permanode.put("value", requireText(value, "permanode.value"));
    return single("permanode", permanode);
  }

  /**
   * {@return a match of permanodes with a value of the attribute that satisfies the condition}
   *
   * @param attr the attribute, e.g. {@code title}
   * @param match the condition on the value
   * @throws IllegalArgumentException if the attribute is empty
   */
  public static Constraint attributeMatches(String attr, StringMatch match) {
    Objects.requireNonNull(match, "permanode.valueMatches");
    ObjectNode permanode = Json.object();
    permanode.put("attr", requireText(attr, "permanode.attr"));
    permanode.set("valueMatches", match.toJson());
    return single("permanode", permanode);
  }

  /**
   * {@return a match of permanodes that have at least one value for the attribute}
   *
   * @param attr the attribute, e.g. {@code camliContent}
   * @throws IllegalArgumentException if the attribute is empty
   */
  public static Constraint hasAttribute(String attr) {
    ObjectNode permanode = Json.object();
    permanode.put("attr", requireText(attr, "permanode.attr"));
    ObjectNode count = Json.object();
    count.put("min", 1);
    permanode.set("numValue", count);
    return single("permanode", permanode);
  }

  /**
   * {@return a match of schema blobs of one type}
   *
   * @param camliType e.g. {@code permanode}, {@code file}, {@code directory}
   * @throws IllegalArgumentException if the type is empty
   */
  public static Constraint camliType(String camliType) {
    ObjectNode json = Json.object();
    json.put("camliType", requireText(camliType, "camliType"));
    return new Constraint(json);
  }

  /** {@return a match of every schema blob (any {@code camliType})} */
  public static Constraint anyCamliType() {
    ObjectNode json = Json.object();
    json.put("anyCamliType", true);
    return new Constraint(json);
  }

  /** {@return a match of every blob} */
  public static Constraint anything() {
    ObjectNode json = Json.object();
    json.put("anything", true);
    return new Constraint(json);
  }

  /**
   * {@return a match of blobs whose ref starts with the prefix (a whole ref matches one blob)}
   *
   * @param prefix e.g. {@code sha224-a38}
   * @throws IllegalArgumentException if the prefix is empty or contains characters no blobref has
   */
  public static Constraint blobRefPrefix(String prefix) {
    requireText(prefix, "blobRefPrefix");
    if (!prefix.matches("[a-z0-9]+(-[0-9a-f]*)?")) {
      throw new IllegalArgumentException(
          "blobRefPrefix must be the start of a blobref such as 'sha224-a38': '" + prefix + "'");
    }
    ObjectNode json = Json.object();
    json.put("blobRefPrefix", prefix);
    return new Constraint(json);
  }

  /**
   * {@return a match of file schema blobs whose file name satisfies the condition}
   *
   * @param match the condition on the name
   */
  public static Constraint fileName(StringMatch match) {
    Objects.requireNonNull(match, "file.fileName");
    ObjectNode file = Json.object();
    file.set("fileName", match.toJson());
    return single("file", file);
  }

  /**
   * {@return a match of file schema blobs whose detected MIME type satisfies the condition}
   *
   * @param match the condition on the type, e.g. {@code StringMatch.startsWith("image/")}
   */
  public static Constraint mimeType(StringMatch match) {
    Objects.requireNonNull(match, "file.mimeType");
    ObjectNode file = Json.object();
    file.set("mimeType", match.toJson());
    return single("file", file);
  }

  /**
   * {@return a match of blobs that do not match the constraint}
   *
   * @param constraint the constraint to negate
   */
  public static Constraint not(Constraint constraint) {
    Objects.requireNonNull(constraint, "logical.a");
    ObjectNode logical = Json.object();
    logical.put("op", "not");
    logical.set("a", constraint.toJson());
    return single("logical", logical);
  }

  /**
   * {@return a match of blobs matching both this and the other constraint}
   *
   * @param other the other constraint
   */
  public Constraint and(Constraint other) {
    return logical("and", other);
  }

  /**
   * {@return a match of blobs matching this or the other constraint, or both}
   *
   * @param other the other constraint
   */
  public Constraint or(Constraint other) {
    return logical("or", other);
  }

  private Constraint logical(String op, Constraint other) {
    Objects.requireNonNull(other, "logical.b");
    ObjectNode logical = Json.object();
    logical.put("op", op);
    logical.set("a", toJson());
    logical.set("b", other.toJson());
    return single("logical", logical);
  }

  /** Returns a copy of the server JSON, so this constraint stays immutable. */
  ObjectNode toJson() {
    return json.deepCopy();
  }

  /** Constraints are equal when they send the same JSON. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Constraint that && that.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** {@return the constraint as the server's JSON} */
  @Override
  public String toString() {
    return json.toString();
  }
}
