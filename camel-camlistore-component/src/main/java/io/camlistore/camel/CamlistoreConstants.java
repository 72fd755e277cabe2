package io.camlistore.camel;

import org.apache.camel.spi.Metadata;

/** Names of the message headers the {@code camlistore} component reads and writes. */
public final class CamlistoreConstants {
  /** Overrides the endpoint's operation for one message. */
  @Metadata(
      label = "producer",
      description =
          "The operation to perform for this message, overriding the one in the endpoint URI:"
              + " put, get, exists, stat, enumerate or remove.",
      javaType = "io.camlistore.camel.CamlistoreOperation or String")
  public static final String OPERATION = "CamelCamlistoreOperation";

  /** The blobref a message is about. */
  @Metadata(
      description =
          "The blobref. Input of get, exists, stat and remove (a String or BlobRef; stat and remove"
              + " also take a collection, or a comma-separated String). Output of put: the stored"
              + " blob's ref, or a List of refs for a batch. On the consumer: the delivered blob.",
      javaType = "io.camlistore.client.BlobRef")
  public static final String BLOB_REF = "CamelCamlistoreBlobRef";

  /** The size of the blob a message is about. */
  @Metadata(
      description =
          "The blob's size in bytes: set by put (a List of sizes for a batch), get and exists"
              + " (when the blob exists), and by the consumer.",
      javaType = "Long")
  public static final String BLOB_SIZE = "CamelCamlistoreBlobSize";

  /** Overrides the hash function used by put. */
  @Metadata(
      label = "producer",
      description =
          "The hash function put names the blob with, overriding the hashFunction option: sha224,"
              + " sha256 or sha1.",
      javaType = "String")
  public static final String HASH_FUNCTION = "CamelCamlistoreHashFunction";

  /** Overrides the page size of the enumerate producer. */
  @Metadata(
      label = "producer",
      description = "The most blobs enumerate returns, 1 to 10000, overriding the limit option.",
      javaType = "Integer")
  public static final String LIMIT = "CamelCamlistoreLimit";

  /** Where the enumerate producer starts. */
  @Metadata(
      label = "producer",
      description =
          "Enumerate lists the blobs whose refs sort after this text (exclusive; any string, such"
              + " as a ref prefix). Pass the previous answer's CamelCamlistoreContinueAfter here to"
              + " fetch the next page.",
      javaType = "String")
  public static final String AFTER = "CamelCamlistoreAfter";

  /** Where the next enumerate page starts. */
  @Metadata(
      label = "producer",
      description =
          "Set by enumerate when the page was full: the cursor for the next page (give it back as"
              + " CamelCamlistoreAfter). Removed when the page was the last one.",
      javaType = "String")
  public static final String CONTINUE_AFTER = "CamelCamlistoreContinueAfter";

  private CamlistoreConstants() {}
}
