package io.camlistore.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.TestBlob;
import io.camlistore.testkit.TestIdentity;
import io.camlistore.testkit.internal.GoJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * This run's own copy of the fixture server's search data ({@link SearchSeed}), so that search
 * contracts hold on a server holding any other data, this suite's earlier runs included.
 *
 * <p>Every blob is rewritten to be this run's alone: contents, file names, attribute values and
 * permanode {@code random}s carry a run id; the claims are dated, in the fixtures' order, within a
 * few seconds of a random instant between 1980 and 2015 that no other data shares; refs follow; the
 * target's sign helper signs the permanodes and claims again. The copy is stored, then waited for
 * until the target's index describes every blob of it (a real server indexes asynchronously).
 *
 * <p>{@link #expected} turns a captured answer into the answer expected about this copy: the
 * fixtures' refs, values and dates replaced by this run's, blob sizes by the copies' sizes, and Go
 * maps keyed by refs re-sorted; the rest, field order and formatting included, is the capture's.
 */
final class RunData {
  private static final Pattern REF = Pattern.compile("sha224-[0-9a-f]{56}");
  private static final Pattern FIELD =
      Pattern.compile("\"(claimDate|value|random|fileName)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern PART_SIZE =
      Pattern.compile("(\"blobRef\": \"(sha224-[0-9a-f]{56})\",\\s*\"size\": )(\\d+)");
  private static final Pattern CONTINUE_TOKEN = Pattern.compile("pn:(\\d+):(sha224-[0-9a-f]{56})");
  private static final String PLANNED_CLAIM_DATE = "1970-01-01T00:00:00Z";
  private static final String SIGNATURE = ",\"camliSig\":\"";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIXTURE_PUBLIC_KEY = TestIdentity.publicKeyBlobRef().toString();

  /** One fixture blob's copy; dates only for blobs that carry a claim date. */
  private record Copy(
      TestBlob blob,
      @Nullable String permanode,
      @Nullable Instant fixtureDate,
      @Nullable Instant date,
      long contentSize) {
    String ref() {
      return blob.blobRef().toString();
    }

    long size() {
      return blob.size();
    }
  }

  private final ContractTarget target;
  private final String run;
  private final Instant window;
  private final Map<String, String> refs = new HashMap<>();
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Copy> copies = new LinkedHashMap<>();

  private RunData(ContractTarget target, String publicKeyRef) {
    this.target = target;
    SecureRandom random = new SecureRandom();
    this.run = Long.toString(Math.abs(random.nextLong() % 3_656_158_440_062_976L), 36);
    long from = Instant.parse("1980-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
    this.window =
        Instant.ofEpochSecond(
            from + (long) (random.nextDouble() * (to - from)), 1 + random.nextInt(999_999_998));
    refs.put(FIXTURE_PUBLIC_KEY, publicKeyRef);
  }

  /**
   * Makes, stores and waits for this run's copy.
   *
   * @param target a server with a sign helper
   * @return the stored copy
   */
  static RunData store(ContractTarget target) {
    String key = Objects.requireNonNull(target.publicKeyRef(), "the target has no sign helper");
    RunData data = new RunData(target, key);
    data.copyAll(SearchSeed.blobs());
    Blobs.store(
        target,
        data.copies.values().stream().map(copy -> copy.blob().data()).toArray(byte[][]::new));
    SearchIndex.awaitDescribed(target, data.copies.values().stream().map(Copy::ref).toList());
    return data;
  }

  /** {@return this run's ref for a fixture ref} */
  String ref(String fixtureRef) {
    return Objects.requireNonNull(refs.get(fixtureRef), () -> "no copy of " + fixtureRef);
  }

  /** {@return this run's value for an attribute value or name of the fixtures} */
  String value(String fixtureValue) {
    return Objects.requireNonNull(values.get(fixtureValue), () -> "no copy of " + fixtureValue);
  }

  /** {@return a text made this run's own, for values the fixture data does not hold} */
  String unique(String text) {
    return text + "-" + run;
  }

  /** {@return an instant after every claim of this run and before any other data's} */
  Instant end() {
    return window.plusSeconds(copies.size() + 1L);
  }

  /** {@return whether a ref is one of this run's copies} */
  boolean isCopy(String ref) {
    return copies.values().stream().anyMatch(copy -> copy.ref().equals(ref));
  }

  /** {@return a captured request body (JSON) about the fixture data, made about this run's} */
  String request(byte[] fixtureRequest) {
    Object request = Answers.parse(new String(fixtureRequest, StandardCharsets.UTF_8));
    return Answers.compact(rekey(request, null, "", Kind.OTHER));
  }

  /** {@return a captured answer about the fixture data, as the answer about this run's copy} */
  String expected(String fixtureResponse) {
    Object answer = Answers.parse(fixtureResponse);
    if (!Answers.goJson(answer).equals(fixtureResponse)) {
      throw new IllegalStateException("GoJson does not reproduce the capture " + fixtureResponse);
    }
    return Answers.goJson(rekey(answer, null, "", Kind.OTHER));
  }

  /** {@return an instant as Perkeep's continue tokens write it: nanoseconds since 1970} */
  static long unixNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  // ---- making the copy

  private void copyAll(List<TestBlob> fixtureBlobs) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (TestBlob blob : fixtureBlobs) {
      if (!blob.blobRef().toString().equals(FIXTURE_PUBLIC_KEY)) {
        texts.put(blob.blobRef().toString(), new String(blob.data(), StandardCharsets.UTF_8));
      }
    }
    Map<String, Instant> dates = claimDates(texts);
    Set<String> done = new LinkedHashSet<>();
    for (String ref : texts.keySet()) {
      copyWithDependencies(ref, texts, dates, done);
    }
  }

  /**
   * This run's date for every fixture blob with a claim date: one second apart, in the fixtures'
   * order; blobs dated alike are ordered so that the one whose permanode has the lowest ref is the
   * newest, which keeps Perkeep's order for them (by ref, among equal times, in {@code recent}).
   */
  private Map<String, Instant> claimDates(Map<String, String> texts) {
    record Dated(String ref, Instant date, String permanode) {}
    List<Dated> dated = new ArrayList<>();
    texts.forEach(
        (ref, text) -> {
          JsonNode schema = schema(text);
          String date = schema == null ? "" : schema.path("claimDate").asText("");
          if (!date.isEmpty() && !date.equals(PLANNED_CLAIM_DATE)) {
            dated.add(new Dated(ref, Instant.parse(date), schema.path("permaNode").asText(ref)));
          }
        });
    dated.sort(
        Comparator.comparing(Dated::date)
            .thenComparing(Dated::permanode, Comparator.reverseOrder())
            .thenComparing(Dated::ref));
    Map<String, Instant> dates = new HashMap<>();
    for (int i = 0; i < dated.size(); i++) {
      dates.put(dated.get(i).ref(), window.plusSeconds(i));
    }
    return dates;
  }

  private void copyWithDependencies(
      String ref, Map<String, String> texts, Map<String, Instant> dates, Set<String> done) {
    if (!done.add(ref)) {
      return;
    }
    Matcher mentioned = REF.matcher(texts.get(ref));
    while (mentioned.find()) {
      if (texts.containsKey(mentioned.group()) && !mentioned.group().equals(ref)) {
        copyWithDependencies(mentioned.group(), texts, dates, done);
      }
    }
    copy(ref, texts.get(ref), dates.get(ref));
  }

  private void copy(String fixtureRef, String text, @Nullable Instant date) {
    JsonNode schema = schema(text);
    byte[] data;
    long contentSize = 0;
    if (schema == null) {
      int end = text.endsWith("\n") ? text.length() - 1 : text.length();
      data =
          (text.substring(0, end) + " " + run + text.substring(end))
              .getBytes(StandardCharsets.UTF_8);
    } else {
      String copied = rewriteFields(replaceRefs(text), date);
      Matcher part = PART_SIZE.matcher(copied);
      StringBuilder sized = new StringBuilder();
      while (part.find()) {
        long size = copyByRef(part.group(2)).size();
        contentSize += size;
        part.appendReplacement(sized, Matcher.quoteReplacement(part.group(1) + size));
      }
      part.appendTail(sized);
      copied = sized.toString();
      int signature = copied.indexOf(SIGNATURE);
      data =
          signature < 0
              ? copied.getBytes(StandardCharsets.UTF_8)
              : Signed.sign(target, copied.substring(0, signature) + "}");
    }
    TestBlob blob = TestBlob.of(data);
    refs.put(fixtureRef, blob.blobRef().toString());
    String permanode = schema == null ? null : schema.path("permaNode").asText(null);
    Instant fixtureDate =
        date == null
            ? null
            : Instant.parse(Objects.requireNonNull(schema).get("claimDate").asText());
    copies.put(fixtureRef, new Copy(blob, permanode, fixtureDate, date, contentSize));
  }

  private Copy copyByRef(String ref) {
    return copies.values().stream()
        .filter(copy -> copy.ref().equals(ref))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no copy with ref " + ref));
  }

  /** Rewrites the claim date, non-ref values, randoms and file names of a schema blob's text. */
  private String rewriteFields(String text, @Nullable Instant date) {
    Matcher field = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (field.find()) {
      String name = field.group(1);
      String raw = field.group(2);
      String copied =
          switch (name) {
            case "claimDate" -> date == null ? raw : Rfc3339.format(date);
            case "fileName" -> fileName(raw);
            default -> REF.matcher(raw).matches() ? raw : raw + "-" + run;
          };
      if (!copied.equals(raw) && !name.equals("claimDate")) {
        values.put(decode(raw), decode(copied));
      }
      field.appendReplacement(
          out, Matcher.quoteReplacement("\"" + name + "\": \"" + copied + "\""));
    }
    field.appendTail(out);
    return out.toString();
  }

  private String fileName(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name + "-" + run : name.substring(0, dot) + "-" + run + name.substring(dot);
  }

  private String replaceRefs(String text) {
    Matcher ref = REF.matcher(text);
    StringBuilder out = new StringBuilder();
    while (ref.find()) {
      ref.appendReplacement(out, refs.getOrDefault(ref.group(), ref.group()));
    }
    ref.appendTail(out);
    return out.toString();
  }

  private static @Nullable JsonNode schema(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String decode(String rawJsonString) {
    try {
      return JSON.readValue("\"" + rawJsonString + "\"", String.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- re-keying answers

  /** What an object's {@code size} field counts. */
  private enum Kind {
    /** A described blob: its size is the blob's. */
    BLOB,
    /** A described file: its size is the content's. */
    FILE,
    /** Anything else: kept. */
    OTHER
  }

  private @Nullable Object rekey(
      @Nullable Object node, @Nullable String subject, String key, Kind kind) {
    if (node instanceof Map<?, ?> object) {
      return rekeyObject(object, subject, key);
    }
    if (node instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>();
      list.forEach(item -> out.add(rekey(item, subject, key, Kind.OTHER)));
      return out;
    }
    if (node instanceof String text) {
      return rekeyText(text, subject, key);
    }
    if (node instanceof Number && key.equals("size") && subject != null && kind != Kind.OTHER) {
      Copy copy = copyOf(subject);
      return kind == Kind.FILE ? copy.contentSize() : copy.size();
    }
    return node;
  }

  private Map<String, @Nullable Object> rekeyObject(
      Map<?, ?> object, @Nullable String inherited, String key) {
    Object own = object.containsKey("blobRef") ? object.get("blobRef") : object.get("blobref");
    String subject = own instanceof String ref ? ref : inherited;
    Kind kind =
        key.equals("file") ? Kind.FILE : object.containsKey("blobRef") ? Kind.BLOB : Kind.OTHER;
    boolean keyedByRefs =
        !object.isEmpty()
            && object.keySet().stream().allMatch(k -> REF.matcher(String.valueOf(k)).matches());
    Map<String, @Nullable Object> out =
        keyedByRefs ? new TreeMap<>(GoJson.KEY_ORDER) : new LinkedHashMap<>();
    object.forEach(
        (name, value) -> {
          String field = String.valueOf(name);
          out.put(replaceRefs(field), rekey(value, subject, field, kind));
        });
    return out;
  }

  private String rekeyText(String text, @Nullable String subject, String key) {
    if ((key.equals("modtime") || key.equals("date")) && subject != null) {
      return Rfc3339.format(dateOf(subject, Instant.parse(text)));
    }
    Matcher token = CONTINUE_TOKEN.matcher(text);
    if (key.equals("continue") && token.matches()) {
      long nanos = Long.parseLong(token.group(1));
      Instant date = dateOf(token.group(2), Instant.ofEpochSecond(0, nanos));
      return "pn:" + unixNanos(date) + ":" + ref(token.group(2));
    }
    String value = values.get(text);
    return value != null ? value : replaceRefs(text);
  }

  /** This run's date for a fixture date of a claim, or of the claim of a permanode dated so. */
  private Instant dateOf(String fixtureRef, Instant fixtureDate) {
    List<Instant> found = new ArrayList<>();
    copies.forEach(
        (ref, copy) -> {
          boolean about = ref.equals(fixtureRef) || fixtureRef.equals(copy.permanode());
          if (about && fixtureDate.equals(copy.fixtureDate())) {
            found.add(Objects.requireNonNull(copy.date()));
          }
        });
    if (found.size() != 1) {
      throw new IllegalStateException(
          found.size() + " claims of " + fixtureRef + " are dated " + fixtureDate);
    }
    return found.get(0);
  }

  private Copy copyOf(String fixtureRef) {
    return Objects.requireNonNull(copies.get(fixtureRef), () -> "no copy of " + fixtureRef);
  }

  @Override
  public String toString() {
    return "this run's copy of the fixture data (run "
        + run
        + ", claims dated from "
        + window
        + ")";
  }
}
