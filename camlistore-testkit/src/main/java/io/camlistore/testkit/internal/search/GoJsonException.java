package io.camlistore.testkit.internal.search;

/** A request body Go's {@code encoding/json} would reject, with the message Go gives. */
final class GoJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  GoJsonException(String goMessage) {
    super(goMessage);
  }
}
