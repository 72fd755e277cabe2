package io.camlistore.camel;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;
import org.jspecify.annotations.Nullable;

/**
 * Camel type converters between the client's value types and plain Java types, so that routes can
 * write {@code convertBodyTo(String.class)} on a blob or a fetched {@link CachedContent}, or give a
 * String where a {@link BlobRef} is expected. New blobs are named with {@value Blob#DEFAULT_HASH};
 * inputs over {@link Blob#MAX_SIZE} bytes are refused with a {@link BlobTooLargeException}.
 */
@org.apache.camel.Converter(generateLoader = true)
public final class CamlistoreConverters {
  private CamlistoreConverters() {}

  /**
   * Parses a blobref.
   *
   * @param text such as {@code sha224-5e11...}
   * @return the ref
   * @throws IllegalArgumentException quoting the text when it is not a blobref
   */
  @org.apache.camel.Converter
  public static BlobRef toBlobRef(String text) {
    return BlobRef.parse(text.trim());
  }

  /**
   * Writes a blobref as text.
   *
   * @param ref the ref
   * @return its canonical form
   */
  @org.apache.camel.Converter
  public static String toString(BlobRef ref) {
    return ref.toString();
  }

  /**
   * Copies a blob's bytes.
   *
   * @param blob the blob
   * @return its content
   */
  @org.apache.camel.Converter
  public static byte[] toByteArray(Blob blob) {
    return blob.data();
  }

  /**
   * Opens a blob's bytes as a stream.
   *
   * @param blob the blob
   * @return a stream over its content
   */
  @org.apache.camel.Converter
  public static InputStream toInputStream(Blob blob) {
    return blob.openStream();
  }

  /**
   * Decodes a blob's bytes as UTF-8.
   *
   * @param blob the blob
   * @return its content as text
   */
  @org.apache.camel.Converter
  public static String toString(Blob blob) {
    return blob.text();
  }

  /**
   * Makes a blob of text encoded as UTF-8.
   *
   * @param text the content
   * @return the blob
   * @throws IllegalArgumentException if it is larger than a blob may be
   */
  @org.apache.camel.Converter
  public static Blob toBlob(String text) {
    return BlobBodies.ofBytes(
        text.getBytes(StandardCharsets.UTF_8), Blob.DEFAULT_HASH, "a String to convert");
  }

  /**
   * Makes a blob of bytes.
   *
   * @param bytes the content
   * @return the blob
   * @throws IllegalArgumentException if it is larger than a blob may be
   */
  @org.apache.camel.Converter
  public static Blob toBlob(byte[] bytes) {
    return BlobBodies.ofBytes(bytes, Blob.DEFAULT_HASH, "a byte[] to convert");
  }

  /**
   * Reads a stream to its end (and closes it) into a blob.
   *
   * @param in the content
   * @return the blob
   * @throws IllegalArgumentException if it is larger than a blob may be
   * @throws java.io.UncheckedIOException if reading fails
   */
  @org.apache.camel.Converter
  public static Blob toBlob(InputStream in) {
    return BlobBodies.ofStream(in, Blob.DEFAULT_HASH, "a stream to convert");
  }

  /**
   * Reads a file into a blob.
   *
   * @param file the file
   * @return the blob
   * @throws IllegalArgumentException if it is larger than a blob may be
   * @throws java.io.UncheckedIOException if reading fails
   */
  @org.apache.camel.Converter
  public static Blob toBlob(File file) {
    try {
      return BlobBodies.ofStream(
          Files.newInputStream(file.toPath()), Blob.DEFAULT_HASH, "the file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Opens fetched content as a new stream, from its beginning.
   *
   * @param content the content get or getFile answered
   * @return a stream of its own; closing it leaves the content readable
   */
  @org.apache.camel.Converter
  public static InputStream toInputStream(CachedContent content) {
    return content.openStream();
  }

  /**
   * Reads fetched content.
   *
   * @param content the content get or getFile answered
   * @return its bytes
   */
  @org.apache.camel.Converter
  public static byte[] toByteArray(CachedContent content) {
    return content.toByteArray();
  }

  /**
   * Decodes fetched content as text.
   *
   * @param content the content get or getFile answered
   * @param exchange the exchange whose charset ({@link Exchange#CHARSET_NAME}) applies, else
   *     Camel's default (UTF-8); may be null
   * @return its text
   */
  @org.apache.camel.Converter
  public static String toString(CachedContent content, @Nullable Exchange exchange) {
    return new String(
        content.toByteArray(), Charset.forName(ExchangeHelper.getCharsetName(exchange, true)));
  }

  /**
   * Writes fetched content to a file, once.
   *
   * @param content the content get or getFile answered
   * @return the file, deleted when the content is closed or no longer referenced
   */
  @org.apache.camel.Converter
  public static File toFile(CachedContent content) {
    return content.toFile();
  }
}
