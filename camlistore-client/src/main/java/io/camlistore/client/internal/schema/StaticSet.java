package io.camlistore.client.internal.schema;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.CanonicalJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code static-set} schema blob (a directory's {@code entries}) and, for sets too large for one
 * blob, the sub-sets it merges (PROTOCOL.md §8.6).
 *
 * <p>Up to {@value #MAX_MEMBERS} members are listed in one blob's {@code members}. Beyond that the
 * members are spread over sub-sets named in {@code mergeSets}, split exactly as pk-put splits them,
 * so the same members give the same blobs.
 */
public final class StaticSet {
  /** The most members pk-put puts in one static-set blob. */
  public static final int MAX_MEMBERS = 10_000;

  /** pk-put's directory order: non-directories first, then directories, each by name. */
  private static final Comparator<DirectoryMember> DIRECTORY_ORDER =
      Comparator.comparing(DirectoryMember::directory)
          .thenComparing(DirectoryMember::name, CanonicalJson.UTF8_BYTE_ORDER);

  private final Blob top;
  private final List<Blob> blobs;

  private StaticSet(Blob top, List<Blob> blobs) {
    this.top = top;
    this.blobs = List.copyOf(blobs);
  }

  /**
   * A child of a directory, as listed in the directory's static-set.
   *
   * @param name the child's base name
   * @param directory whether the child is a directory (directories are listed after other nodes)
   * @param schemaRef the ref of the child's file, directory or symlink schema blob
   */
  public record DirectoryMember(String name, boolean directory, BlobRef schemaRef) {}

  /**
   * Builds the static-set of a directory's children, ordered as pk-put orders them.
   *
   * @param children the directory's children, in any order
   * @param hashName the hash function for the set blobs' refs
   * @return the static-set
   * @throws IllegalArgumentException if two children have the same name
   */
  public static StaticSet forDirectory(Collection<DirectoryMember> children, String hashName) {
    List<DirectoryMember> sorted = new ArrayList<>(children);
    sorted.sort(DIRECTORY_ORDER);
    Set<String> names = new HashSet<>();
    List<BlobRef> members = new ArrayList<>(sorted.size());
    for (DirectoryMember child : sorted) {
      if (!names.add(child.name())) {
        throw new IllegalArgumentException(
            "a directory cannot hold two entries named '" + child.name() + "'");
      }
      members.add(child.schemaRef());
    }
    return of(members, hashName);
  }

  /**
   * Builds a static-set with the members in the given order.
   *
   * @param members the members' refs
   * @param hashName the hash function for the set blobs' refs
   * @return the static-set
   */
  public static StaticSet of(List<BlobRef> members, String hashName) {
    return of(members, hashName, MAX_MEMBERS);
  }

  /** As {@link #of(List, String)} with another per-blob limit, so tests can exercise splitting. */
  static StaticSet of(List<BlobRef> members, String hashName, int maxMembers) {
    List<Blob> blobs = new ArrayList<>();
    Blob top = build(members, hashName, maxMembers, blobs);
    return new StaticSet(top, blobs);
  }

  /** {@return the top static-set blob, whose ref goes into a directory's {@code entries}} */
  public Blob top() {
    return top;
  }

  /**
   * {@return every blob of this set in upload order: each sub-set before the set that merges it,
   * the top set last}
   */
  public List<Blob> blobs() {
    return blobs;
  }

  /** Builds one set blob, appending it and all its sub-sets, children first, to {@code out}. */
  private static Blob build(List<BlobRef> members, String hashName, int max, List<Blob> out) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("camliType", "static-set");
    int count = members.size();
    if (count <= max) {
      map.put("members", members);
    } else {
      // pk-put's split: full sub-sets of `max` plus one for the rest; if that would need `max` or
      // more sub-sets, `max - 1` equal sub-sets that split further, plus one for the rest.
      int subsets = count / max;
      int perSubset = max;
      if (subsets >= max) {
        subsets = max - 1;
        perSubset = count / subsets;
      }
      List<BlobRef> mergeSets = new ArrayList<>();
      for (int i = 0; i < subsets; i++) {
        List<BlobRef> slice = members.subList(i * perSubset, (i + 1) * perSubset);
        mergeSets.add(build(slice, hashName, max, out).blobRef());
      }
      if (subsets * perSubset < count) {
        List<BlobRef> rest = members.subList(subsets * perSubset, count);
        mergeSets.add(build(rest, hashName, max, out).blobRef());
      }
      map.put("mergeSets", mergeSets);
    }
    Blob blob = SchemaBlobs.of(map, hashName);
    out.add(blob);
    return blob;
  }
}
