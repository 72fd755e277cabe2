package io.camlistore.camel;

import io.camlistore.client.CamlistoreException;
import io.camlistore.client.FileResult;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Some files of a {@code putFiles} batch could not be stored; every other file of the batch is
 * stored. Thrown after the whole batch was tried, so that Camel's error handling applies to the
 * batch: redelivering it is cheap and safe, since a file the server already holds is found by a
 * stat of its blobs and not sent again, and a file left half-written is completed.
 *
 * <p>{@link #results()} has every file's outcome, in the batch's order, for a route that handles
 * the exception ({@code onException(FilesNotStoredException.class).handled(true)}) and reports each
 * file.
 */
public class FilesNotStoredException extends CamlistoreException {
  private static final long serialVersionUID = 1L;

  /** How many failed files the message names. */
  private static final int NAMED_IN_MESSAGE = 5;

  /** Not serialized: a batch's results hold its sources, which may be streams. */
  @SuppressWarnings("serial")
  private final transient List<FileResult> results;

  /**
   * Creates the exception.
   *
   * @param results every file's outcome, at least one of them failed
   */
  public FilesNotStoredException(List<FileResult> results) {
    super(message(results), firstError(results));
    this.results = List.copyOf(results);
  }

  /** {@return every file's outcome, in the order of the batch} */
  public List<FileResult> results() {
    return results;
  }

  /** {@return the outcomes of the files that failed} */
  public List<FileResult> failures() {
    return results.stream().filter(FileResult::failed).toList();
  }

  private static String message(List<FileResult> results) {
    List<FileResult> failed = results.stream().filter(FileResult::failed).toList();
    String named =
        failed.stream()
            .limit(NAMED_IN_MESSAGE)
            .map(result -> result.source().fileName() + " (" + reason(result.error()) + ")")
            .collect(Collectors.joining("; "));
    return failed.size()
        + " of "
        + results.size()
        + " files not stored (every other one is): "
        + named
        + (failed.size() > NAMED_IN_MESSAGE ? "; …" : "");
  }

  private static String reason(@Nullable RuntimeException error) {
    String message = error == null ? null : error.getMessage();
    return message == null ? "unknown error" : message;
  }

  private static RuntimeException firstError(List<FileResult> results) {
    return results.stream()
        .map(FileResult::error)
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no file of the batch failed"));
  }
}
