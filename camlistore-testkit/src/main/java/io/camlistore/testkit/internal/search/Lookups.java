package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.GoJson;
import io.camlistore.testkit.internal.index.Claim;
import io.camlistore.testkit.internal.index.Corpus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The search handler's simple lookups ({@code claims}, {@code recent}, {@code permanodeattr},
 * {@code signerattrvalue}, {@code edgesto}), answered from the index with Perkeep 0.11's response
 * shapes.
 */
final class Lookups {
  private final Corpus corpus;

  Lookups(Corpus corpus) {
    this.corpus = corpus;
  }

  /** {@code claims}: the live claims on a permanode, oldest first; {@code null} when none. */
  Map<String, @Nullable Object> claims(String permanode, String attrFilter) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Claim claim : corpus.claims(permanode)) {
      if (!attrFilter.isEmpty() && !claim.attr().equals(attrFilter)) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("blobref", claim.ref());
      item.put("signer", claim.signer());
      item.put("permanode", claim.permanode());
      item.put("date", Rfc3339.format(claim.date()));
      item.put("type", claim.type());
      if (!claim.attr().isEmpty()) {
        item.put("attr", claim.attr());
      }
      if (!claim.value().isEmpty()) {
        item.put("value", claim.value());
      }
      items.add(item);
    }
    Map<String, @Nullable Object> response = new LinkedHashMap<>();
    response.put("claims", items.isEmpty() ? null : items);
    return response;
  }

  /**
   * {@code recent}: the permanodes whose newest claim is the most recent, each once, with their
   * descriptions to depth 2.
   */
  Map<String, @Nullable Object> recent(int n, @Nullable Instant before) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Claim claim : corpus.claimsNewestFirst()) {
      if (items.size() == n) {
        break;
      }
      String permanode = claim.permanode();
      if (corpus.isDeleted(permanode)
          || !seen.add(permanode)
          || (before != null && !claim.date().isBefore(before))) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("blobref", permanode);
      item.put("modtime", Rfc3339.format(claim.date()));
      String owner = corpus.owner();
      item.put("owner", owner != null ? owner : claim.signer());
      items.add(item);
      refs.add(permanode);
    }
    Map<String, @Nullable Object> response = new LinkedHashMap<>();
    response.put("recent", items.isEmpty() ? null : items);
    response.put("meta", describe(refs));
    return response;
  }

  /**
   * {@code permanodeattr}: the permanodes with a claim that set or added the value to the indexed
   * attribute (any value when {@code value} is empty), in the order of Perkeep's index: by value,
   * then newest claim first. As there, a claim counts even after a later one changed or removed the
   * value, but not once it is deleted, its permanode is deleted, or when it is dated after {@code
   * at}.
   */
  Map<String, @Nullable Object> withAttr(
      @Nullable String signer, String attr, String value, int max, Instant at) {
    List<Claim> claims = new ArrayList<>(claimsFor(signer, attr, value.isEmpty() ? null : value));
    claims.removeIf(claim -> corpus.isDeleted(claim.ref()) || claim.date().isAfter(at));
    // A stable sort: newest first within each value.
    claims.sort(Comparator.comparing(Claim::value, GoJson.KEY_ORDER));
    List<String> refs = new ArrayList<>();
    for (Claim claim : claims) {
      if (refs.size() == max) {
        break;
      }
      if (!refs.contains(claim.permanode())) {
        refs.add(claim.permanode());
      }
    }
    List<Map<String, Object>> items = new ArrayList<>();
    refs.forEach(ref -> items.add(Map.of("permanode", ref)));
    Map<String, @Nullable Object> response = new LinkedHashMap<>();
    response.put("withAttr", items.isEmpty() ? null : items);
    response.put("meta", describe(refs));
    return response;
  }

  /**
   * {@code signerattrvalue}: the permanode of the newest claim by the signer that set or added
   * exactly this value to the indexed attribute. As in Perkeep's index, the value need not be the
   * current one, and the claim may be deleted; only a deleted permanode does not count.
   *
   * @throws SearchException Go's "file does not exist" when there is none
   */
  Map<String, Object> signerAttrValue(String signer, String attr, String value)
      throws SearchException {
    List<Claim> claims = claimsFor(signer, attr, value);
    if (claims.isEmpty()) {
      throw new SearchException("file does not exist");
    }
    String permanode = claims.get(0).permanode();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("permanode", permanode);
    response.put("meta", describe(List.of(permanode)));
    return response;
  }

  /**
   * The set/add claims of a signer (the owner when null) on an indexed attribute, newest first, as
   * Perkeep indexes them for lookups; without those on deleted permanodes.
   */
  private List<Claim> claimsFor(@Nullable String signer, String attr, @Nullable String value) {
    List<Claim> found = new ArrayList<>();
    if (!Corpus.isIndexedAttribute(attr)) {
      return found;
    }
    String wanted = signer != null ? signer : corpus.owner();
    for (Claim claim : corpus.claimsNewestFirst()) {
      if (claim.attr().equals(attr)
          && (value == null || claim.value().equals(value))
          && (wanted == null || claim.signer().equals(wanted))
          && !claim.type().equals("del-attribute")
          && !corpus.isDeleted(claim.permanode())) {
        found.add(claim);
      }
    }
    return found;
  }

  /**
   * {@code edgesto}: the permanodes that currently list the blob as a {@code camliMember} (the only
   * reference Perkeep indexes as an edge).
   */
  Map<String, @Nullable Object> edgesTo(String ref) {
    Set<String> from = new TreeSet<>();
    for (Claim claim : corpus.claimsNewestFirst()) {
      if (claim.attr().equals("camliMember")
          && claim.value().equals(ref)
          && !corpus.isDeleted(claim.ref())
          && !corpus.isDeleted(claim.permanode())
          && corpus
              .describeAttributes(claim.permanode(), null)
              .attributes()
              .getOrDefault("camliMember", List.of())
              .contains(ref)) {
        from.add(claim.permanode());
      }
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (String permanode : from) {
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("from", permanode);
      edge.put("fromType", "permanode");
      edges.add(edge);
    }
    Map<String, @Nullable Object> response = new LinkedHashMap<>();
    response.put("toRef", ref);
    response.put("edgesTo", edges.isEmpty() ? null : edges);
    return response;
  }

  private SortedMap<String, Object> describe(List<String> refs) {
    return Describer.describe(corpus, new Query.DescribeSpec(null, refs, 2, 0, null, List.of()));
  }
}
