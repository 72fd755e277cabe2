package io.camlistore.testkit.internal.search;

import io.camlistore.testkit.internal.index.Corpus;
import io.camlistore.testkit.internal.index.DirInfo;
import io.camlistore.testkit.internal.index.FileInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a blob matches a constraint, with Perkeep 0.11's semantics: a blob must match
 * every part set in a constraint, and a constraint with no part set matches nothing. Permanodes
 * deleted by a trusted delete claim match no permanode constraint.
 */
final class ConstraintMatcher {
  private final Corpus corpus;
  private final Clock clock;

  ConstraintMatcher(Corpus corpus, Clock clock) {
    this.corpus = corpus;
    this.clock = clock;
  }

  boolean matches(Query.Constraint c, String ref) {
    boolean any = false;
    Query.Logical logical = c.logical();
    if (logical != null) {
      any = true;
      if (!logical(logical, ref)) {
        return false;
      }
    }
    if (c.anything()) {
      any = true;
    }
    if (!c.camliType().isEmpty()) {
      any = true;
      if (!corpus.camliType(ref).equals(c.camliType())) {
        return false;
      }
    }
    if (c.anyCamliType()) {
      any = true;
      if (corpus.camliType(ref).isEmpty()) {
        return false;
      }
    }
    Query.PermanodeMatch permanode = c.permanode();
    if (permanode != null) {
      any = true;
      if (!permanode(permanode, ref)) {
        return false;
      }
    }
    Query.FileMatch file = c.file();
    if (file != null) {
      any = true;
      if (!file(file, ref)) {
        return false;
      }
    }
    Query.DirMatch dir = c.dir();
    if (dir != null) {
      any = true;
      if (!dir(dir, ref)) {
        return false;
      }
    }
    Query.IntRange blobSize = c.blobSize();
    if (blobSize != null) {
      any = true;
      Long size = corpus.size(ref);
      if (size == null || !blobSize.matches(size)) {
        return false;
      }
    }
    if (!c.blobRefPrefix().isEmpty()) {
      any = true;
      if (!ref.startsWith(c.blobRefPrefix())) {
        return false;
      }
    }
    return any;
  }

  private boolean logical(Query.Logical logical, String ref) {
    Query.Constraint a = logical.a();
    Query.Constraint b = logical.b();
    boolean av = a != null && matches(a, ref);
    switch (logical.op()) {
      case "not" -> {
        return !av;
      }
      case "and" -> {
        if (!av) {
          return false;
        }
      }
      case "or" -> {
        if (av) {
          return true;
        }
      }
      default -> {
        // xor needs both sides.
      }
    }
    boolean bv = b != null && matches(b, ref);
    return logical.op().equals("xor") ? av != bv : bv;
  }

  private boolean permanode(Query.PermanodeMatch p, String ref) {
    if (!corpus.camliType(ref).equals("permanode") || corpus.isDeleted(ref)) {
      return false;
    }
    if (!p.attr().isEmpty() && !values(p, corpus.attributeValues(ref, p.attr(), p.at()))) {
      return false;
    }
    if (p.skipHidden()
        && (corpus.attributeValue(ref, "camliDefVis").equals("hide")
            || corpus.attributeValue(ref, "camliNodeType").equals("foursquare.com:venue"))) {
      return false;
    }
    Query.TimeRange modTime = p.modTime();
    if (modTime != null && !timeMatches(modTime, corpus.modtime(ref))) {
      return false;
    }
    Query.TimeRange time = p.time();
    if (time != null && !timeMatches(time, corpus.anyTime(ref))) {
      return false;
    }
    Query.ContinuePosition after = p.continueAfter();
    if (after != null) {
      Instant at = after.byModtime() ? corpus.modtime(ref) : corpus.anyTime(ref);
      if (at == null
          || at.isAfter(after.time())
          || (at.equals(after.time()) && ref.compareTo(after.last()) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private boolean values(Query.PermanodeMatch p, List<String> values) {
    Query.IntRange count = p.numValue();
    if (count != null && !count.matches(values.size())) {
      return false;
    }
    if (!p.hasValueCondition()) {
      return true;
    }
    int matching = 0;
    for (String value : values) {
      if (value(p, value)) {
        matching++;
      }
    }
    return matching > 0 && (!p.valueAll() || matching == values.size());
  }

  private boolean value(Query.PermanodeMatch p, String value) {
    if (!p.value().isEmpty() && !p.value().equals(value)) {
      return false;
    }
    Query.StringMatch match = p.valueMatches();
    if (match != null && !stringMatches(match, value)) {
      return false;
    }
    Query.IntRange ints = p.valueMatchesInt();
    if (ints != null) {
      Long number = parseLong(value);
      if (number == null || !ints.matches(number)) {
        return false;
      }
    }
    Query.FloatRange floats = p.valueMatchesFloat();
    if (floats != null) {
      Double number = parseDouble(value);
      if (number == null || !floats.matches(number)) {
        return false;
      }
    }
    Query.Constraint set = p.valueInSet();
    if (set != null) {
      String ref = Refs.parse(value);
      return ref != null && corpus.size(ref) != null && matches(set, ref);
    }
    return true;
  }

  private boolean file(Query.FileMatch f, String ref) {
    FileInfo info = corpus.fileInfo(ref);
    if (info == null) {
      return false;
    }
    String mimeType = info.mimeType() == null ? "" : info.mimeType();
    Query.IntRange size = f.fileSize();
    Query.StringMatch name = f.fileName();
    Query.StringMatch type = f.mimeType();
    Query.TimeRange time = f.time();
    String wholeRef = f.wholeRef();
    return (size == null || size.matches(info.size()))
        && (!f.isImage() || mimeType.startsWith("image/"))
        && (name == null || stringMatches(name, info.fileName()))
        && (type == null || stringMatches(type, mimeType))
        && (time == null || timeMatches(time, info.time()))
        // The index never knows a file's modification time apart from its time.
        && f.modTime() == null
        && (wholeRef == null || wholeRef.equals(info.wholeRef()));
  }

  private boolean dir(Query.DirMatch d, String ref) {
    if (!corpus.camliType(ref).equals("directory") || !ref.startsWith(d.blobRefPrefix())) {
      return false;
    }
    DirInfo info = corpus.dirInfo(ref);
    if (info == null) {
      return false;
    }
    Query.StringMatch name = d.fileName();
    Query.IntRange count = d.topFileCount();
    return (name == null || stringMatches(name, info.fileName()))
        && (count == null || count.matches(info.children().size()));
  }

  /** Perkeep's {@code StringConstraint.stringMatches}. */
  static boolean stringMatches(Query.StringMatch c, String s) {
    if (c.empty() && !s.isEmpty()) {
      return false;
    }
    Query.IntRange length = c.byteLength();
    if (length != null && !length.matches(s.getBytes(StandardCharsets.UTF_8).length)) {
      return false;
    }
    boolean fold = c.caseInsensitive();
    String subject = fold ? s.toLowerCase(Locale.ROOT) : s;
    return (c.equals().isEmpty() || (fold ? s.equalsIgnoreCase(c.equals()) : s.equals(c.equals())))
        && (c.contains().isEmpty() || subject.contains(folded(c.contains(), fold)))
        && (c.hasPrefix().isEmpty() || subject.startsWith(folded(c.hasPrefix(), fold)))
        && (c.hasSuffix().isEmpty() || subject.endsWith(folded(c.hasSuffix(), fold)));
  }

  private static String folded(String text, boolean fold) {
    return fold ? text.toLowerCase(Locale.ROOT) : text;
  }

  /** Perkeep's {@code TimeConstraint.timeMatches}: an unknown time never matches. */
  private boolean timeMatches(Query.TimeRange c, @Nullable Instant t) {
    if (t == null) {
      return false;
    }
    Instant before = c.before();
    if (before != null && !t.isBefore(before)) {
      return false;
    }
    Instant after = c.after();
    if (after == null && c.inLastNanos() > 0) {
      after = clock.instant().minusNanos(c.inLastNanos());
    }
    return after == null || !t.isBefore(after);
  }

  private static @Nullable Long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Double parseDouble(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
