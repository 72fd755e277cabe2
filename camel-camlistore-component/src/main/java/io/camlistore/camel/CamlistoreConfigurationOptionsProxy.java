package io.camlistore.camel;

import io.camlistore.client.FileOptions;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * Resolves each per-message option: the message header when present, else the endpoint's
 * configuration. The one place that knows this precedence.
 */
final class CamlistoreConfigurationOptionsProxy {
  private final CamlistoreConfiguration configuration;

  CamlistoreConfigurationOptionsProxy(CamlistoreConfiguration configuration) {
    this.configuration = configuration;
  }

  /**
   * {@return the operation: the {@link CamlistoreConstants#OPERATION} header, else the endpoint's}
   *
   * @throws IllegalArgumentException if the header names no operation, or none is configured
   */
  CamlistoreOperation operation(Exchange exchange) {
    Object header = exchange.getMessage().getHeader(CamlistoreConstants.OPERATION);
    if (header instanceof CamlistoreOperation operation) {
      return operation;
    }
    if (header != null) {
      try {
        return CamlistoreOperation.parse(header.toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "header " + CamlistoreConstants.OPERATION + ": " + e.getMessage(), e);
      }
    }
    CamlistoreOperation configured = configuration.getOperation();
    if (configured == null) {
      throw new IllegalArgumentException(
          "no camlistore operation: set it in the URI or the "
              + CamlistoreConstants.OPERATION
              + " header; valid operations: "
              + CamlistoreOperation.names());
    }
    return configured;
  }

  /** {@return the hash function for put} */
  String hashFunction(Exchange exchange) {
    return option(
        exchange, CamlistoreConstants.HASH_FUNCTION, String.class, configuration::getHashFunction);
  }

  /** {@return whether a stored file gets a permanode} */
  boolean permanode(Exchange exchange) {
    return option(
        exchange, CamlistoreConstants.PERMANODE, Boolean.class, configuration::isPermanode);
  }

  /**
   * {@return how putFile and putFiles store a file: with a content permanode (the permanode option,
   * overridable per message) and its title and tags, or the content only}
   *
   * @param fileName the file's name, the permanode's title with permanodeTitle
   */
  FileOptions fileOptions(Exchange exchange, String fileName) {
    if (!permanode(exchange)) {
      return FileOptions.defaults();
    }
    FileOptions options = FileOptions.contentPermanode();
    if (configuration.isPermanodeTitle()) {
      options = options.withTitle(fileName);
    }
    String tags = configuration.getPermanodeTags();
    if (tags != null && !tags.isBlank()) {
      options =
          options.withTags(
              Arrays.stream(tags.split(","))
                  .map(String::trim)
                  .filter(tag -> !tag.isEmpty())
                  .toArray(String[]::new));
    }
    return options;
  }

  /** {@return whether get and getFile answer a stream to read within the route} */
  boolean streamDownload() {
    return configuration.isStreamDownload();
  }

  /** {@return the enumerate page size} */
  int limit(Exchange exchange) {
    return option(exchange, CamlistoreConstants.LIMIT, Integer.class, configuration::getLimit);
  }

  /** {@return where enumerate starts, or null for the beginning} */
  @Nullable String after(Exchange exchange) {
    return exchange.getMessage().getHeader(CamlistoreConstants.AFTER, String.class);
  }

  /**
   * {@return the query page size from the {@link CamlistoreConstants#QUERY_LIMIT} header, or null
   * when it is absent}
   *
   * @throws IllegalArgumentException if the header is not a whole number of at least 1
   */
  @Nullable Integer queryLimit(Exchange exchange) {
    Object header = exchange.getMessage().getHeader(CamlistoreConstants.QUERY_LIMIT);
    if (header == null) {
      return null;
    }
    int limit;
    try {
      limit =
          header instanceof Integer number ? number : Integer.parseInt(header.toString().trim());
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1) {
      throw new IllegalArgumentException(
          "header "
              + CamlistoreConstants.QUERY_LIMIT
              + " must be a whole number of at least 1, got '"
              + header
              + "'");
    }
    return limit;
  }

  /**
   * {@return the query continue token from the {@link CamlistoreConstants#CONTINUE_TOKEN} header,
   * or null when it is absent}
   *
   * @throws IllegalArgumentException if the header is blank
   */
  @Nullable String continueToken(Exchange exchange) {
    String token =
        exchange.getMessage().getHeader(CamlistoreConstants.CONTINUE_TOKEN, String.class);
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException(
          "header "
              + CamlistoreConstants.CONTINUE_TOKEN
              + " is blank; give the token a previous query answered, or remove the header to"
              + " start from the first page");
    }
    return token;
  }

  private static <T> T option(
      Exchange exchange, String header, Class<T> type, Supplier<T> configured) {
    T value = exchange.getMessage().getHeader(header, type);
    return value != null ? value : configured.get();
  }
}
