package io.camlistore.camel;

import io.camlistore.client.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConverter;

/**
 * Turns a message body into one blob with Camel's type converters: anything Camel can convert to an
 * {@link InputStream} or a {@code byte[]} (bytes, text in the exchange's charset, files, Camel
 * files, streams, readers, {@link CachedContent}...). Refuses more than {@link Blob#MAX_SIZE} bytes
 * with a {@link BlobTooLargeException}, after reading at most one byte more.
 */
final class BlobBodies {
  private BlobBodies() {}

  /** {@return whether reading the body consumes it, so that the caller must keep what was read} */
  static boolean isConsumedByReading(Object body) {
    return body instanceof InputStream;
  }

  /**
   * Converts one body to a blob.
   *
   * @param body the body; a {@link Blob} is taken as it is, with its own hash
   * @param hashFunction the hash to name new blobs with
   * @param exchange the exchange, for the type converters and the charset
   * @param what the operation and body, for messages, such as {@code put: the body}
   * @return the blob
   * @throws IllegalArgumentException if Camel cannot convert the body to bytes
   * @throws BlobTooLargeException if it holds more than a blob may
   * @throws UncheckedIOException if reading a stream or file fails
   */
  static Blob toBlob(Object body, String hashFunction, Exchange exchange, String what) {
    if (body instanceof Blob blob) {
      return blob;
    }
    String described = what + " (a " + body.getClass().getName() + ")";
    if (body instanceof byte[] bytes) {
      return ofBytes(bytes, hashFunction, described);
    }
    TypeConverter converter = exchange.getContext().getTypeConverter();
    InputStream in = converter.tryConvertTo(InputStream.class, exchange, body);
    if (in != null) {
      return ofStream(in, hashFunction, described);
    }
    byte[] bytes = converter.tryConvertTo(byte[].class, exchange, body);
    if (bytes == null) {
      throw new IllegalArgumentException(
          described
              + " cannot be stored: Camel has no type converter from "
              + body.getClass().getName()
              + " to byte[] or InputStream");
    }
    return ofBytes(bytes, hashFunction, described);
  }

  /**
   * {@return a blob of bytes}
   *
   * @param described the operation and value, for the message
   * @throws BlobTooLargeException if they are more than a blob may hold
   */
  static Blob ofBytes(byte[] bytes, String hashFunction, String described) {
    if (bytes.length > Blob.MAX_SIZE) {
      throw new BlobTooLargeException(described);
    }
    return Blob.withHash(bytes, hashFunction);
  }

  /**
   * {@return a blob of a stream's content} Reads it to its end, or one byte past the blob limit,
   * and closes it.
   *
   * @param described the operation and value, for messages
   * @throws BlobTooLargeException if it holds more than a blob may
   * @throws UncheckedIOException if reading fails
   */
  static Blob ofStream(InputStream in, String hashFunction, String described) {
    try (in) {
      byte[] bytes = in.readNBytes(Blob.MAX_SIZE + 1);
      if (bytes.length > Blob.MAX_SIZE) {
        throw new BlobTooLargeException(described);
      }
      return Blob.withHash(bytes, hashFunction);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading " + described + " to store failed: " + e.getMessage(), e);
    }
  }
}
