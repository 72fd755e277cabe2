package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.GoText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a Go struct out of a decoded JSON object with the semantics and errors of
 * Go's {@code encoding/json}: unknown members are ignored, {@code null} leaves a field at its zero
 * value, a value of the wrong kind is an {@code UnmarshalTypeError}, and Perkeep's own types
 * ({@code blob.Ref}, {@code types.Time3339}) fail with their own messages.
 */
final class GoStruct {
  private final GoValue object;
  private final String structName;

  private GoStruct(GoValue object, String structName) {
    this.object = object;
    this.structName = structName;
  }

  /**
   * Starts reading a top-level value into a struct.
   *
   * @param value the decoded value
   * @param goType the Go type, e.g. {@code search.SearchQuery}
   * @return the struct reader
   * @throws GoJsonException if the value is not an object
   */
  static GoStruct top(GoValue value, String goType) throws GoJsonException {
    if (value.kind() != GoValue.Kind.OBJECT) {
      throw new GoJsonException(
          "json: cannot unmarshal " + value.kind().goName() + " into Go value of type " + goType);
    }
    return new GoStruct(value, goType.substring(goType.indexOf('.') + 1));
  }

  /**
   * Reads a pointer-to-struct field (or an element of a slice of them).
   *
   * @param field the JSON field name
   * @param goType the field's struct type, e.g. {@code search.Constraint}
   * @return the nested reader, or null when the field is absent or null
   * @throws GoJsonException if the value is not an object
   */
  @Nullable GoStruct struct(String field, String goType) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return nested(value, field, goType);
  }

  private GoStruct nested(GoValue value, String field, String goType) throws GoJsonException {
    if (value.kind() != GoValue.Kind.OBJECT) {
      throw typeError(value.kind().goName(), field, goType);
    }
    return new GoStruct(value, goType.substring(goType.indexOf('.') + 1));
  }

  /**
   * Reads a slice-of-pointer-to-struct field.
   *
   * @param field the JSON field name
   * @param goType the element type, e.g. {@code search.DescribeRule}
   * @return the element readers (null elements skipped); empty when absent or null
   * @throws GoJsonException if the value is not an array of objects
   */
  List<GoStruct> structs(String field, String goType) throws GoJsonException {
    List<GoValue> elements = array(field, "[]*" + goType);
    ArrayList<GoStruct> out = new ArrayList<>();
    for (GoValue element : elements) {
      if (!element.isNull()) {
        out.add(nested(element, field, goType));
      }
    }
    return out;
  }

  /**
   * Reads a string field.
   *
   * @param field the JSON field name
   * @return its value; empty when absent or null
   * @throws GoJsonException if the value is not a string
   */
  String string(String field) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.kind() != GoValue.Kind.STRING) {
      throw typeError(value.kind().goName(), field, "string");
    }
    return value.text() == null ? "" : value.text();
  }

  /**
   * Reads a string slice field.
   *
   * @param field the JSON field name
   * @return its values; empty when absent or null
   * @throws GoJsonException if the value is not an array of strings
   */
  List<String> strings(String field) throws GoJsonException {
    ArrayList<String> out = new ArrayList<>();
    for (GoValue element : array(field, "[]string")) {
      if (element.isNull()) {
        out.add("");
      } else if (element.kind() != GoValue.Kind.STRING || element.text() == null) {
        throw typeError(element.kind().goName(), field, "string");
      } else {
        out.add(element.text());
      }
    }
    return out;
  }

  /**
   * Reads an integer field ({@code int} or {@code int64}).
   *
   * @param field the JSON field name
   * @return its value; 0 when absent or null
   * @throws GoJsonException if the value is not an integral number that fits
   */
  long integer(String field) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (value.kind() != GoValue.Kind.NUMBER) {
      throw typeError(value.kind().goName(), field, "int");
    }
    try {
      return Long.parseLong(value.raw());
    } catch (NumberFormatException e) {
      throw typeError("number " + value.raw(), field, "int");
    }
  }

  /**
   * Reads a {@code float64} field.
   *
   * @param field the JSON field name
   * @return its value; 0 when absent or null
   * @throws GoJsonException if the value is not a number
   */
  double float64(String field) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (value.kind() != GoValue.Kind.NUMBER) {
      throw typeError(value.kind().goName(), field, "float64");
    }
    return Double.parseDouble(value.raw());
  }

  /**
   * Reads a boolean field.
   *
   * @param field the JSON field name
   * @return its value; false when absent or null
   * @throws GoJsonException if the value is not a boolean
   */
  boolean bool(String field) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.kind() != GoValue.Kind.BOOL) {
      throw typeError(value.kind().goName(), field, "bool");
    }
    return value.raw().equals("true");
  }

  /**
   * Tells whether a field is present and not null (a Go pointer field that would be set).
   *
   * @param field the JSON field name
   * @return true if set
   */
  boolean isSet(String field) {
    GoValue value = object.member(field);
    return value != null && !value.isNull();
  }

  /**
   * Reads the source text of a field, for Go types with their own decoding.
   *
   * @param field the JSON field name
   * @return the value, or null when absent
   */
  @Nullable GoValue raw(String field) {
    return object.member(field);
  }

  /**
   * Reads a {@code blob.Ref} field.
   *
   * @param field the JSON field name
   * @return the ref, or null when absent or null
   * @throws GoJsonException with {@code blob.Ref}'s own message for a non-string or bad ref
   */
  @Nullable String blobRef(String field) throws GoJsonException {
    GoValue value = object.member(field);
    return value == null ? null : blobRef(value);
  }

  /**
   * Reads a {@code []blob.Ref} field.
   *
   * @param field the JSON field name
   * @return the refs (null elements skipped); empty when absent or null
   * @throws GoJsonException for a non-array or a bad ref
   */
  List<String> blobRefs(String field) throws GoJsonException {
    ArrayList<String> out = new ArrayList<>();
    for (GoValue element : array(field, "[]blob.Ref")) {
      String ref = blobRef(element);
      if (ref != null) {
        out.add(ref);
      }
    }
    return out;
  }

  private static @Nullable String blobRef(GoValue value) throws GoJsonException {
    if (value.isNull()) {
      return null;
    }
    if (value.kind() != GoValue.Kind.STRING || value.text() == null) {
      throw new GoJsonException(
          "blob: expecting a JSON string to unmarshal, got " + GoText.quote(value.raw()));
    }
    String text = value.text();
    if (BlobRef.parseOrNull(text) == null) {
      throw new GoJsonException(
          "blobref: invalid blobref " + GoText.quote(text) + " (" + utf8Length(text) + ")");
    }
    return text;
  }

  /**
   * Reads a {@code types.Time3339} field.
   *
   * @param field the JSON field name
   * @return the time, or null when absent, null or empty
   * @throws GoJsonException for a non-string or a text that is not an RFC 3339 time
   */
  @Nullable Instant time(String field) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.raw().startsWith("n")) {
      return null;
    }
    if (value.kind() != GoValue.Kind.STRING || value.text() == null) {
      throw new GoJsonException(
          "types: failed to unmarshal non-string value "
              + GoText.quote(value.raw())
              + " as an RFC 3339 time");
    }
    String text = value.text();
    if (text.isEmpty() || text.startsWith("0000-00-00T00:00:00")) {
      return null;
    }
    Instant time = Rfc3339.parse(text);
    if (time == null) {
      throw new GoJsonException(
          "parsing time "
              + GoText.quote(text)
              + " as \"2006-01-02T15:04:05.999999999Z07:00\": cannot parse "
              + GoText.quote(text)
              + " as \"2006\"");
    }
    return time;
  }

  private List<GoValue> array(String field, String goType) throws GoJsonException {
    GoValue value = object.member(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.kind() != GoValue.Kind.ARRAY) {
      throw typeError(value.kind().goName(), field, goType);
    }
    return value.elements();
  }

  private GoJsonException typeError(String what, String field, String goType) {
    return new GoJsonException(
        "json: cannot unmarshal "
            + what
            + " into Go struct field "
            + structName
            + "."
            + field
            + " of type "
            + goType);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
