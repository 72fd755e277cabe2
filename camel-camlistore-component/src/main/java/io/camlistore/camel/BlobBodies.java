package io.camlistore.camel;

import io.camlistore.client.Blob;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.WrappedFile;

/**
 * Turns message bodies into blobs, refusing anything over {@link Blob#MAX_SIZE} with a message that
 * names the size and the limit, before reading more than the limit.
 */
final class BlobBodies {
  /** The body types put accepts, for error messages. */
  static final String ACCEPTED =
      "byte[], String, InputStream, java.io.File, java.nio.file.Path, a Camel file (GenericFile) or"
          + " io.camlistore.client.Blob, or a Collection of those";

  private BlobBodies() {}

  /** {@return whether reading the body consumes it, so that the caller must keep what was read} */
  static boolean isConsumedByReading(Object body) {
    return body instanceof InputStream;
  }

  /**
   * Converts one body to a blob.
   *
   * @param body the body
   * @param hashFunction the hash to name new blobs with (a {@link Blob} body keeps its own)
   * @return the blob
   * @throws IllegalArgumentException if the body type is not accepted, or it is too large
   * @throws UncheckedIOException if reading a stream or file fails
   */
  static Blob toBlob(Object body, String hashFunction) {
    if (body instanceof Blob blob) {
      return blob;
    }
    if (body instanceof byte[] bytes) {
      checkSize(bytes.length, "byte[] body");
      return new Blob(bytes, hashFunction);
    }
    if (body instanceof CharSequence text) {
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      checkSize(bytes.length, "String body");
      return new Blob(bytes, hashFunction);
    }
    if (body instanceof InputStream in) {
      return new Blob(read(in), hashFunction);
    }
    if (body instanceof File file) {
      return new Blob(read(file.toPath()), hashFunction);
    }
    if (body instanceof Path path) {
      return new Blob(read(path), hashFunction);
    }
    if (body instanceof WrappedFile<?> wrapped) {
      Object file = wrapped.getFile();
      if (file instanceof File local) {
        return new Blob(read(local.toPath()), hashFunction);
      }
      Object content = wrapped.getBody();
      if (content != null && !(content instanceof WrappedFile)) {
        return toBlob(content, hashFunction);
      }
    }
    throw new IllegalArgumentException(
        "put cannot store a body of type "
            + body.getClass().getName()
            + "; it accepts "
            + ACCEPTED);
  }

  /**
   * Reads a stream to its end, and closes it.
   *
   * @throws IllegalArgumentException if it holds more than {@link Blob#MAX_SIZE} bytes
   * @throws UncheckedIOException if reading fails
   */
  static byte[] read(InputStream in) {
    try (in) {
      byte[] bytes = in.readNBytes(Blob.MAX_SIZE + 1);
      if (bytes.length > Blob.MAX_SIZE) {
        throw tooLarge("stream body", "more than " + Blob.MAX_SIZE);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the body to store failed: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a file, after checking its size.
   *
   * @throws IllegalArgumentException if it holds more than {@link Blob#MAX_SIZE} bytes
   * @throws UncheckedIOException if reading fails
   */
  static byte[] read(Path path) {
    try {
      checkSize(Files.size(path), "file " + path);
      return read(Files.newInputStream(path));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path + " failed: " + e.getMessage(), e);
    }
  }

  private static void checkSize(long size, String what) {
    if (size > Blob.MAX_SIZE) {
      throw tooLarge(what, Long.toString(size));
    }
  }

  private static IllegalArgumentException tooLarge(String what, String size) {
    return new IllegalArgumentException(
        what
            + " has "
            + size
            + " bytes; a blob holds at most "
            + Blob.MAX_SIZE
            + " bytes (16 MiB); send it on its own to put or putFile, which store larger data as a"
            + " file");
  }
}
