package io.camlistore.testkit.internal.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} schema blobs by the ref of their whole content, for the {@code files} lookup.
 * Kept up to date as files arrive rather than computed per lookup, so a lookup costs the same
 * however many files the store holds. Thread-safe.
 *
 * <p>A file is read (its chunks hashed) at the first lookup after it arrived; one whose content is
 * not all stored yet is read again at each lookup until it is, since its chunks may come later.
 */
final class ContentIndex {
  private final FileIndex files;
  private final Function<String, @Nullable SchemaBlob> schemas;

  /** File schemas not read yet, or whose content was incomplete when last read. */
  private final Map<String, SchemaBlob> unread = new LinkedHashMap<>();

  private final Map<String, SortedSet<String>> byWholeRef = new HashMap<>();
  private final Map<String, String> wholeRefOf = new HashMap<>();

  /**
   * Creates the index.
   *
   * @param files reads files' content
   * @param schemas the known schema blobs by ref, for files made of {@code bytes} schemas
   */
  ContentIndex(FileIndex files, Function<String, @Nullable SchemaBlob> schemas) {
    this.files = files;
    this.schemas = schemas;
  }

  /** Notes a stored {@code file} schema blob; it is read at the next lookup. */
  synchronized void fileStored(SchemaBlob file) {
    if (!wholeRefOf.containsKey(file.ref())) {
      unread.put(file.ref(), file);
    }
  }

  /** Forgets a removed blob, if it was a file schema. */
  synchronized void removed(String ref) {
    unread.remove(ref);
    String wholeRef = wholeRefOf.remove(ref);
    if (wholeRef != null) {
      SortedSet<String> same = byWholeRef.get(wholeRef);
      if (same != null && same.remove(ref) && same.isEmpty()) {
        byWholeRef.remove(wholeRef);
      }
    }
  }

  /**
   * Finds the file schema blobs whose whole content has a given ref.
   *
   * @param wholeRef the content's ref
   * @return their refs, in ref order
   */
  synchronized List<String> filesWithContent(String wholeRef) {
    for (Iterator<SchemaBlob> it = unread.values().iterator(); it.hasNext(); ) {
      SchemaBlob file = it.next();
      String content = files.fileInfo(file, schemas).wholeRef();
      if (content != null) {
        it.remove();
        wholeRefOf.put(file.ref(), content);
        byWholeRef.computeIfAbsent(content, k -> new TreeSet<>()).add(file.ref());
      }
    }
    SortedSet<String> found = byWholeRef.get(wholeRef);
    return found == null ? List.of() : new ArrayList<>(found);
  }
}
