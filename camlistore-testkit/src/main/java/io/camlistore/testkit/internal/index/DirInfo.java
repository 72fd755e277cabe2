package io.camlistore.testkit.internal.index;

import java.util.List;

/**
 * What the index knows about a {@code directory} schema blob whose entries (static-set) are stored.
 *
 * @param fileName its {@code fileName}, or empty
 * @param children the refs of its entries, in static-set order
 */
public record DirInfo(String fileName, List<String> children) {
  /** Copies the children. */
  public DirInfo {
    children = List.copyOf(children);
  }
}
