package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A blob: immutable bytes and their blobref under one hash function.
 *
 * <p>Made by the factories {@link #of(byte[])}, {@link #withHash(byte[], String)}, {@link
 * #copyOfRange(byte[], int, int, String)} and {@link #verified(byte[], BlobRef)}. The bytes are
 * copied in on creation and never exposed for mutation; {@link #data()} returns a copy, while
 * {@link #openStream()} and {@link #writeTo(OutputStream)} read them without copying. Thread-safe.
 *
 * <pre>{@code
 * Blob blob = Blob.of("Hello, Perkeep!\n");
 * blob.blobRef(); // sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3
 * }</pre>
 */
public final class Blob {
  /** The hash function used when none is named: {@code sha224}, the server's own. */
  public static final String DEFAULT_HASH = "sha224";

  /** The largest blob a Perkeep server accepts: 16 MiB. */
  public static final int MAX_SIZE = 16 * 1024 * 1024;

  private final byte[] data;
  private final String hashFuncName;
  private final BlobRef blobRef;

  private Blob(byte[] owned, BlobRef blobRef) {
    this.data = owned;
    this.hashFuncName = blobRef.hashName();
    this.blobRef = blobRef;
  }

  private static Blob hashed(byte[] owned, String hashFuncName) {
    return new Blob(
        owned, BlobRef.compute(Objects.requireNonNull(hashFuncName, "hashFuncName"), owned));
  }

  /**
   * Creates a blob from text encoded as UTF-8, hashed with {@value #DEFAULT_HASH}.
   *
   * @param text the text
   * @return the blob
   */
  public static Blob of(String text) {
    return hashed(text.getBytes(StandardCharsets.UTF_8), DEFAULT_HASH);
  }

  /**
   * Creates a blob from bytes, hashed with {@value #DEFAULT_HASH}.
   *
   * @param data the bytes (copied)
   * @return the blob
   */
  public static Blob of(byte[] data) {
    return withHash(data, DEFAULT_HASH);
  }

  /**
   * Creates a blob hashed with the named function.
   *
   * @param data the bytes (copied)
   * @param hashFuncName {@code sha224}, {@code sha1} or {@code sha256}
   * @return the blob
   * @throws IllegalArgumentException if the hash function is not supported
   */
  public static Blob withHash(byte[] data, String hashFuncName) {
    return hashed(data.clone(), hashFuncName);
  }

  /**
   * Creates a blob of part of an array, hashed with the named function: the one copy a producer of
   * many blobs (a chunker reading into a buffer) needs.
   *
   * @param array the array
   * @param offset where the blob's bytes start in the array
   * @param length the blob's size
   * @param hashFuncName {@code sha224}, {@code sha1} or {@code sha256}
   * @return the blob
   * @throws IndexOutOfBoundsException if the range lies outside the array
   * @throws IllegalArgumentException if the hash function is not supported
   */
  public static Blob copyOfRange(byte[] array, int offset, int length, String hashFuncName) {
    Objects.checkFromIndexSize(offset, length, array.length);
    return hashed(Arrays.copyOfRange(array, offset, offset + length), hashFuncName);
  }

  /**
   * Creates a blob of bytes that must have the expected ref, checked with the hash function the ref
   * names.
   *
   * @param data the bytes (copied)
   * @param expected the ref the bytes must have
   * @return the blob
   * @throws HashMismatchException if the bytes hash to another ref
   * @throws IllegalArgumentException if the ref's hash function is not supported
   */
  public static Blob verified(byte[] data, BlobRef expected) {
    return wrapVerified(data.clone(), expected);
  }

  /**
   * Wraps bytes fetched for a ref, without copying them, after checking they hash to it.
   *
   * @throws HashMismatchException if they do not
   */
  static Blob wrapVerified(byte[] owned, BlobRef expected) {
    BlobRef actual = BlobRef.compute(expected.hashName(), owned);
    if (!actual.equals(expected)) {
      throw new HashMismatchException(expected, actual);
    }
    return new Blob(owned, expected);
  }

  /** {@return a copy of the blob's bytes} */
  public byte[] data() {
    return data.clone();
  }

  /** {@return the blob's bytes decoded as UTF-8 (for text blobs such as schema blobs)} */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** {@return the hash function name used for {@link #blobRef()}} */
  public String hashFuncName() {
    return hashFuncName;
  }

  /** {@return the blob's ref} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /** {@return the number of bytes} */
  public int size() {
    return data.length;
  }

  /** {@return a new stream over the bytes, without copying them} */
  public InputStream openStream() {
    return new ByteArrayInputStream(data);
  }

  /**
   * Writes the bytes to a stream, without copying them.
   *
   * @param out where to write; not closed
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(data);
  }

  /** Blobs are equal when their refs are equal. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Blob that && that.blobRef.equals(blobRef);
  }

  @Override
  public int hashCode() {
    return blobRef.hashCode();
  }

  /** The ref and size, never the content. */
  @Override
  public String toString() {
    return "Blob{" + blobRef + ", " + data.length + " bytes}";
  }
}
