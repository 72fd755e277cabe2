package io.camlistore.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a {@code camlistore:} endpoint does: the URI path ({@code camlistore:put}), overridable per
 * message by the {@link CamlistoreConstants#OPERATION} header. The constant names are the URI
 * spellings, so they are lower case.
 */
public enum CamlistoreOperation {
  /** Stores the body as one blob, of at most 16 MiB. */
  put,
  /** Stores each item of a collection body as one blob, in one batch. */
  putMulti,
  /** Fetches a blob, as a body that can be read after the exchange and more than once. */
  get,
  /** Tells whether the server has a blob. */
  exists,
  /** Asks for the sizes of one or more blobs. */
  stat,
  /**
   * Lists one page of blobs in blobref order (producer), or delivers every blob once, including
   * those stored later (consumer).
   */
  enumerate,
  /** Removes blobs, where the server allows it. */
  remove,
  /** Stores the body as a file of any size (chunks and a file schema), streaming it. */
  putFile,
  /**
   * Stores a batch of files (an aggregated exchange's group, or a collection of files) in few round
   * trips, each with its own result; idempotent.
   */
  putFiles,
  /** Fetches a stored file's content, as a body that can be read after the exchange. */
  getFile,
  /** Describes a blob from the server's index: its type, size, and a permanode's attributes. */
  describe,
  /**
   * Runs a search query (an expression or a {@code SearchQuery}) and answers one page (producer),
   * or delivers each permanode matching an expression when it appears and when it changes
   * (consumer).
   */
  query,
  /** Lists the claims on a permanode, optionally on one attribute. */
  claims,
  /** Creates a signed permanode, optionally with attributes. */
  createPermanode,
  /** Sets a permanode attribute, replacing its values, with a signed claim. */
  setAttribute,
  /** Adds a value to a permanode attribute with a signed claim. */
  addAttribute,
  /** Removes one value, or every value, of a permanode attribute with a signed claim. */
  delAttribute,
  /** Marks a permanode (or a claim) deleted with a signed delete claim. */
  deletePermanode;

  /**
   * Parses an operation name as written in a URI or header.
   *
   * @param name the operation name, such as {@code put}
   * @return the operation
   * @throws IllegalArgumentException naming the input and the valid operations
   */
  public static CamlistoreOperation parse(String name) {
    for (CamlistoreOperation operation : values()) {
      if (operation.name().equals(name.trim())) {
        return operation;
      }
    }
    throw new IllegalArgumentException(
        "unknown camlistore operation '" + name + "'; valid operations: " + names());
  }

  /** {@return the valid operation names, comma-separated} */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
