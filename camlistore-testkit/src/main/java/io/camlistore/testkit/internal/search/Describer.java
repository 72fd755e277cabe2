package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.GoJson;
import io.camlistore.testkit.internal.index.Corpus;
import io.camlistore.testkit.internal.index.DirInfo;
import io.camlistore.testkit.internal.index.FileInfo;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Describes blobs as Perkeep 0.11's {@code DescribeRequest} does: each blob to the requested depth
 * (a permanode's attribute values that are blobrefs one level less deep, a directory's children at
 * the same depth), then the rules' attributes until nothing new is added. Single use.
 */
final class Describer {
  /** The Go zero time, which Perkeep writes as the modtime of a permanode without claims. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private final Corpus corpus;
  private final Query.DescribeSpec spec;
  private final int maxDirChildren;
  private final SortedMap<String, Described> meta = new TreeMap<>(GoJson.KEY_ORDER);
  private final Set<String> started = new HashSet<>();
  private final Deque<Task> queue = new ArrayDeque<>();
  private final IdentityHashMap<Query.DescribeRule, Set<String>> fromRule = new IdentityHashMap<>();
  private final IdentityHashMap<Query.DescribeRule, Query.DescribeRule> parents =
      new IdentityHashMap<>();

  private record Task(String ref, int depth) {}

  private Describer(Corpus corpus, Query.DescribeSpec spec) {
    this.corpus = corpus;
    this.spec = spec;
    long max = spec.maxDirChildren();
    this.maxDirChildren = max <= 0 || max > 1000 ? 50 : (int) max;
  }

  /**
   * Describes the blobs a request names.
   *
   * @param corpus the index
   * @param spec the request
   * @return the {@code meta} map: blobref to description, in Go's order
   */
  static SortedMap<String, Object> describe(Corpus corpus, Query.DescribeSpec spec) {
    return new Describer(corpus, spec).run();
  }

  private SortedMap<String, Object> run() {
    int depth = spec.depth() > 0 ? (int) Math.min(spec.depth(), Integer.MAX_VALUE) : 1;
    for (String ref : requested()) {
      start(ref, depth);
    }
    drain();
    expandRules();
    SortedMap<String, Object> out = new TreeMap<>(GoJson.KEY_ORDER);
    meta.forEach((ref, described) -> out.put(ref, described.json()));
    return out;
  }

  private List<String> requested() {
    List<String> refs = new ArrayList<>();
    if (spec.blobRef() != null) {
      refs.add(spec.blobRef());
    }
    refs.addAll(spec.blobRefs());
    return refs;
  }

  private void start(String ref, int depth) {
    if (depth > 0 && started.add(ref + " " + depth)) {
      queue.add(new Task(ref, depth));
    }
  }

  private void drain() {
    while (!queue.isEmpty()) {
      Task task = queue.poll();
      describeOne(task.ref(), task.depth());
    }
  }

  private void describeOne(String ref, int depth) {
    Long size = corpus.size(ref);
    if (size == null) {
      return;
    }
    Described described =
        meta.computeIfAbsent(ref, r -> new Described(r, corpus.camliType(r), size));
    switch (described.camliType) {
      case "permanode" -> {
        Corpus.Attributes attributes = corpus.describeAttributes(ref, spec.at());
        described.attributes = attributes;
        attributes
            .attributes()
            .forEach(
                (name, values) -> {
                  startReferenced(name, depth);
                  values.forEach(value -> startReferenced(value, depth));
                });
      }
      case "file" -> described.file = corpus.fileInfo(ref);
      case "directory" -> {
        DirInfo dir = corpus.dirInfo(ref);
        if (dir != null) {
          described.dir = dir;
          described.children =
              dir.children().subList(0, Math.min(maxDirChildren, dir.children().size()));
          described.children.forEach(child -> start(child, depth));
        }
      }
      default -> {
        // Other blobs are described by their type and size only.
      }
    }
  }

  /** Describes, one level less deep, every known blobref mentioned in a text. */
  private void startReferenced(String text, int depth) {
    Matcher m = Refs.IN_TEXT.matcher(text);
    while (m.find()) {
      String ref = Refs.parse(m.group());
      if (ref != null) {
        start(ref, depth - 1);
      }
    }
  }

  private void expandRules() {
    List<Query.DescribeRule> rules = new ArrayList<>();
    flatten(spec.rules(), null, rules);
    if (rules.isEmpty()) {
      return;
    }
    int before;
    do {
      before = meta.size();
      List<String> found = new ArrayList<>();
      for (Query.DescribeRule rule : rules) {
        List<String> results = new ArrayList<>(requested());
        results.addAll(meta.keySet());
        for (String ref : results) {
          for (String match : matches(rule, ref)) {
            found.add(match);
            fromRule.computeIfAbsent(rule, r -> new HashSet<>()).add(match);
          }
        }
      }
      found.forEach(ref -> start(ref, 1));
      drain();
    } while (meta.size() != before);
  }

  private void flatten(
      List<Query.DescribeRule> rules,
      Query.@Nullable DescribeRule parent,
      List<Query.DescribeRule> into) {
    for (Query.DescribeRule rule : rules) {
      into.add(rule);
      if (parent != null) {
        parents.put(rule, parent);
      }
      flatten(rule.rules(), rule, into);
    }
  }

  private List<String> matches(Query.DescribeRule rule, String ref) {
    if (rule.ifResultRoot() && !requested().contains(ref)) {
      return List.of();
    }
    Query.DescribeRule parent = parents.get(rule);
    if (parent != null && !fromRule.getOrDefault(parent, Set.of()).contains(ref)) {
      return List.of();
    }
    Described described = meta.get(ref);
    if (described == null || described.attributes == null) {
      return List.of();
    }
    Map<String, List<String>> attrs = described.attributes.attributes();
    if (!rule.ifCamliNodeType().isEmpty()) {
      List<String> type = attrs.getOrDefault("camliNodeType", List.of());
      if (!(type.isEmpty() ? "" : type.get(0)).equals(rule.ifCamliNodeType())) {
        return List.of();
      }
    }
    List<String> refs = new ArrayList<>();
    attrs.forEach(
        (name, values) -> {
          if (selects(rule, name)) {
            for (String value : values) {
              String parsed = Refs.parse(value);
              if (parsed != null) {
                refs.add(parsed);
              }
            }
          }
        });
    return refs;
  }

  private static boolean selects(Query.DescribeRule rule, String attr) {
    for (String wanted : rule.attrs()) {
      if (wanted.equals(attr)
          || (wanted.endsWith("*") && attr.startsWith(wanted.substring(0, wanted.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** One blob's description, filled in as it is described. */
  private static final class Described {
    private final String ref;
    private final String camliType;
    private final long size;
    private Corpus.@Nullable Attributes attributes;
    private @Nullable FileInfo file;
    private @Nullable DirInfo dir;
    private List<String> children = List.of();

    Described(String ref, String camliType, long size) {
      this.ref = ref;
      this.camliType = camliType;
      this.size = size;
    }

    /** Perkeep's {@code DescribedBlob} JSON, fields in its order, empty ones omitted. */
    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("blobRef", ref);
      if (!camliType.isEmpty()) {
        json.put("camliType", camliType);
      }
      json.put("size", size);
      Corpus.Attributes attrs = attributes;
      if (attrs != null) {
        Map<String, Object> permanode = new LinkedHashMap<>();
        permanode.put("attr", attrs.attributes());
        Instant modtime = attrs.modtime();
        permanode.put("modtime", modtime == null ? ZERO_TIME : Rfc3339.format(modtime));
        json.put("permanode", permanode);
      }
      FileInfo info = file;
      if (info != null) {
        json.put("file", fileJson(info));
      }
      DirInfo directory = dir;
      if (directory != null) {
        Map<String, @Nullable Object> dirJson = new LinkedHashMap<>();
        dirJson.put("fileName", directory.fileName());
        dirJson.put("size", (long) directory.children().size());
        dirJson.put("wholeRef", null);
        json.put("dir", dirJson);
      }
      if (!children.isEmpty()) {
        json.put("dirChildren", children);
      }
      return json;
    }

    private static Map<String, @Nullable Object> fileJson(FileInfo info) {
      Map<String, @Nullable Object> json = new LinkedHashMap<>();
      json.put("fileName", info.fileName());
      json.put("size", info.size());
      if (info.mimeType() != null) {
        json.put("mimeType", info.mimeType());
      }
      Instant time = info.time();
      if (time != null) {
        json.put("time", Rfc3339.format(time));
      }
      json.put("wholeRef", info.wholeRef());
      return json;
    }
  }
}
