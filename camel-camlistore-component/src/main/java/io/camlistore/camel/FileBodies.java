package io.camlistore.camel;

import io.camlistore.client.Blob;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads message bodies as file content: a local file, a stream, or bytes, and the name the stored
 * file gets.
 */
final class FileBodies {
  /** The body types putFile accepts, for error messages. */
  static final String ACCEPTED =
      "java.io.File, java.nio.file.Path, a Camel file (GenericFile), InputStream, byte[], String or"
          + " io.camlistore.client.Blob";

  private FileBodies() {}

  /**
   * {@return the body with a Camel file unwrapped: a local file as its {@link Path}, a remote one
   * as its content; a {@link File} as its {@link Path}; anything else unchanged}
   */
  static Object unwrap(Object body) {
    if (body instanceof WrappedFile<?> wrapped) {
      if (wrapped.getFile() instanceof File local) {
        return local.toPath();
      }
      Object content = wrapped.getBody();
      if (content != null && !(content instanceof WrappedFile)) {
        return unwrap(content);
      }
      return body;
    }
    if (body instanceof File file) {
      return file.toPath();
    }
    return body;
  }

  /**
   * {@return the size of an unwrapped body, or -1 when it is a stream whose size is unknown}
   *
   * @throws UncheckedIOException if a file's size cannot be read
   */
  static long knownSize(Object unwrapped) {
    if (unwrapped instanceof Path path) {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the size of " + path + " failed: " + e, e);
      }
    }
    if (unwrapped instanceof byte[] bytes) {
      return bytes.length;
    }
    if (unwrapped instanceof CharSequence text) {
      return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
    return -1;
  }

  /** {@return whether an unwrapped body is a file or stream, as opposed to bytes in memory} */
  static boolean isFileOrStream(Object unwrapped) {
    return unwrapped instanceof Path || unwrapped instanceof InputStream;
  }

  /**
   * {@return the content of an unwrapped body that is not a local file, as a stream}
   *
   * @throws IllegalArgumentException naming the type if the body cannot be stored as a file
   */
  static InputStream content(Object unwrapped) {
    if (unwrapped instanceof InputStream in) {
      return in;
    }
    if (unwrapped instanceof byte[] bytes) {
      return new ByteArrayInputStream(bytes);
    }
    if (unwrapped instanceof CharSequence text) {
      return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (unwrapped instanceof Blob blob) {
      return blob.openStream();
    }
    throw new IllegalArgumentException(
        "putFile cannot store a body of type "
            + unwrapped.getClass().getName()
            + "; it accepts "
            + ACCEPTED);
  }

  /**
   * {@return the stored file's name: the {@link CamlistoreConstants#FILE_NAME} header, else the
   * last segment of {@link Exchange#FILE_NAME}, else the local file's name}
   *
   * @param local the local file being stored, or null for a stream or bytes
   * @throws IllegalArgumentException if there is no name, naming the headers that give one
   */
  static String fileName(Exchange exchange, @Nullable Path local) {
    String name = exchange.getMessage().getHeader(CamlistoreConstants.FILE_NAME, String.class);
    if (isBlank(name)) {
      name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
    }
    if (isBlank(name) && local != null && local.getFileName() != null) {
      name = local.getFileName().toString();
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "storing a stream or bytes as a file needs a file name: set header "
              + CamlistoreConstants.FILE_NAME
              + " or "
              + Exchange.FILE_NAME);
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    if (base.isBlank()) {
      throw new IllegalArgumentException("the file name '" + name + "' has no base name");
    }
    return base;
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }
}
