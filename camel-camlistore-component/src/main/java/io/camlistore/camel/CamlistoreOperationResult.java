package io.camlistore.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;
import org.jspecify.annotations.Nullable;

/**
 * What one producer operation answers: a new body (or none, to keep the message's body) and the
 * headers to set. A header given a null value is removed from the message, so that a stale value
 * from an earlier step never survives. Immutable.
 */
final class CamlistoreOperationResult {
  private final @Nullable Object body;
  private final boolean replacesBody;
  private final Map<String, @Nullable Object> headers;

  private CamlistoreOperationResult(
      @Nullable Object body, boolean replacesBody, Map<String, @Nullable Object> headers) {
    this.body = body;
    this.replacesBody = replacesBody;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** {@return a result that replaces the body} */
  static CamlistoreOperationResult create(Object body, Headers headers) {
    return new CamlistoreOperationResult(body, true, headers.values);
  }

  /** {@return a result that keeps the message's body and only sets headers} */
  static CamlistoreOperationResult headersOnly(Headers headers) {
    return new CamlistoreOperationResult(null, false, headers.values);
  }

  /** {@return the new body, or null when the body is kept} */
  @Nullable Object body() {
    return body;
  }

  /** {@return whether the message's body is replaced} */
  boolean replacesBody() {
    return replacesBody;
  }

  /** {@return the headers to set (null values: to remove)} */
  Map<String, @Nullable Object> headers() {
    return headers;
  }

  /** Copies the body and headers onto a message. */
  void applyTo(Message message) {
    if (replacesBody) {
      message.setBody(body);
    }
    headers.forEach(
        (name, value) -> {
          if (value == null) {
            message.removeHeader(name);
          } else {
            message.setHeader(name, value);
          }
        });
  }

  /** {@return an empty header set, to fill fluently} */
  static Headers newHeaders() {
    return new Headers();
  }

  /** The headers of a result, built fluently. Not thread-safe. */
  static final class Headers {
    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    private Headers() {}

    /** Sets {@link CamlistoreConstants#BLOB_REF}, or removes it when null. */
    Headers blobRef(@Nullable Object ref) {
      values.put(CamlistoreConstants.BLOB_REF, ref);
      return this;
    }

    /** Sets {@link CamlistoreConstants#BLOB_SIZE}, or removes it when null. */
    Headers blobSize(@Nullable Object size) {
      values.put(CamlistoreConstants.BLOB_SIZE, size);
      return this;
    }

    /** Sets {@link CamlistoreConstants#BLOB_REFS}. */
    Headers blobRefs(List<?> refs) {
      values.put(CamlistoreConstants.BLOB_REFS, refs);
      return this;
    }

    /** Sets {@link CamlistoreConstants#BLOB_SIZES}. */
    Headers blobSizes(List<Long> sizes) {
      values.put(CamlistoreConstants.BLOB_SIZES, sizes);
      return this;
    }

    /** Sets {@link CamlistoreConstants#CAMLI_TYPE}, or removes it when null. */
    Headers camliType(@Nullable String type) {
      values.put(CamlistoreConstants.CAMLI_TYPE, type);
      return this;
    }

    /** Sets {@link CamlistoreConstants#FILE_NAME}, or removes it when null. */
    Headers fileName(@Nullable String name) {
      values.put(CamlistoreConstants.FILE_NAME, name);
      return this;
    }

    /** Sets {@link CamlistoreConstants#PERMANODE_REF}, or removes it when null. */
    Headers permanodeRef(@Nullable Object ref) {
      values.put(CamlistoreConstants.PERMANODE_REF, ref);
      return this;
    }

    /** Sets {@link CamlistoreConstants#CONTINUE_TOKEN}, or removes it when null. */
    Headers continueToken(@Nullable String token) {
      values.put(CamlistoreConstants.CONTINUE_TOKEN, token);
      return this;
    }

    /** Sets {@link CamlistoreConstants#CONTINUE_AFTER}, or removes it when null. */
    Headers continueAfter(@Nullable String cursor) {
      values.put(CamlistoreConstants.CONTINUE_AFTER, cursor);
      return this;
    }
  }
}
