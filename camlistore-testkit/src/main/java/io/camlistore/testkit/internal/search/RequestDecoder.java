package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.search.SearchSort;
import io.camlistore.testkit.internal.GoText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the JSON bodies of {@code describe} and {@code query} into Perkeep's request model, as
 * Go's {@code encoding/json} would into Perkeep's structs (same accepted input, same errors).
 */
final class RequestDecoder {
  private RequestDecoder() {}

  /**
   * Decodes a describe request body.
   *
   * @param body the body
   * @return the request
   * @throws GoJsonException as Go would fail
   */
  static Query.DescribeSpec describe(String body) throws GoJsonException {
    return describe(GoStruct.top(GoJsonParser.decodeFirst(body), "search.DescribeRequest"));
  }

  /**
   * Decodes a query body.
   *
   * @param body the body
   * @return the query
   * @throws GoJsonException as Go would fail
   */
  static Query query(String body) throws GoJsonException {
    GoStruct q = GoStruct.top(GoJsonParser.decodeFirst(body), "search.SearchQuery");
    GoStruct constraint = q.struct("constraint", "search.Constraint");
    GoValue sortValue = q.raw("sort");
    SearchSort sort = null;
    if (sortValue != null) {
      SearchSort named = sortNamed(sortValue.raw());
      if (named == null) {
        throw new GoJsonException("Bogus search sort type " + GoText.quote(sortValue.raw()));
      }
      sort = named;
    }
    GoStruct describe = q.struct("describe", "search.DescribeRequest");
    return new Query(
        constraint == null ? null : constraint(constraint),
        q.string("expression"),
        q.integer("limit"),
        sort,
        q.blobRef("around"),
        q.string("continue"),
        describe == null ? null : describe(describe));
  }

  /** The order a JSON value's source text names, as Perkeep's {@code SortType} reads it. */
  private static @Nullable SearchSort sortNamed(String raw) {
    boolean plainString = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
    return plainString ? SearchSort.fromWireName(raw.substring(1, raw.length() - 1)) : null;
  }

  private static Query.DescribeSpec describe(GoStruct d) throws GoJsonException {
    return new Query.DescribeSpec(
        d.blobRef("blobref"),
        d.blobRefs("blobrefs"),
        d.integer("depth"),
        d.integer("maxDirChildren"),
        d.time("at"),
        rules(d));
  }

  private static List<Query.DescribeRule> rules(GoStruct parent) throws GoJsonException {
    List<Query.DescribeRule> rules = new ArrayList<>();
    for (GoStruct rule : parent.structs("rules", "search.DescribeRule")) {
      rules.add(
          new Query.DescribeRule(
              rule.bool("ifResultRoot"),
              rule.string("ifCamliNodeType"),
              rule.strings("attrs"),
              rules(rule)));
    }
    return rules;
  }

  private static Query.Constraint constraint(GoStruct c) throws GoJsonException {
    List<String> unsupported = new ArrayList<>();
    GoStruct logical = c.struct("logical", "search.LogicalConstraint");
    GoStruct file = c.struct("file", "search.FileConstraint");
    GoStruct dir = c.struct("dir", "search.DirConstraint");
    GoStruct permanode = c.struct("permanode", "search.PermanodeConstraint");
    return new Query.Constraint(
        logical == null ? null : logical(logical),
        c.bool("anything"),
        c.string("camliType"),
        c.bool("anyCamliType"),
        c.string("blobRefPrefix"),
        file == null ? null : file(file, unsupported),
        dir == null ? null : dir(dir, unsupported),
        c.struct("claim", "search.ClaimConstraint") != null,
        intRange(c.struct("blobSize", "search.IntConstraint")),
        permanode == null ? null : permanode(permanode, unsupported),
        unsupported);
  }

  private static Query.Logical logical(GoStruct l) throws GoJsonException {
    GoStruct a = l.struct("a", "search.Constraint");
    GoStruct b = l.struct("b", "search.Constraint");
    return new Query.Logical(
        l.string("op"), a == null ? null : constraint(a), b == null ? null : constraint(b));
  }

  private static Query.PermanodeMatch permanode(GoStruct p, List<String> unsupported)
      throws GoJsonException {
    unsupportedIfSet(p, "permanode", List.of("relation", "location"), unsupported);
    GoStruct valueInSet = p.struct("valueInSet", "search.Constraint");
    return new Query.PermanodeMatch(
        p.time("at"),
        timeRange(p.struct("modTime", "search.TimeConstraint")),
        timeRange(p.struct("time", "search.TimeConstraint")),
        p.string("attr"),
        p.bool("skipHidden"),
        intRange(p.struct("numValue", "search.IntConstraint")),
        p.bool("valueAllMatch"),
        p.string("value"),
        stringMatch(p.struct("valueMatches", "search.StringConstraint")),
        intRange(p.struct("valueMatchesInt", "search.IntConstraint")),
        floatRange(p.struct("valueMatchesFloat", "search.FloatConstraint")),
        valueInSet == null ? null : constraint(valueInSet),
        null);
  }

  private static Query.FileMatch file(GoStruct f, List<String> unsupported) throws GoJsonException {
    unsupportedIfSet(
        f,
        "file",
        List.of("parentDir", "width", "height", "widthHeightRation", "location", "mediaTag"),
        unsupported);
    return new Query.FileMatch(
        intRange(f.struct("fileSize", "search.IntConstraint")),
        stringMatch(f.struct("fileName", "search.StringConstraint")),
        stringMatch(f.struct("mimeType", "search.StringConstraint")),
        timeRange(f.struct("time", "search.TimeConstraint")),
        timeRange(f.struct("modTime", "search.TimeConstraint")),
        f.blobRef("wholeRef"),
        f.bool("isImage"));
  }

  private static Query.DirMatch dir(GoStruct d, List<String> unsupported) throws GoJsonException {
    unsupportedIfSet(d, "dir", List.of("parentDir", "contains", "recursiveContains"), unsupported);
    return new Query.DirMatch(
        stringMatch(d.struct("fileName", "search.StringConstraint")),
        d.string("blobRefPrefix"),
        intRange(d.struct("topFileCount", "search.IntConstraint")),
        d.isSet("contains") && d.isSet("recursiveContains"));
  }

  private static void unsupportedIfSet(
      GoStruct s, String path, List<String> fields, List<String> unsupported) {
    for (String field : fields) {
      if (s.isSet(field)) {
        unsupported.add(path + "." + field);
      }
    }
  }

  private static Query.@Nullable StringMatch stringMatch(@Nullable GoStruct s)
      throws GoJsonException {
    if (s == null) {
      return null;
    }
    return new Query.StringMatch(
        s.bool("empty"),
        s.string("equals"),
        s.string("contains"),
        s.string("hasPrefix"),
        s.string("hasSuffix"),
        intRange(s.struct("byteLength", "search.IntConstraint")),
        s.bool("caseInsensitive"));
  }

  private static Query.@Nullable IntRange intRange(@Nullable GoStruct i) throws GoJsonException {
    if (i == null) {
      return null;
    }
    return new Query.IntRange(
        i.integer("min"), i.integer("max"), i.bool("zeroMin"), i.bool("zeroMax"));
  }

  private static Query.@Nullable FloatRange floatRange(@Nullable GoStruct f)
      throws GoJsonException {
    if (f == null) {
      return null;
    }
    return new Query.FloatRange(
        f.float64("min"), f.float64("max"), f.bool("zeroMin"), f.bool("zeroMax"));
  }

  private static Query.@Nullable TimeRange timeRange(@Nullable GoStruct t) throws GoJsonException {
    if (t == null) {
      return null;
    }
    return new Query.TimeRange(t.time("before"), t.time("after"), t.integer("inLast"));
  }
}
