package io.camlistore.testkit.internal.index;

import io.camlistore.client.BlobRef;
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
 * builds a {@link Corpus} on demand, rebuilt only after the store changed. Thread-safe.
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
  private final AtomicLong generation = new AtomicLong();
  private @Nullable Corpus corpus;
  private long corpusGeneration = -1;

  /**
   * Creates the index and reads the schema blobs already in the store.
   *
   * @param store the blob store (add the index as its listener)
   * @param verifier decides which signed blobs count
   */
  public SchemaIndex(BlobStore store, ClaimVerifier verifier) {
    this.store = store;
    this.verifier = verifier;
    this.files = new FileIndex(this::read);
    for (BlobRef ref : store.refs()) {
      byte[] content = store.read(ref);
      if (content != null) {
        blobStored(ref, content);
      }
    }
  }

  @Override
  public void blobStored(BlobRef ref, byte[] content) {
    SchemaBlob schema = SchemaBlob.parse(ref.toString(), content);
    if (schema != null) {
      schemas.put(schema.ref(), schema);
    }
    generation.incrementAndGet();
  }

  @Override
  public void blobRemoved(BlobRef ref) {
    schemas.remove(ref.toString());
    files.forget(ref.toString());
    generation.incrementAndGet();
  }

  /** {@return the index as of now} */
  public synchronized Corpus corpus() {
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

  private Corpus build() {
    Map<String, SchemaBlob> snapshot = new HashMap<>(schemas);
    List<Claim> claims = new ArrayList<>();
    List<Deletion> deletions = new ArrayList<>();
    for (SchemaBlob blob : snapshot.values()) {
      if (!blob.camliType().equals("claim")) {
        continue;
      }
      String signer = blob.text("camliSigner");
      String type = blob.text("claimType");
      Instant date = Rfc3339.parse(blob.text("claimDate"));
      if (signer == null || type == null || date == null) {
        continue;
      }
      switch (type) {
        case "set-attribute", "add-attribute", "del-attribute" -> {
          String permanode = blob.text("permaNode");
          String attr = blob.text("attribute");
          if (permanode != null
              && BlobRef.parseOrNull(permanode) != null
              && attr != null
              && verifier.trusts(blob, signer)) {
            String value = blob.text("value");
            claims.add(
                new Claim(
                    blob.ref(), signer, permanode, date, type, attr, value == null ? "" : value));
          }
        }
        case "delete" -> {
          String target = blob.text("target");
          if (target != null
              && BlobRef.parseOrNull(target) != null
              && verifier.trusts(blob, signer)) {
            deletions.add(new Deletion(blob.ref(), target, date));
          }
        }
        default -> {
          // Other claims (share, multi) do not change permanodes.
        }
      }
    }
    return new Corpus(store, snapshot, claims, deletions, files, verifier.ownerRef());
  }

  private byte @Nullable [] read(String ref) {
    BlobRef parsed = BlobRef.parseOrNull(ref);
    return parsed == null ? null : store.read(parsed);
  }
}
