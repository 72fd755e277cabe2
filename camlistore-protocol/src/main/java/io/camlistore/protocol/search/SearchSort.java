package io.camlistore.protocol.search;

import org.jspecify.annotations.Nullable;

/**
 * The result orders of Perkeep's search ({@code search.SortType}), with their names on the wire.
 */
public enum SearchSort {
  /** No particular order (fastest). */
  UNSORTED("unsorted"),
  /** Most recently modified permanodes first. */
  LAST_MODIFIED_DESC("-mod"),
  /** Least recently modified permanodes first. */
  LAST_MODIFIED_ASC("mod"),
  /** Newest first; the server's default when the constraint only matches permanodes. */
  CREATED_DESC("-created"),
  /** Oldest first. */
  CREATED_ASC("created"),
  /** By blobref. */
  BLOBREF("blobref"),
  /** Spread over a map (for located permanodes); no continue tokens. */
  MAP("map");

  private final String wireName;

  SearchSort(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the name on the wire, e.g. {@code -created}} */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds the order with a wire name.
   *
   * @param wireName e.g. {@code -created}
   * @return the order, or null when no order has that name
   */
  public static @Nullable SearchSort fromWireName(String wireName) {
    for (SearchSort sort : values()) {
      if (sort.wireName.equals(wireName)) {
        return sort;
      }
    }
    return null;
  }
}
