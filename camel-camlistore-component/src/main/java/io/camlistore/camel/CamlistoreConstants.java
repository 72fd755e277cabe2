package io.camlistore.camel;

import org.apache.camel.spi.Metadata;

/** Names of the message headers the {@code camlistore} component reads and writes. */
public final class CamlistoreConstants {
  /** Overrides the endpoint's operation for one message. */
  @Metadata(
      label = "producer",
      description =
          "The operation to perform for this message, overriding the one in the endpoint URI:"
              + " put, putMulti, get, exists, stat, enumerate, remove, putFile, putFiles, getFile,"
              + " describe, query, claims, createPermanode, setAttribute, addAttribute,"
              + " delAttribute or deletePermanode.",
      javaType = "io.camlistore.camel.CamlistoreOperation or String")
  public static final String OPERATION = "CamelCamlistoreOperation";

  /** The blobref a message is about. */
  @Metadata(
      description =
          "The blobref. Input of get, exists, stat, remove, getFile, describe, claims and deletePermanode"
              + " (a String or BlobRef, else the body; stat and remove also take a collection, or a"
              + " comma-separated String), and the permanode of setAttribute, addAttribute and"
              + " delAttribute (header only). Output of put: the stored blob's ref; of putFile: the"
              + " file schema's ref; of createPermanode: the new permanode (putMulti sets"
              + " CamelCamlistoreBlobRefs instead, and removes this header). On the enumerate"
              + " consumer: the delivered blob; on the query consumer: the permanode.",
      javaType = "io.camlistore.protocol.BlobRef")
  public static final String BLOB_REF = "CamelCamlistoreBlobRef";

  /** The size of the blob a message is about. */
  @Metadata(
      description =
          "The blob's size in bytes: set by put, get and exists (when the blob exists), and by the"
              + " consumer. For putFile and getFile: the file content's size. Removed by putMulti,"
              + " which sets CamelCamlistoreBlobSizes.",
      javaType = "Long")
  public static final String BLOB_SIZE = "CamelCamlistoreBlobSize";

  /** The refs of the blobs a batch stored. */
  @Metadata(
      label = "producer",
      description =
          "Set by putMulti: the refs of the stored blobs, one per item of the collection body, in"
              + " its order.",
      javaType = "java.util.List<io.camlistore.protocol.BlobRef>")
  public static final String BLOB_REFS = "CamelCamlistoreBlobRefs";

  /** The sizes of the blobs a batch stored. */
  @Metadata(
      label = "producer",
      description =
          "Set by putMulti: the sizes in bytes of the stored blobs, in the order of"
              + " CamelCamlistoreBlobRefs.",
      javaType = "java.util.List<Long>")
  public static final String BLOB_SIZES = "CamelCamlistoreBlobSizes";

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

  /** The schema type of a described blob. */
  @Metadata(
      description =
          "Set by describe: the blob's schema type (camliType) such as permanode, claim, file,"
              + " directory, static-set or bytes. Removed when the blob is plain data. Set to file"
              + " by putFile, removed by put and putMulti. Set by the query consumer: permanode.",
      javaType = "String")
  public static final String CAMLI_TYPE = "CamelCamlistoreCamliType";

  /** The modification time of a permanode the query consumer delivers. */
  @Metadata(
      label = "consumer",
      description =
          "Set by the query consumer: when the delivered permanode last changed (the date of its"
              + " newest claim); each change is delivered once.",
      javaType = "java.time.Instant")
  public static final String MOD_TIME = "CamelCamlistoreModTime";

  /** The permanode attribute an operation works on. */
  @Metadata(
      label = "producer",
      description =
          "The permanode attribute (such as title or tag) that setAttribute, addAttribute and"
              + " delAttribute change (required), and that claims lists the claims of (optional:"
              + " without it claims lists every claim).",
      javaType = "String")
  public static final String ATTRIBUTE = "CamelCamlistoreAttribute";

  /** The attribute value an attribute claim sets, adds or removes. */
  @Metadata(
      label = "producer",
      description =
          "The value setAttribute sets and addAttribute adds (else the body is the value), and the"
              + " one value delAttribute removes (header only: without it delAttribute removes every"
              + " value). A String, or a BlobRef, number or boolean, written as text.",
      javaType = "String")
  public static final String ATTRIBUTE_VALUE = "CamelCamlistoreAttributeValue";

  /** The page size of a query. */
  @Metadata(
      label = "producer",
      description =
          "The most results query returns, at least 1, overriding the limit of a SearchQuery body;"
              + " without it the query's own limit, else the server's default (200), applies.",
      javaType = "Integer")
  public static final String QUERY_LIMIT = "CamelCamlistoreQueryLimit";

  /** Where a query continues. */
  @Metadata(
      label = "producer",
      description =
          "Input of query: continue after the page that returned this token (same query, limit"
              + " and sort). Output of query: the token of the next page, removed when the page was"
              + " the last one; so a loop sends the same message again until the header is gone.",
      javaType = "String")
  public static final String CONTINUE_TOKEN = "CamelCamlistoreContinueToken";

  /** The name of a stored file. */
  @Metadata(
      label = "producer",
      description =
          "The file name putFile records (putFiles: the header of each grouped exchange); without"
              + " it the last segment of CamelFileName, else the local file's name, is used. Set by"
              + " putFile, and by getFile (removed when the stored file has no name).",
      javaType = "String")
  public static final String FILE_NAME = "CamelCamlistoreFileName";

  /** Whether a permanode is created for a stored file. */
  @Metadata(
      label = "producer",
      description =
          "Whether putFile and putFiles also give each file a permanode derived from its content,"
              + " overriding the permanode option. Needs a signer.",
      javaType = "Boolean")
  public static final String PERMANODE = "CamelCamlistorePermanode";

  /** The permanode created for a stored file. */
  @Metadata(
      label = "producer",
      description =
          "Set by putFile when a permanode was created for the file: the permanode's ref. Removed"
              + " otherwise.",
      javaType = "io.camlistore.protocol.BlobRef")
  public static final String PERMANODE_REF = "CamelCamlistorePermanodeRef";

  private CamlistoreConstants() {}
}
