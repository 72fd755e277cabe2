package io.camlistore.testkit.internal.index;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.sign.JsonSigner;
import io.camlistore.protocol.sign.SignedBlobVerifier;
import io.camlistore.testkit.TestBlob;
import io.camlistore.testkit.TestIdentity;
import io.camlistore.testkit.internal.BlobStore;
import io.camlistore.testkit.internal.MemoryContentStore;

/**
 * A schema index over an in-memory store that already holds the test identity's public key, so that
 * claims signed by {@link #SIGNER} are verified and count.
 */
public final class IndexFixture {
  /** Signs the claims the index accepts. */
  public static final JsonSigner SIGNER = TestIdentity.signer();

  /** The ref of {@link #SIGNER}'s public key. */
  public static final BlobRef KEY = SIGNER.publicKeyBlobRef();

  private final BlobStore store = new BlobStore(new MemoryContentStore());
  private final SchemaIndex index =
      new SchemaIndex(
          store,
          new ClaimVerifier(
              SignedBlobVerifier.forPublicKeyBlob(SIGNER.publicKeyBlob()),
              ref -> store.read(BlobRef.parse(ref))));

  /** Makes the index listen to the store and stores the public key. */
  public IndexFixture() {
    store.addListener(index);
    put(TestBlob.of(SIGNER.publicKeyBlob()));
  }

  /** {@return the store the index listens to} */
  public BlobStore store() {
    return store;
  }

  /** {@return the index} */
  public SchemaIndex index() {
    return index;
  }

  /**
   * Stores a blob, which the index then reads.
   *
   * @param blob the blob
   * @return the blob
   */
  public TestBlob put(TestBlob blob) {
    store.put(blob.blobRef(), blob.data());
    return blob;
  }
}
