package io.camlistore.testkit.internal.index;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.BlobListener;
import io.camlistore.testkit.internal.BlobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The embedded server's search index: observes the blob store, remembers its schema blobs, and
 * builds a {@link Corpus} on demand, rebuilt only after the store changed. Files by content are
 * indexed as they arrive ({@link ContentIndex}), so the {@code files} lookup needs no rebuild.
 * Thread-safe.
 *
 * <p>Like a real server's index it is fed synchronously: once an upload is acknowledged, searches
 * see its blobs. Unlike one, it needs no dependency order: a file whose chunks arrive after its
 * schema, or a claim whose signer's key arrives later, is picked up at the next search.
 */
public final class SchemaIndex implements BlobListener {
  private final BlobStore store;
  private final ClaimVerifier verifier;
  private final FileIndex files;
  private final Map<String, SchemaBlob> schemas = new ConcurrentHashMap<>();

  /** The claims among {@link #schemas}, read once when they arrive; trust is decided per build. */
  private final Map<String, SignedChange> changes = new ConcurrentHashMap<>();

  private final ContentIndex contents;
  private final AtomicLong generation = new AtomicLong();
  private @Nullable Corpus corpus;
  private long corpusGeneration = -1;
  private volatile boolean scanned;

  /**
   * Creates the index. The blobs already in the store (a storage directory's) are read at the first
   * search, so that a server that is never searched does not read them.
   *
   * @param store the blob store (add the index as its listener)
   * @param verifier decides which signed blobs count
   */
  public SchemaIndex(BlobStore store, ClaimVerifier verifier) {
    this.store = store;
    this.verifier = verifier;
    this.files = new FileIndex(this::read);
    this.contents = new ContentIndex(files, schemas::get);
  }

  @Override
  public void blobStored(BlobRef ref, byte[] content) {
    SchemaBlob schema = SchemaBlob.parse(ref.toString(), content);
    if (schema != null) {
      schemas.put(schema.ref(), schema);
      SignedChange change = SignedChange.of(schema);
      if (change != null) {
        changes.put(schema.ref(), change);
      }
      if (schema.camliType().equals("file")) {
        contents.fileStored(schema);
      }
    }
    generation.incrementAndGet();
  }

  @Override
  public void blobRemoved(BlobRef ref) {
    schemas.remove(ref.toString());
    changes.remove(ref.toString());
    files.forget(ref.toString());
    contents.removed(ref.toString());
    generation.incrementAndGet();
  }

  /** {@return the index as of now} */
  public synchronized Corpus corpus() {
    scanStore();
    long current = generation.get();
    Corpus built = corpus;
    if (built != null && corpusGeneration == current) {
      return built;
    }
    built = build();
    corpus = built;
    corpusGeneration = current;
    return built;
  }

  /**
   * Finds the stored file schema blobs whose whole content has a given ref, without building a
   * corpus.
   *
   * @param wholeRef the content's ref
   * @return the file schema blobs, in ref order
   */
  public List<String> filesWithContent(String wholeRef) {
    if (!scanned) {
      synchronized (this) {
        scanStore();
      }
    }
    List<String> found = new ArrayList<>();
    for (String ref : contents.filesWithContent(wholeRef)) {
      if (store.size(ref) != null) {
        found.add(ref);
      }
    }
    return found;
  }

  /** Reads the blobs that were in the store before the index, once. */
  private void scanStore() {
    if (scanned) {
      return;
    }
    for (BlobRef ref : store.refs()) {
      byte[] content = store.read(ref);
      if (content != null) {
        blobStored(ref, content);
        if (store.size(ref.toString()) == null) {
          // Removed while it was being read: forget it again.
          blobRemoved(ref);
        }
      }
    }
    scanned = true;
  }

  private Corpus build() {
    Map<String, SchemaBlob> snapshot = new HashMap<>(schemas);
    List<Claim> claims = new ArrayList<>();
    List<Deletion> deletions = new ArrayList<>();
    for (SchemaBlob blob : snapshot.values()) {
      SignedChange change = changes.get(blob.ref());
      if (change == null || !verifier.trusts(blob, change.signer())) {
        continue;
      }
      if (change.claim() != null) {
        claims.add(change.claim());
      } else if (change.deletion() != null) {
        deletions.add(change.deletion());
      }
    }
    return new Corpus(store, snapshot, claims, deletions, files, verifier.ownerRef());
  }

  private byte @Nullable [] read(String ref) {
    BlobRef parsed = BlobRef.parseOrNull(ref);
    return parsed == null ? null : store.read(parsed);
  }

  /**
   * A claim blob that changes permanodes: an attribute claim or a {@code delete} claim, as read
   * from its JSON (whether its signature counts is the verifier's decision).
   */
  private record SignedChange(String signer, @Nullable Claim claim, @Nullable Deletion deletion) {
    /** Reads a schema blob's change, or null when it is not a well-formed such claim. */
    static @Nullable SignedChange of(SchemaBlob blob) {
      if (!blob.camliType().equals("claim")) {
        return null;
      }
      String signer = blob.text("camliSigner");
      String type = blob.text("claimType");
      Instant date = Rfc3339.parse(blob.text("claimDate"));
      // A real server ignores a claim dated exactly at the Unix epoch (its "no date").
      if (signer == null || type == null || date == null || date.equals(Instant.EPOCH)) {
        return null;
      }
      switch (type) {
        case "set-attribute", "add-attribute", "del-attribute" -> {
          String permanode = blob.text("permaNode");
          String attr = blob.text("attribute");
          if (permanode == null || BlobRef.parseOrNull(permanode) == null || attr == null) {
            return null;
          }
          String value = blob.text("value");
          return new SignedChange(
              signer,
              new Claim(
                  blob.ref(), signer, permanode, date, type, attr, value == null ? "" : value),
              null);
        }
        case "delete" -> {
          String target = blob.text("target");
          if (target == null || BlobRef.parseOrNull(target) == null) {
            return null;
          }
          return new SignedChange(signer, null, new Deletion(blob.ref(), target, date));
        }
        default -> {
          // Other claims (share, multi) do not change permanodes.
          return null;
        }
      }
    }
  }
}
