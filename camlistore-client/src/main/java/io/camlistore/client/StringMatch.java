package io.camlistore.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.client.internal.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition on a text value in a search {@link Constraint} (the server's string constraint):
 * equality, containment, prefix, suffix or emptiness, optionally ignoring case. Immutable.
 *
 * <pre>{@code
 * Constraint.fileName(StringMatch.endsWith(".jpg").ignoringCase())
 * }</pre>
 */
public final class StringMatch {
  private final String field;
  private final @Nullable String text;
  private final boolean caseInsensitive;

  private StringMatch(String field, @Nullable String text, boolean caseInsensitive) {
    this.field = field;
    this.text = text;
    this.caseInsensitive = caseInsensitive;
  }

  private static StringMatch of(String factory, String field, String text) {
    Objects.requireNonNull(text, factory);
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "StringMatch."
              + factory
              + ": the text must not be empty (the server ignores an empty '"
              + field
              + "'); use StringMatch.empty() to match empty values");
    }
    return new StringMatch(field, text, false);
  }

  /**
   * {@return a match of values equal to the text}
   *
   * @param text a non-empty text
   * @throws IllegalArgumentException if the text is empty
   */
  public static StringMatch equalTo(String text) {
    return of("equalTo", "equals", text);
  }

  /**
   * {@return a match of values containing the text}
   *
   * @param text a non-empty text
   * @throws IllegalArgumentException if the text is empty
   */
  public static StringMatch contains(String text) {
    return of("contains", "contains", text);
  }

  /**
   * {@return a match of values starting with the text}
   *
   * @param text a non-empty prefix
   * @throws IllegalArgumentException if the text is empty
   */
  public static StringMatch startsWith(String text) {
    return of("startsWith", "hasPrefix", text);
  }

  /**
   * {@return a match of values ending with the text}
   *
   * @param text a non-empty suffix
   * @throws IllegalArgumentException if the text is empty
   */
  public static StringMatch endsWith(String text) {
    return of("endsWith", "hasSuffix", text);
  }

  /** {@return a match of empty values only} */
  public static StringMatch empty() {
    return new StringMatch("empty", null, false);
  }

  /** {@return the same match, comparing without regard to case} */
  public StringMatch ignoringCase() {
    return new StringMatch(field, text, true);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    if (text == null) {
      json.put(field, true);
    } else {
      json.put(field, text);
    }
    if (caseInsensitive) {
      json.put("caseInsensitive", true);
    }
    return json;
  }

  /** {@return the condition as the server's JSON} */
  @Override
  public String toString() {
    return toJson().toString();
  }
}
