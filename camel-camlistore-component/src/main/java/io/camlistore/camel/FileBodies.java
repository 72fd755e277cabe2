package io.camlistore.camel;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads message bodies as file content: a local file (kept as a {@link Path}, so that its
 * modification time is stored too), or else anything Camel's type converters turn into a stream;
 * and the name the stored file gets.
 */
final class FileBodies {
  private FileBodies() {}

  /** {@return the local file a body is: a {@link Path}, a {@link File} or a local Camel file} */
  static @Nullable Path localFile(Object body) {
    if (body instanceof Path path) {
      return path;
    }
    if (body instanceof File file) {
      return file.toPath();
    }
    if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File local) {
      return local.toPath();
    }
    return null;
  }

  /**
   * {@return a body's content as a stream, converted by Camel's type converters}
   *
   * @param operation the operation storing it, for the error message
   * @throws IllegalArgumentException naming the type if Camel cannot convert it to a stream
   */
  static InputStream content(Object body, Exchange exchange, String operation) {
    InputStream in =
        exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
    if (in == null) {
      throw new IllegalArgumentException(
          operation
              + " cannot store a body of type "
              + body.getClass().getName()
              + ": Camel has no type converter from it to InputStream");
    }
    return in;
  }

  /**
   * {@return the stored file's name: the message's {@link CamlistoreConstants#FILE_NAME} header,
   * else the last segment of its {@link Exchange#FILE_NAME}, else the local file's name}
   *
   * @param message the message whose body is stored, or null for a bare item of a batch
   * @param local the local file being stored, or null for a stream or bytes
   * @param what what is stored, for the error message, such as {@code putFile: the body}
   * @throws IllegalArgumentException if there is no name, naming the headers that give one
   */
  static String fileName(@Nullable Message message, @Nullable Path local, String what) {
    String name =
        message == null ? null : message.getHeader(CamlistoreConstants.FILE_NAME, String.class);
    if (isBlank(name) && message != null) {
      name = message.getHeader(Exchange.FILE_NAME, String.class);
    }
    if (isBlank(name) && local != null && local.getFileName() != null) {
      name = local.getFileName().toString();
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          what
              + " is a stream or bytes, which needs a file name: set header "
              + CamlistoreConstants.FILE_NAME
              + " or "
              + Exchange.FILE_NAME
              + " on its message");
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    if (base.isBlank()) {
      throw new IllegalArgumentException(what + ": the file name '" + name + "' has no base name");
    }
    return base;
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }
}
