package io.camlistore.client.internal.schema;

import io.camlistore.client.Blob;
import io.camlistore.protocol.schema.CanonicalJson;
import java.util.Map;

/** Schema maps serialized in Perkeep's canonical form ({@link CanonicalJson}) as client blobs. */
public final class SchemaBlobs {
  private SchemaBlobs() {}

  /**
   * Serializes a schema map in Perkeep's canonical form and wraps it as a blob.
   *
   * @param schema the schema's fields, without {@code camliVersion}
   * @param hashName the hash function for the blob's ref, e.g. {@code sha224}
   * @return the schema blob
   * @throws IllegalArgumentException as {@link CanonicalJson#schemaBytes(Map)}, or if the hash is
   *     unsupported
   */
  public static Blob of(Map<String, ?> schema, String hashName) {
    return Blob.withHash(CanonicalJson.schemaBytes(schema), hashName);
  }
}
