package io.camlistore.testkit.contract;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import io.camlistore.testkit.TestBlob;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Permanodes and claims signed by the target's sign helper, so that they are its owner's: the only
 * ones a real server's search counts.
 */
final class Signed {
  private Signed() {}

  /** {@return a new permanode no other run has made} */
  static TestBlob permanode(ContractTarget target, Instant claimDate) {
    return TestBlob.of(
        sign(
            target,
            PermanodeSchemas.permanode(key(target), "contract " + UUID.randomUUID(), claimDate)));
  }

  /** {@return a claim of the given type (set-attribute, add-attribute, del-attribute)} */
  static TestBlob claim(
      ContractTarget target,
      Instant date,
      String type,
      TestBlob permanode,
      String attribute,
      String value) {
    return TestBlob.of(
        sign(
            target,
            PermanodeSchemas.attributeClaim(
                key(target), date, type, permanode.blobRef(), attribute, value)));
  }

  /** {@return a claim that deletes a permanode or claim} */
  static TestBlob deletion(ContractTarget target, Instant date, TestBlob deleted) {
    return TestBlob.of(
        sign(target, PermanodeSchemas.deleteClaim(key(target), date, deleted.blobRef())));
  }

  /**
   * Signs a schema blob's JSON with the target's sign helper.
   *
   * @return the signed blob's bytes
   */
  static byte[] sign(ContractTarget target, String unsigned) {
    HttpResponse<byte[]> signed =
        target.send(
            target
                .signRequest("camli/sig/sign")
                .header("Content-Type", Blobs.FORM)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "json=" + URLEncoder.encode(unsigned, StandardCharsets.UTF_8))));
    if (signed.statusCode() != 200) {
      throw new IllegalStateException(
          "the sign helper of " + target + " refused " + unsigned + ": " + Blobs.text(signed));
    }
    return signed.body();
  }

  private static BlobRef key(ContractTarget target) {
    return BlobRef.parse(
        Objects.requireNonNull(target.publicKeyRef(), "the target has no sign helper"));
  }
}
