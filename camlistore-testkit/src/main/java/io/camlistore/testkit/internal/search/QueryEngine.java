package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.search.SearchSort;
import io.camlistore.testkit.internal.GoText;
import io.camlistore.testkit.internal.SizedRef;
import io.camlistore.testkit.internal.index.Corpus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a search query as Perkeep 0.11's {@code Handler.Query} does: validates it, picks the
 * candidate blobs (permanodes newest first for the {@code -created} and {@code -mod} orders of a
 * permanode query, else every blob or every schema blob of a type, by ref), keeps the matches up to
 * the limit, sorts them, makes a continue token and describes them.
 */
final class QueryEngine {
  private static final int DEFAULT_LIMIT = 200;

  private final Corpus corpus;
  private final ConstraintMatcher matcher;

  QueryEngine(Corpus corpus, Clock clock) {
    this.corpus = corpus;
    this.matcher = new ConstraintMatcher(corpus, clock);
  }

  /**
   * Runs a query.
   *
   * @param query the decoded query
   * @return the response: {@code blobs}, {@code description}, {@code LocationArea} and {@code
   *     continue}, as Perkeep writes them
   * @throws SearchException for an invalid query, an unsupported order, or a part of the query the
   *     embedded server cannot evaluate
   */
  Map<String, @Nullable Object> run(Query query) throws SearchException {
    Query.Constraint constraint = validConstraint(query);
    List<String> unsupported = new ArrayList<>();
    collectUnsupported(constraint, unsupported);
    if (query.around() != null) {
      unsupported.add("around");
    }
    if (!unsupported.isEmpty()) {
      throw new SearchException(
          "Not supported by the embedded Camlistore server: " + String.join(", ", unsupported));
    }
    boolean permanodesOnly = onlyMatchesPermanode(constraint);
    SearchSort sort = query.sort();
    if (sort == null && permanodesOnly) {
      sort = SearchSort.CREATED_DESC;
    }
    long limit = query.limit() == 0 ? DEFAULT_LIMIT : query.limit();
    boolean byModtime = sort == SearchSort.LAST_MODIFIED_DESC;
    boolean scrollable = permanodesOnly && (byModtime || sort == SearchSort.CREATED_DESC);
    if (scrollable && !query.continueToken().isEmpty()) {
      constraint = continueAfter(constraint, query.continueToken(), byModtime);
    }

    boolean sorted = scrollable;
    List<String> candidates =
        scrollable ? permanodesNewestFirst(byModtime) : candidates(constraint);
    List<String> results = new ArrayList<>();
    for (String ref : candidates) {
      if (matcher.matches(constraint, ref)) {
        results.add(ref);
        if (sorted && limit > 0 && sort != SearchSort.MAP && results.size() == limit) {
          break;
        }
      }
    }
    if (!sorted) {
      sort(results, sort, permanodesOnly);
      if (sort != SearchSort.MAP && limit > 0 && results.size() > limit) {
        results = new ArrayList<>(results.subList(0, (int) limit));
      }
    }

    Map<String, @Nullable Object> response = new LinkedHashMap<>();
    List<Map<String, Object>> blobs = new ArrayList<>();
    results.forEach(ref -> blobs.add(Map.of("blob", ref)));
    response.put("blobs", blobs.isEmpty() ? null : blobs);
    Query.DescribeSpec describe = query.describe();
    response.put(
        "description",
        describe == null
            ? null
            : Map.of("meta", Describer.describe(corpus, describe.forBlobs(results))));
    response.put("LocationArea", null);
    if (scrollable && limit > 0 && results.size() == limit) {
      String last = results.get(results.size() - 1);
      Instant time = byModtime ? corpus.modtime(last) : corpus.anyTime(last);
      if (time != null) {
        response.put("continue", "pn:" + unixNanos(time) + ":" + last);
      }
    }
    return response;
  }

  /** Checks the query as Perkeep's {@code checkValid} does and returns what it matches. */
  private static Query.Constraint validConstraint(Query query) throws SearchException {
    if (!query.continueToken().isEmpty() && query.around() != null) {
      throw invalid("Continue and Around parameters are mutually exclusive");
    }
    if (query.sort() == SearchSort.MAP
        && (!query.continueToken().isEmpty() || query.around() != null)) {
      throw invalid("Continue or Around parameters are not available with MapSort");
    }
    Query.Constraint constraint = query.constraint();
    if (constraint != null && !query.expression().isEmpty()) {
      throw invalid("Constraint and Expression are mutually exclusive in a search query");
    }
    if (constraint != null) {
      String problem = problem(constraint);
      if (problem != null) {
        throw invalid(problem);
      }
      return constraint;
    }
    Query.Constraint parsed;
    try {
      parsed = ExpressionParser.parse(query.expression());
    } catch (SearchException e) {
      throw invalid(
          "Error parsing search expression "
              + GoText.quote(query.expression())
              + ": "
              + e.getMessage());
    }
    String problem = problem(parsed);
    if (problem != null) {
      throw invalid(
          "Internal error: parseExpression("
              + GoText.quote(query.expression())
              + ") returned invalid constraint: "
              + problem);
    }
    return parsed;
  }

  private static SearchException invalid(String message) {
    return new SearchException("Invalid SearchQuery: " + message);
  }

  /** Perkeep's {@code Constraint.checkValid}: the first problem, or null. */
  private static @Nullable String problem(Query.Constraint c) {
    if (c.claim()) {
      return "TODO: implement ClaimConstraint";
    }
    Query.Logical logical = c.logical();
    if (logical != null) {
      Query.Constraint a = logical.a();
      if (a == null) {
        return "In LogicalConstraint, need to set A";
      }
      String inA = problem(a);
      if (inA != null) {
        return inA;
      }
      switch (logical.op()) {
        case "and", "xor", "or" -> {
          Query.Constraint b = logical.b();
          if (b == null) {
            return "In LogicalConstraint, need both A and B set";
          }
          String inB = problem(b);
          if (inB != null) {
            return inB;
          }
        }
        case "not" -> {
          // Only A.
        }
        default -> {
          return "In LogicalConstraint, unknown operation " + GoText.quote(logical.op());
        }
      }
    }
    Query.DirMatch dir = c.dir();
    if (dir != null && dir.containsAndRecursiveContains()) {
      return "Contains and RecursiveContains in a DirConstraint are mutually exclusive";
    }
    String inSize = problem(c.blobSize());
    if (inSize != null) {
      return inSize;
    }
    Query.PermanodeMatch p = c.permanode();
    if (p != null && !p.attr().isEmpty()) {
      Query.IntRange count = p.numValue();
      if (count == null && !p.hasValueCondition()) {
        return "PermanodeConstraint with Attr requires also setting NumValue or a"
            + " value-matching constraint";
      }
      if (count != null) {
        if (count.zeroMin()) {
          return "NumValue with ZeroMin makes no sense; matches everything";
        }
        if (count.zeroMax() && p.hasValueCondition()) {
          return "NumValue with ZeroMax makes no sense in conjunction with a value-matching"
              + " constraint; matches nothing";
        }
        if (count.min() < 0 || count.max() < 0) {
          return "NumValue with negative Min or Max makes no sense";
        }
      }
    }
    return null;
  }

  private static @Nullable String problem(Query.@Nullable IntRange range) {
    if (range == null) {
      return null;
    }
    if (range.zeroMin() && range.min() != 0) {
      return "in IntConstraint, can't set both ZeroMin and Min";
    }
    if (range.zeroMax() && range.max() != 0) {
      return "in IntConstraint, can't set both ZeroMax and Max";
    }
    if (range.hasMax() && range.hasMin() && range.min() > range.max()) {
      return "in IntConstraint, min is greater than max";
    }
    return null;
  }

  private static void collectUnsupported(Query.@Nullable Constraint c, List<String> into) {
    if (c == null) {
      return;
    }
    into.addAll(c.unsupported());
    Query.Logical logical = c.logical();
    if (logical != null) {
      collectUnsupported(logical.a(), into);
      collectUnsupported(logical.b(), into);
    }
    Query.PermanodeMatch permanode = c.permanode();
    if (permanode != null) {
      collectUnsupported(permanode.valueInSet(), into);
    }
  }

  /** Perkeep's {@code onlyMatchesPermanode}. */
  private static boolean onlyMatchesPermanode(Query.@Nullable Constraint c) {
    if (c == null) {
      return false;
    }
    if (c.permanode() != null || c.camliType().equals("permanode")) {
      return true;
    }
    Query.Logical logical = c.logical();
    return logical != null
        && logical.op().equals("and")
        && (onlyMatchesPermanode(logical.a()) || onlyMatchesPermanode(logical.b()));
  }

  /** Adds the position of a {@code pn:<nanos>:<ref>} token; an unreadable token is ignored. */
  private static Query.Constraint continueAfter(
      Query.Constraint constraint, String token, boolean byModtime) {
    if (!token.startsWith("pn:")) {
      return constraint;
    }
    String rest = token.substring(3);
    int colon = rest.indexOf(':');
    String ref = colon < 0 ? null : Refs.parse(rest.substring(colon + 1));
    if (ref == null || !rest.substring(0, colon).matches("[0-9]{1,19}")) {
      return constraint;
    }
    long nanos;
    try {
      nanos = Long.parseLong(rest.substring(0, colon));
    } catch (NumberFormatException e) {
      return constraint;
    }
    Instant time = Instant.ofEpochSecond(0, nanos);
    Query.PermanodeMatch position =
        new Query.PermanodeMatch(
            null,
            null,
            null,
            "",
            false,
            null,
            false,
            "",
            null,
            null,
            null,
            null,
            new Query.ContinuePosition(byModtime, time, ref));
    return Constraints.logical("and", Constraints.of(position), constraint);
  }

  /** Permanodes with live claims, newest first (then by ref, descending), deleted ones left out. */
  private List<String> permanodesNewestFirst(boolean byModtime) {
    record Timed(String ref, Instant time) {}
    List<Timed> timed = new ArrayList<>();
    for (String ref : corpus.permanodesWithClaims()) {
      if (corpus.isDeleted(ref) || corpus.size(ref) == null) {
        continue;
      }
      Instant time = byModtime ? corpus.modtime(ref) : corpus.anyTime(ref);
      if (time != null) {
        timed.add(new Timed(ref, time));
      }
    }
    timed.sort(Comparator.comparing(Timed::time).thenComparing(Timed::ref).reversed());
    List<String> refs = new ArrayList<>(timed.size());
    timed.forEach(t -> refs.add(t.ref()));
    return refs;
  }

  /** The blobs worth testing against a constraint, in ref order. */
  private List<String> candidates(Query.Constraint c) {
    String one = atMostOneBlob(c);
    if (one != null) {
      return corpus.size(one) == null ? List.of() : List.of(one);
    }
    if (matchesFileByWholeRef(c)) {
      return corpus.schemaRefs("file");
    }
    if (c.anyCamliType() || !c.camliType().isEmpty()) {
      return corpus.schemaRefs(c.camliType());
    }
    List<String> all = new ArrayList<>();
    for (SizedRef blob : corpus.blobs()) {
      all.add(blob.ref());
    }
    return all;
  }

  private static @Nullable String atMostOneBlob(Query.@Nullable Constraint c) {
    if (c == null) {
      return null;
    }
    String ref = Refs.parse(c.blobRefPrefix());
    if (ref != null) {
      return ref;
    }
    Query.Logical logical = c.logical();
    if (logical != null && logical.op().equals("and")) {
      String inA = atMostOneBlob(logical.a());
      return inA != null ? inA : atMostOneBlob(logical.b());
    }
    return null;
  }

  private static boolean matchesFileByWholeRef(Query.@Nullable Constraint c) {
    if (c == null) {
      return false;
    }
    Query.Logical logical = c.logical();
    if (logical != null
        && logical.op().equals("and")
        && (matchesFileByWholeRef(logical.a()) || matchesFileByWholeRef(logical.b()))) {
      return true;
    }
    Query.FileMatch file = c.file();
    return file != null && file.wholeRef() != null;
  }

  private void sort(List<String> results, @Nullable SearchSort sort, boolean permanodesOnly)
      throws SearchException {
    if (sort == null) {
      return; // Candidate (ref) order.
    }
    switch (sort) {
      case UNSORTED, MAP -> {
        // Candidate (ref) order.
      }
      case BLOBREF -> results.sort(String::compareTo);
      case CREATED_DESC, CREATED_ASC -> {
        if (!permanodesOnly) {
          throw new SearchException("can only sort by ctime when all results are permanodes");
        }
        List<String> untimed = new ArrayList<>();
        Comparator<String> byTime =
            Comparator.comparing(
                ref -> {
                  Instant time = corpus.anyTime(ref);
                  if (time == null) {
                    untimed.add(ref);
                    return Instant.MIN;
                  }
                  return time;
                });
        results.sort(sort == SearchSort.CREATED_ASC ? byTime : byTime.reversed());
        if (!untimed.isEmpty()) {
          throw new SearchException("no ctime or modtime found for " + untimed.get(0));
        }
      }
      default -> throw new SearchException("TODO: unsupported sort+query combination.");
    }
  }

  private static long unixNanos(Instant time) {
    return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
  }
}
