package io.camlistore.camel;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobRef;
import java.io.File;
import java.io.InputStream;

/**
 * Camel type converters between the client's value types and plain Java types, so that routes can
 * write {@code convertBodyTo(String.class)} on a blob or give a String where a {@link BlobRef} is
 * expected. New blobs are named with {@value Blob#DEFAULT_HASH}; inputs over {@link Blob#MAX_SIZE}
 * bytes are refused.
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
    return BlobBodies.toBlob(text, Blob.DEFAULT_HASH);
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
    return BlobBodies.toBlob(bytes, Blob.DEFAULT_HASH);
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
    return BlobBodies.toBlob(in, Blob.DEFAULT_HASH);
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
    return BlobBodies.toBlob(file, Blob.DEFAULT_HASH);
  }
}
