package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.sign.JsonSigner;
import io.camlistore.protocol.sign.SignedBlobVerifier;
import io.camlistore.testkit.internal.BlobStore;
import io.camlistore.testkit.internal.Mount;
import io.camlistore.testkit.internal.index.ClaimVerifier;
import io.camlistore.testkit.internal.index.SchemaIndex;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Plugs Perkeep's search into an embedded server: an index of the schema blobs kept up to date as
 * the store changes, and the search handler answering from it under {@link SearchHandler#ROOT}. The
 * blob protocol server knows it only as a {@link Mount}.
 */
public final class SearchEmulation {
  private SearchEmulation() {}

  /**
   * Indexes a store (what it holds now and every later change) and makes the search handler.
   *
   * @param store the server's blob store
   * @param owner the server's identity, whose claims alone the index counts; null to count every
   *     claim whose signature verifies
   * @return the search handler, to mount on the server
   */
  public static Mount attach(BlobStore store, @Nullable JsonSigner owner) {
    SignedBlobVerifier ownerKey =
        owner == null ? null : SignedBlobVerifier.forPublicKeyBlob(owner.publicKeyBlob());
    SchemaIndex index =
        new SchemaIndex(
            store,
            new ClaimVerifier(
                ownerKey,
                ref -> {
                  BlobRef parsed = BlobRef.parseOrNull(ref);
                  return parsed == null ? null : store.read(parsed);
                }));
    store.addListener(index);
    return new Mount(SearchHandler.ROOT, new SearchHandler(index, Clock.systemUTC())::handle);
  }
}
