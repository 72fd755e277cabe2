package io.camlistore.client;

import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Signs the permanode and claims {@link FileOptions} ask for once a file or directory is in an
 * upload pipeline, and adds them to it: the pipeline sends each claim only after the permanode and
 * the stored content, so the server never holds a claim naming content it lacks.
 *
 * <p>A {@link FileOptions#contentPermanode()} is what {@code pk-put file -filenodes} makes: a
 * planned permanode keyed by the whole content's ref and signed at time 0, and claims dated (and
 * signed at) the file's modification time; being deterministic, its blobs go through the pipeline's
 * stat like content. A {@link FileOptions#permanode()} is new (random, dated now), so its blobs
 * skip the stat. Thread-safe.
 */
final class FilePermanodes {
  private final PermanodeClient permanodes;

  FilePermanodes(PermanodeClient permanodes) {
    this.permanodes = permanodes;
  }

  /**
   * Adds a local signer's public key blob to the pipeline (the server needs it to verify what the
   * key signed; the pipeline's stat skips it when stored) and returns it as the child every signed
   * blob names. The server's sign helper signs with the server's own key, which it has.
   *
   * @param pipeline the pipeline
   * @param signer the signer
   * @return the key blob's ref for a local signer, else nothing
   */
  static List<BlobRef> addKey(UploadPipeline pipeline, Signer signer) {
    if (signer instanceof LocalSigner local) {
      pipeline.add(local.publicKeyBlob(), List.of(), null, false);
      return List.of(local.publicKeyBlobRef());
    }
    return List.of();
  }

  /**
   * Signs the permanode and claims for stored content and adds them to the pipeline.
   *
   * @param pipeline where the content's blobs went
   * @param unit the content's unit, or null
   * @param signer signs every blob
   * @param keyChildren what {@link #addKey} returned for the signer
   * @param options which permanode, and its title and tags
   * @param name the file or directory name, the default title of a new permanode
   * @param contentRef the file or directory schema's ref
   * @param wholeRef the ref of the whole content, the key of a content permanode; null otherwise
   * @param modificationTime the file's modification time, the date of a content permanode's claims
   * @return the permanode's ref
   * @throws CamlistoreException if signing fails
   */
  BlobRef add(
      UploadPipeline pipeline,
      UploadPipeline.@Nullable Unit unit,
      Signer signer,
      List<BlobRef> keyChildren,
      FileOptions options,
      String name,
      BlobRef contentRef,
      @Nullable BlobRef wholeRef,
      @Nullable Instant modificationTime) {
    BlobRef key = signer.publicKeyBlobRef();
    boolean fromContent = options.permanodeFromContent();
    String unsignedPermanode;
    if (fromContent) {
      if (wholeRef == null) {
        throw new IllegalArgumentException("a content permanode needs the content's ref");
      }
      unsignedPermanode =
          PermanodeSchemas.plannedPermanode(
              key, wholeRef.toString(), PermanodeSchemas.PLANNED_CLAIM_DATE);
    } else {
      unsignedPermanode = permanodes.newPermanode(key);
    }
    Blob permanode = Blob.of(signer.sign(unsignedPermanode));
    pipeline.add(permanode, keyChildren, unit, !fromContent);

    List<BlobRef> claimChildren = new ArrayList<>(keyChildren);
    claimChildren.add(permanode.blobRef());
    claimChildren.add(contentRef);
    Instant contentDate =
        modificationTime == null || modificationTime.equals(Instant.EPOCH)
            ? PermanodeSchemas.UNDATED_CLAIM_DATE
            : modificationTime;
    String title = options.title();
    if (title == null && !fromContent) {
      title = name;
    }
    List<Claim> claims = new ArrayList<>();
    claims.add(new Claim("set-attribute", "camliContent", contentRef.toString()));
    if (title != null) {
      claims.add(new Claim("set-attribute", "title", title));
    }
    for (String tag : options.tags()) {
      claims.add(new Claim("add-attribute", "tag", tag));
    }
    for (Claim claim : claims) {
      Instant date = fromContent ? contentDate : permanodes.nextDate();
      String unsigned =
          PermanodeSchemas.attributeClaim(
              key, date, claim.type(), permanode.blobRef(), claim.attribute(), claim.value());
      pipeline.add(Blob.of(signer.sign(unsigned)), claimChildren, unit, !fromContent);
    }
    return permanode.blobRef();
  }

  /** One attribute claim to make. */
  private record Claim(String type, String attribute, String value) {}
}
