package io.camlistore.testkit.internal.search;

/**
 * A search request the server answers with an error: HTTP 500 and Perkeep's JSON error shape,
 * unless a status is given.
 */
final class SearchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int status;

  SearchException(String message) {
    this(500, message);
  }

  SearchException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** {@return the HTTP status of the answer} */
  int status() {
    return status;
  }
}
