package io.camlistore.testkit.internal.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value as Go's decoder hands it to a Go type: its kind, its source text (which custom
 * unmarshalers such as {@code blob.Ref} receive) and its content.
 *
 * @param kind what kind of value
 * @param raw the value's source text
 * @param text the decoded string, for a string
 * @param members the members in document order, for an object
 * @param elements the elements, for an array
 */
record GoValue(
    GoValue.Kind kind,
    String raw,
    @Nullable String text,
    List<Map.Entry<String, GoValue>> members,
    List<GoValue> elements) {
  /** JSON value kinds, named as Go's type errors name them. */
  enum Kind {
    OBJECT("object"),
    ARRAY("array"),
    STRING("string"),
    NUMBER("number"),
    BOOL("bool"),
    NULL("null");

    private final String goName;

    Kind(String goName) {
      this.goName = goName;
    }

    /** {@return the name Go's {@code UnmarshalTypeError} uses} */
    String goName() {
      return goName;
    }
  }

  /** Copies the lists. */
  GoValue {
    members = List.copyOf(members);
    elements = List.copyOf(elements);
  }

  /** {@return whether this is JSON {@code null}} */
  boolean isNull() {
    return kind == Kind.NULL;
  }

  /**
   * Finds an object member as Go matches struct fields: the exact name, else a case-insensitive
   * match; when a name repeats, the last one wins.
   *
   * @param name the field's JSON name
   * @return the member's value, or null when absent
   */
  @Nullable GoValue member(String name) {
    GoValue exact = null;
    GoValue folded = null;
    for (Map.Entry<String, GoValue> member : members) {
      if (member.getKey().equals(name)) {
        exact = member.getValue();
      } else if (member.getKey().equalsIgnoreCase(name)) {
        folded = member.getValue();
      }
    }
    return exact != null ? exact : folded;
  }
}
