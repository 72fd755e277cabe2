package io.camlistore.testkit.internal.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the constraints that search expressions and continue tokens stand for. */
final class Constraints {
  private Constraints() {}

  static Query.Constraint of(Query.PermanodeMatch permanode) {
    return new Query.Constraint(
        null, false, "", false, "", null, null, false, null, permanode, List.of());
  }

  static Query.Constraint blobRefPrefix(String prefix) {
    return new Query.Constraint(
        null, false, "", false, prefix, null, null, false, null, null, List.of());
  }

  static Query.Constraint file(Query.FileMatch file) {
    return new Query.Constraint(
        null, false, "", false, "", file, null, false, null, null, List.of());
  }

  /** A constraint the embedded server cannot evaluate, named by its JSON path. */
  static Query.Constraint unsupported(String path) {
    return new Query.Constraint(
        null, false, "", false, "", null, null, false, null, null, List.of(path));
  }

  static Query.Constraint logical(
      String op, Query.@Nullable Constraint a, Query.@Nullable Constraint b) {
    return new Query.Constraint(
        new Query.Logical(op, a, b),
        false,
        "",
        false,
        "",
        null,
        null,
        false,
        null,
        null,
        List.of());
  }

  static Query.PermanodeMatch permanode() {
    return new Query.PermanodeMatch(
        null, null, null, "", false, null, false, "", null, null, null, null, null);
  }

  static Query.PermanodeMatch skipHidden() {
    return new Query.PermanodeMatch(
        null, null, null, "", true, null, false, "", null, null, null, null, null);
  }

  static Query.PermanodeMatch withTime(Query.TimeRange time) {
    return new Query.PermanodeMatch(
        null, null, time, "", false, null, false, "", null, null, null, null, null);
  }

  /** Perkeep's {@code permWithAttr}: an exact value, or "the attribute is empty" for "". */
  static Query.Constraint withAttr(String attr, String value) {
    return of(
        new Query.PermanodeMatch(
            null,
            null,
            null,
            attr,
            true,
            null,
            false,
            value,
            value.isEmpty() ? contains("", false, true) : null,
            null,
            null,
            null,
            null));
  }

  static Query.Constraint withAttrMatching(
      String attr, Query.StringMatch match, boolean skipHidden) {
    return of(
        new Query.PermanodeMatch(
            null, null, null, attr, skipHidden, null, false, "", match, null, null, null, null));
  }

  static Query.Constraint withAttrValue(String attr, String value) {
    return of(
        new Query.PermanodeMatch(
            null, null, null, attr, false, null, false, value, null, null, null, null, null));
  }

  static Query.Constraint withAttrInSet(String attr, Query.Constraint set) {
    return of(
        new Query.PermanodeMatch(
            null, null, null, attr, false, null, false, "", null, null, null, set, null));
  }

  /** Perkeep's {@code permOfFile}: permanodes whose content is a matching file. */
  static Query.Constraint ofFile(Query.FileMatch file) {
    return withAttrInSet("camliContent", file(file));
  }

  static Query.StringMatch contains(String text, boolean caseInsensitive, boolean empty) {
    return new Query.StringMatch(empty, "", text, "", "", null, caseInsensitive);
  }

  static Query.StringMatch equalTo(String text) {
    return new Query.StringMatch(false, text, "", "", "", null, false);
  }

  static Query.StringMatch prefix(String text) {
    return new Query.StringMatch(false, "", "", text, "", null, false);
  }

  static Query.StringMatch suffix(String text) {
    return new Query.StringMatch(false, "", "", "", text, null, false);
  }

  static Query.FileMatch fileNamed(Query.StringMatch name) {
    return new Query.FileMatch(null, name, null, null, null, null, false);
  }

  static Query.FileMatch fileOfType(String mimeType) {
    return new Query.FileMatch(null, null, equalTo(mimeType), null, null, null, false);
  }

  static Query.FileMatch image() {
    return new Query.FileMatch(null, null, null, null, null, null, true);
  }
}
