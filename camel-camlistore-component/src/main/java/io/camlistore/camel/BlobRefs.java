package io.camlistore.camel;

import io.camlistore.protocol.BlobRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * Reads the blobrefs an operation works on from a message: the {@link CamlistoreConstants#BLOB_REF}
 * header, else the body when it is a ref. Errors name the operation, where the ref was looked for,
 * and the input.
 */
final class BlobRefs {
  private BlobRefs() {}

  /**
   * {@return the one ref an operation needs}
   *
   * @throws IllegalArgumentException if there is none, more than one, or it is malformed
   */
  static BlobRef single(Exchange exchange, CamlistoreOperation operation) {
    return exactlyOne(many(exchange, operation), operation);
  }

  /**
   * {@return the one ref in the {@link CamlistoreConstants#BLOB_REF} header, for an operation whose
   * body is another input}
   *
   * @param what what the ref names, for the error message, such as {@code permanode}
   * @throws IllegalArgumentException if the header is absent, holds more than one ref, or a
   *     malformed one
   */
  static BlobRef singleFromHeader(Exchange exchange, CamlistoreOperation operation, String what) {
    Object header = exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF);
    if (header == null) {
      throw new IllegalArgumentException(
          operation
              + " needs the "
              + what
              + " blobref in header "
              + CamlistoreConstants.BLOB_REF
              + " (a String or BlobRef); the body is not read for it");
    }
    return exactlyOne(
        parseAll(header, "header " + CamlistoreConstants.BLOB_REF, operation), operation);
  }

  private static BlobRef exactlyOne(List<BlobRef> refs, CamlistoreOperation operation) {
    if (refs.size() != 1) {
      throw new IllegalArgumentException(
          operation + " needs exactly one blobref, got " + refs.size() + ": " + refs);
    }
    return refs.get(0);
  }

  /**
   * {@return the refs an operation works on: a BlobRef or String (comma-separated for several) or a
   * collection of them}
   *
   * @throws IllegalArgumentException if there are none, or one is malformed
   */
  static List<BlobRef> many(Exchange exchange, CamlistoreOperation operation) {
    Object header = exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF);
    if (header != null) {
      return parseAll(header, "header " + CamlistoreConstants.BLOB_REF, operation);
    }
    Object body = exchange.getMessage().getBody();
    boolean blankText = body instanceof CharSequence text && text.toString().isBlank();
    if (body instanceof BlobRef
        || (body instanceof CharSequence && !blankText)
        || body instanceof Collection) {
      return parseAll(body, "the body", operation);
    }
    throw new IllegalArgumentException(
        operation
            + " needs a blobref in header "
            + CamlistoreConstants.BLOB_REF
            + " (a String or BlobRef) or as the message body; found neither"
            + (body == null || blankText
                ? ""
                : " (the body is a " + body.getClass().getName() + ")"));
  }

  private static List<BlobRef> parseAll(Object value, String where, CamlistoreOperation operation) {
    List<BlobRef> refs = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      for (Object item : collection) {
        refs.add(parseOne(item, where, operation));
      }
    } else if (value instanceof BlobRef ref) {
      refs.add(ref);
    } else {
      for (String part : value.toString().split(",", -1)) {
        refs.add(parseOne(part, where, operation));
      }
    }
    if (refs.isEmpty()) {
      throw new IllegalArgumentException(operation + " needs a blobref; " + where + " is empty");
    }
    return refs;
  }

  private static BlobRef parseOne(
      @Nullable Object item, String where, CamlistoreOperation operation) {
    if (item instanceof BlobRef ref) {
      return ref;
    }
    if (item == null) {
      throw new IllegalArgumentException(operation + ": " + where + " holds a null blobref");
    }
    try {
      return BlobRef.parse(item.toString().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(operation + ": " + where + ": " + e.getMessage(), e);
    }
  }
}
