package io.camlistore.examples;

import io.camlistore.camel.CamlistoreConstants;
import io.camlistore.camel.CamlistoreEndpoint;
import io.camlistore.client.BlobRef;
import io.camlistore.client.Connection;
import io.camlistore.client.Constraint;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.jspecify.annotations.Nullable;

/**
 * Tells the ingestion route whether the server already holds a file as the route stores it: a
 * permanode titled with the file's name whose {@code camliContent} is a file with the same content.
 * Such a file is not stored again, so ingesting a folder twice does not make a second permanode for
 * each file.
 *
 * <p>It hashes the content (sha224, the server's {@code wholeRef}) and asks the server's index for
 * the files with that content (one request); only when there are some, it searches for a permanode
 * with the title naming one of them (a second request). It talks to the server through the
 * connection of the route's {@code camlistore:} endpoints, however the component is configured.
 * Stateless and thread-safe.
 */
public final class IngestedFiles {
  /** The endpoint whose connection the lookups use; any camlistore endpoint shares it. */
  static final String ENDPOINT = "camlistore:query";

  /** Creates the lookup. */
  public IngestedFiles() {}

  /**
   * Finds the permanode of a file stored before with the same name and content.
   *
   * @param exchange a file's exchange, as the file consumer makes it, with the name to store it
   *     under in {@link CamlistoreConstants#FILE_NAME}; an empty body (an idle poll) is never
   *     stored
   * @return the permanode's ref, or null when the file is not stored yet (or the body is empty)
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the body is not a local file or the name header is missing
   * @throws io.camlistore.client.CamlistoreException if the server cannot answer
   */
  public @Nullable BlobRef permanodeOf(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (body == null) {
      return null;
    }
    BlobRef wholeRef = wholeRef(exchange, body);
    Connection connection =
        exchange.getContext().getEndpoint(ENDPOINT, CamlistoreEndpoint.class).connection();
    List<BlobRef> files = connection.searcher().filesWithContent(wholeRef);
    if (files.isEmpty()) {
      return null;
    }
    Constraint withContent =
        files.stream()
            .map(file -> Constraint.attributeEquals("camliContent", file.toString()))
            .reduce(Constraint::or)
            .orElseThrow();
    SearchQuery query =
        SearchQuery.builder()
            .constraint(Constraint.attributeEquals("title", fileName(exchange)).and(withContent))
            .limit(1)
            .build();
    return connection.searcher().query(query).results().stream()
        .findFirst()
        .map(SearchResult::blobRef)
        .orElse(null);
  }

  /** The name the route gives putFile in {@link CamlistoreConstants#FILE_NAME}. */
  private static String fileName(Exchange exchange) {
    String name = exchange.getMessage().getHeader(CamlistoreConstants.FILE_NAME, String.class);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "the ingestion route sets header "
              + CamlistoreConstants.FILE_NAME
              + " before the lookup");
    }
    return name;
  }

  private static BlobRef wholeRef(Exchange exchange, Object body) {
    MessageDigest digest = sha224();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = open(body)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading " + exchange.getMessage().getHeader(Exchange.FILE_NAME) + " failed: " + e, e);
    }
    return BlobRef.fromDigest("sha224", digest.digest());
  }

  /** The file is read from disk, so the body stays untouched for putFile. */
  private static InputStream open(Object body) throws IOException {
    if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File local) {
      return Files.newInputStream(local.toPath());
    }
    if (body instanceof File local) {
      return Files.newInputStream(local.toPath());
    }
    throw new IllegalArgumentException(
        "the ingestion route stores local files; got a body of type " + body.getClass().getName());
  }

  private static MessageDigest sha224() {
    try {
      return MessageDigest.getInstance("SHA-224");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-224", e);
    }
  }
}
