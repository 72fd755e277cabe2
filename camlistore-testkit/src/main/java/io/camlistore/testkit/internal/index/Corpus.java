package io.camlistore.testkit.internal.index;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.BlobStore;
import io.camlistore.testkit.internal.GoJson;
import io.camlistore.testkit.internal.SizedRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A consistent view of the index: the schema blobs known when it was built, the trusted claims by
 * permanode, the deletions, and access to the live blob store for sizes and file content.
 *
 * <p>Attribute semantics follow Perkeep 0.11: describe applies claims in date order with {@code
 * set-attribute} replacing, {@code add-attribute} adding a value once, {@code del-attribute}
 * removing one or all values; searches see every added value. A claim deleted by a trusted {@code
 * delete} claim (that is not itself deleted) no longer counts for describe, the claims list and
 * modification times; searches by attribute value still see it, as Perkeep 0.11's corpus, which
 * never drops a deleted claim from a permanode's claims, does.
 */
public final class Corpus {
  /** Attributes whose values Perkeep indexes for exact lookups by signer. */
  private static final Set<String> INDEXED_ATTRIBUTES =
      Set.of("camliRoot", "camliImportRoot", "tag", "title");

  private final BlobStore store;
  private final Map<String, SchemaBlob> schemas;
  private final Map<String, List<Claim>> claimsByPermanode;
  private final Map<String, List<Deletion>> deletions;
  private final List<Claim> newestFirst;
  private final FileIndex files;
  private final @Nullable String owner;

  Corpus(
      BlobStore store,
      Map<String, SchemaBlob> schemas,
      List<Claim> claims,
      List<Deletion> deletions,
      FileIndex files,
      @Nullable String owner) {
    this.store = store;
    this.schemas = schemas;
    this.files = files;
    this.owner = owner;
    Map<String, List<Claim>> byPermanode = new TreeMap<>();
    for (Claim claim : claims) {
      byPermanode.computeIfAbsent(claim.permanode(), k -> new ArrayList<>()).add(claim);
    }
    byPermanode.values().forEach(list -> list.sort(Claim.BY_DATE));
    this.claimsByPermanode = byPermanode;
    Map<String, List<Deletion>> byTarget = new TreeMap<>();
    for (Deletion deletion : deletions) {
      byTarget.computeIfAbsent(deletion.target(), k -> new ArrayList<>()).add(deletion);
    }
    this.deletions = byTarget;
    List<Claim> sorted = new ArrayList<>(claims);
    sorted.sort(
        Comparator.comparing(Claim::date).reversed().thenComparing(Claim::ref, String::compareTo));
    this.newestFirst = List.copyOf(sorted);
  }

  /** {@return the owner's public key blobref, or null when every valid signer is trusted} */
  public @Nullable String owner() {
    return owner;
  }

  /**
   * Looks up a blob's size.
   *
   * @param ref a blobref
   * @return its size, or null when the blob is not stored
   */
  public @Nullable Long size(String ref) {
    return store.size(ref);
  }

  /**
   * Looks up a blob's {@code camliType}.
   *
   * @param ref a blobref
   * @return the type, or empty for a stored blob that is not a schema blob
   */
  public String camliType(String ref) {
    SchemaBlob schema = schemas.get(ref);
    return schema == null ? "" : schema.camliType();
  }

  /** {@return every stored blob, in ref order} */
  public List<SizedRef> blobs() {
    return store.enumerate("", Integer.MAX_VALUE);
  }

  /**
   * Lists the stored schema blobs of a type, in ref order.
   *
   * @param camliType a type, or empty for all schema blobs
   * @return their refs
   */
  public List<String> schemaRefs(String camliType) {
    List<String> refs = new ArrayList<>();
    for (SchemaBlob schema : schemas.values()) {
      if ((camliType.isEmpty() || schema.camliType().equals(camliType))
          && store.size(schema.ref()) != null) {
        refs.add(schema.ref());
      }
    }
    refs.sort(String::compareTo);
    return refs;
  }

  /**
   * Tells whether a permanode or claim is deleted: some delete claim targets it and that claim is
   * not itself deleted.
   *
   * @param ref a blobref
   * @return true if deleted
   */
  public boolean isDeleted(String ref) {
    return isDeleted(ref, new HashSet<>());
  }

  private boolean isDeleted(String ref, Set<String> visiting) {
    List<Deletion> targeting = deletions.get(ref);
    if (targeting == null || !visiting.add(ref)) {
      return false;
    }
    for (Deletion deletion : targeting) {
      if (!isDeleted(deletion.deleter(), visiting)) {
        visiting.remove(ref);
        return true;
      }
    }
    visiting.remove(ref);
    return false;
  }

  /**
   * Lists a permanode's trusted claims that are not deleted.
   *
   * @param permanode a permanode's ref
   * @return its claims, oldest first
   */
  public List<Claim> claims(String permanode) {
    List<Claim> all = claimsByPermanode.getOrDefault(permanode, List.of());
    List<Claim> live = new ArrayList<>(all.size());
    for (Claim claim : all) {
      if (!isDeleted(claim.ref())) {
        live.add(claim);
      }
    }
    return live;
  }

  /** {@return every trusted attribute claim (deleted ones too), newest first, then by ref} */
  public List<Claim> claimsNewestFirst() {
    return newestFirst;
  }

  /** {@return the permanodes that have trusted claims, in ref order} */
  public List<String> permanodesWithClaims() {
    return List.copyOf(claimsByPermanode.keySet());
  }

  /**
   * A permanode's attributes as describe reports them.
   *
   * @param attributes name to values, by name
   * @param modtime the date of the last claim that changed them, or null when none did
   */
  public record Attributes(SortedMap<String, List<String>> attributes, @Nullable Instant modtime) {}

  /**
   * Computes a permanode's attributes the way describe does.
   *
   * @param permanode the permanode's ref
   * @param at ignore claims after this time; null for all
   * @return the attributes and modification time
   */
  public Attributes describeAttributes(String permanode, @Nullable Instant at) {
    SortedMap<String, List<String>> attrs = new TreeMap<>(GoJson.KEY_ORDER);
    Instant modtime = null;
    for (Claim claim : claims(permanode)) {
      if (at != null && claim.date().isAfter(at)) {
        continue;
      }
      switch (claim.type()) {
        case "del-attribute" -> {
          if (claim.value().isEmpty()) {
            attrs.remove(claim.attr());
          } else {
            List<String> kept = new ArrayList<>(attrs.getOrDefault(claim.attr(), List.of()));
            kept.removeIf(claim.value()::equals);
            attrs.put(claim.attr(), kept);
          }
        }
        case "set-attribute", "add-attribute" -> {
          if (claim.type().equals("set-attribute")) {
            attrs.remove(claim.attr());
          }
          if (claim.value().isEmpty()) {
            continue;
          }
          List<String> values = attrs.computeIfAbsent(claim.attr(), k -> new ArrayList<>());
          if (values.contains(claim.value())) {
            continue;
          }
          values.add(claim.value());
        }
        default -> {
          continue;
        }
      }
      modtime = claim.date();
    }
    return new Attributes(attrs, modtime);
  }

  /**
   * Computes the values of one attribute the way searches see them: from every trusted claim,
   * deleted ones included (see the class comment).
   *
   * @param permanode the permanode's ref
   * @param attr the attribute
   * @param at ignore claims after this time; null for all
   * @return the values, in the order they were added
   */
  public List<String> attributeValues(String permanode, String attr, @Nullable Instant at) {
    List<String> values = new ArrayList<>();
    for (Claim claim : claimsByPermanode.getOrDefault(permanode, List.of())) {
      if (!claim.attr().equals(attr) || (at != null && claim.date().isAfter(at))) {
        continue;
      }
      switch (claim.type()) {
        case "del-attribute" -> {
          if (claim.value().isEmpty()) {
            values.clear();
          } else {
            values.removeIf(claim.value()::equals);
          }
        }
        case "set-attribute" -> {
          values.clear();
          values.add(claim.value());
        }
        case "add-attribute" -> values.add(claim.value());
        default -> {
          // Not an attribute change.
        }
      }
    }
    return values;
  }

  /**
   * Reads the first value of an attribute.
   *
   * @param permanode the permanode's ref
   * @param attr the attribute
   * @return its first value, or empty
   */
  public String attributeValue(String permanode, String attr) {
    List<String> values = attributeValues(permanode, attr, null);
    return values.isEmpty() ? "" : values.get(0);
  }

  /**
   * A permanode's modification time: the date of its newest live claim.
   *
   * @param permanode the permanode's ref
   * @return the time, or null when it has no live claims
   */
  public @Nullable Instant modtime(String permanode) {
    Instant latest = null;
    for (Claim claim : claims(permanode)) {
      if (latest == null || claim.date().isAfter(latest)) {
        latest = claim.date();
      }
    }
    return latest;
  }

  /**
   * The time that best dates a permanode, as Perkeep's "created" sort uses it: a time attribute
   * ({@code paymentDueDate}, {@code startDate}, {@code dateCreated}), its content file's time, more
   * time attributes ({@code datePublished}, {@code dateModified}), and finally its modification
   * time. (Perkeep 0.11 means to use the date the content was set before the modification time, but
   * a reused variable in its code skips it; the embedded server does the same.)
   *
   * @param permanode the permanode's ref
   * @return the time, or null when there is none
   */
  public @Nullable Instant anyTime(String permanode) {
    for (String attr : List.of("paymentDueDate", "startDate", "dateCreated")) {
      Instant time = Rfc3339.parse(attributeValue(permanode, attr));
      if (time != null) {
        return time;
      }
    }
    String content = null;
    for (Claim claim : claimsByPermanode.getOrDefault(permanode, List.of())) {
      if (!claim.attr().equals("camliContent")) {
        continue;
      }
      if (claim.type().equals("del-attribute")) {
        content = null;
      } else if (claim.type().equals("set-attribute")) {
        content = BlobRef.parseOrNull(claim.value()) == null ? null : claim.value();
      }
    }
    FileInfo file = content == null ? null : fileInfo(content);
    if (file != null && file.time() != null) {
      return file.time();
    }
    for (String attr : List.of("datePublished", "dateModified")) {
      Instant time = Rfc3339.parse(attributeValue(permanode, attr));
      if (time != null) {
        return time;
      }
    }
    return modtime(permanode);
  }

  /**
   * Looks up a file schema blob's information.
   *
   * @param ref a blobref
   * @return the information, or null when the ref is not a stored file schema blob
   */
  public @Nullable FileInfo fileInfo(String ref) {
    SchemaBlob file = schemas.get(ref);
    if (file == null || !file.camliType().equals("file")) {
      return null;
    }
    return files.fileInfo(file, schemas::get);
  }

  /**
   * Looks up a directory schema blob's information.
   *
   * @param ref a blobref
   * @return the information, or null when the ref is not a directory whose entries are stored
   */
  public @Nullable DirInfo dirInfo(String ref) {
    SchemaBlob dir = schemas.get(ref);
    if (dir == null || !dir.camliType().equals("directory")) {
      return null;
    }
    return files.dirInfo(dir, schemas::get);
  }

  /**
   * Tells whether Perkeep indexes an attribute's values for exact lookups ({@code signerattrvalue},
   * {@code permanodeattr}).
   *
   * @param attr the attribute
   * @return true for {@code tag}, {@code title}, {@code camliRoot} and {@code camliImportRoot}
   */
  public static boolean isIndexedAttribute(String attr) {
    return INDEXED_ATTRIBUTES.contains(attr);
  }
}
