package io.camlistore.camel;

import java.time.Duration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.jspecify.annotations.Nullable;

/**
 * The options of one consuming endpoint ({@code from("camlistore:enumerate")}, {@code
 * from("camlistore:query?expression=...")}): what it delivers and where it keeps what it has
 * delivered. Endpoint options only, never component ones: each consuming endpoint keeps its own
 * state. Bean-style because Camel's generated configurers set it that way.
 */
@UriParams
public class CamlistoreConsumerConfiguration {
  /** The default {@link #getLookback()}, in milliseconds. */
  static final long DEFAULT_LOOKBACK = 60_000;

  @UriParam(
      label = "consumer",
      defaultValue = "true",
      description =
          "enumerate: whether each blob's content is delivered as a stream body (closed when the"
              + " exchange completes); false delivers only the ref and size headers.")
  private boolean includeBody = true;

  @UriParam(
      label = "consumer",
      description =
          "enumerate: only the blobs whose refs sort after this text (exclusive) are delivered,"
              + " such as sha224- to leave out sha1 blobs.")
  private @Nullable String startAfter;

  @UriParam(
      label = "consumer",
      description =
          "The file where the consumer keeps what it has delivered, so that a restarted route"
              + " delivers neither twice nor less. enumerate: the sorted list of the refs"
              + " delivered (a file of the previous format, holding one ref, is read as every blob"
              + " up to that ref delivered); query: a Camel FileStateRepository. Without it, nor a"
              + " repository, the state lasts as long as the endpoint.")
  private @Nullable String stateFile;

  @UriParam(
      label = "consumer",
      description = "The former name of stateFile; a file it names is read and kept up to date.")
  @Metadata(deprecationNote = "Use stateFile.")
  @Deprecated
  private @Nullable String cursorFile;

  @UriParam(
      label = "consumer,advanced",
      description =
          "enumerate: keeps the refs delivered in this repository instead of stateFile (a shared"
              + " one, such as a JDBC or Infinispan repository, lets another node take over); each"
              + " sweep asks it about every blob. Give each endpoint its own.")
  private @Nullable IdempotentRepository idempotentRepository;

  @UriParam(
      label = "consumer,advanced",
      description =
          "query: keeps the consumer's state in this repository instead of stateFile (a shared"
              + " one lets another node take over), under the key query: and the expression.")
  private @Nullable StateRepository<String, String> stateRepository;

  @UriParam(
      label = "consumer",
      description =
          "query: the search expression whose permanodes are delivered, such as tag:invoice;"
              + " required to consume from camlistore:query.")
  private @Nullable String expression;

  @UriParam(
      label = "consumer,advanced",
      defaultValue = "60000",
      javaType = "java.time.Duration",
      description =
          "query: how far below the newest modification time it has seen each search reads"
              + " again, so that changes the server indexes late, or signed by a clock behind, are"
              + " still delivered; in milliseconds.")
  private long lookback = DEFAULT_LOOKBACK;

  /** Creates the options with their defaults. */
  public CamlistoreConsumerConfiguration() {}

  /** {@return whether the enumerate consumer delivers content} */
  public boolean isIncludeBody() {
    return includeBody;
  }

  /**
   * Sets whether the enumerate consumer delivers content.
   *
   * @param includeBody true for a stream body, false for headers only
   */
  public void setIncludeBody(boolean includeBody) {
    this.includeBody = includeBody;
  }

  /** {@return the text the delivered refs sort after, or null for all blobs} */
  public @Nullable String getStartAfter() {
    return startAfter;
  }

  /**
   * Sets the text the delivered refs sort after.
   *
   * @param startAfter exclusive lower bound
   */
  public void setStartAfter(@Nullable String startAfter) {
    this.startAfter = startAfter;
  }

  /** {@return the state file, or null} */
  public @Nullable String getStateFile() {
    return stateFile;
  }

  /**
   * Sets the state file.
   *
   * @param stateFile a file path; missing directories are created
   */
  public void setStateFile(@Nullable String stateFile) {
    this.stateFile = stateFile;
  }

  /** {@return the state file under its former name (use {@link #getStateFile()}), or null} */
  public @Nullable String getCursorFile() {
    return cursorFile;
  }

  /**
   * Sets the state file under its former name; use {@link #setStateFile(String)}.
   *
   * @param cursorFile a file path
   */
  public void setCursorFile(@Nullable String cursorFile) {
    this.cursorFile = cursorFile;
  }

  /** {@return the repository of the refs the enumerate consumer delivered, or null} */
  public @Nullable IdempotentRepository getIdempotentRepository() {
    return idempotentRepository;
  }

  /**
   * Sets the repository of the refs the enumerate consumer delivered.
   *
   * @param idempotentRepository the repository; started by the consumer, stopped by its owner
   */
  public void setIdempotentRepository(@Nullable IdempotentRepository idempotentRepository) {
    this.idempotentRepository = idempotentRepository;
  }

  /** {@return the repository of the query consumer's state, or null} */
  public @Nullable StateRepository<String, String> getStateRepository() {
    return stateRepository;
  }

  /**
   * Sets the repository of the query consumer's state.
   *
   * @param stateRepository the repository; started by the consumer, stopped by its owner
   */
  public void setStateRepository(@Nullable StateRepository<String, String> stateRepository) {
    this.stateRepository = stateRepository;
  }

  /** {@return the query consumer's search expression, or null} */
  public @Nullable String getExpression() {
    return expression;
  }

  /**
   * Sets the query consumer's search expression.
   *
   * @param expression such as {@code tag:invoice}
   */
  public void setExpression(@Nullable String expression) {
    this.expression = expression;
  }

  /** {@return how far below the newest modification time seen the query consumer reads, in ms} */
  public long getLookback() {
    return lookback;
  }

  /**
   * Sets how far below the newest modification time seen the query consumer reads again.
   *
   * @param lookback milliseconds, zero or more
   */
  public void setLookback(long lookback) {
    this.lookback = lookback;
  }

  /**
   * {@return the state file, under its new or former name, or null}
   *
   * @throws IllegalArgumentException if both names are set to different files
   */
  @Nullable String stateFilePath() {
    String current = blankToNull(stateFile);
    String former = blankToNull(cursorFile);
    if (current == null) {
      return former;
    }
    if (former != null && !former.equals(current)) {
      throw new IllegalArgumentException(
          "camlistore: cursorFile is the former name of stateFile; set only stateFile, got"
              + " stateFile="
              + current
              + " and cursorFile="
              + former);
    }
    return current;
  }

  /**
   * Checks the options for a consumer of this operation.
   *
   * @param operation {@code enumerate} or {@code query}
   * @throws IllegalArgumentException naming the option that is missing, out of range, or does not
   *     apply to the operation
   */
  void validateFor(CamlistoreOperation operation) {
    String file = stateFilePath();
    if (operation == CamlistoreOperation.enumerate) {
      rejectForeign(stateRepository != null, "stateRepository", "query", operation);
      if (file != null && idempotentRepository != null) {
        throw new IllegalArgumentException(
            "camlistore:enumerate keeps its state either in stateFile or in"
                + " idempotentRepository; set only one");
      }
      return;
    }
    rejectForeign(idempotentRepository != null, "idempotentRepository", "enumerate", operation);
    if (blankToNull(expression) == null) {
      throw new IllegalArgumentException(
          "camlistore:query needs the expression option to consume, such as"
              + " from(\"camlistore:query?expression=tag:invoice\")");
    }
    if (file != null && stateRepository != null) {
      throw new IllegalArgumentException(
          "camlistore:query keeps its state either in stateFile or in stateRepository; set only"
              + " one");
    }
    if (lookback < 0) {
      throw new IllegalArgumentException(
          "camlistore: lookback must not be negative, got " + Duration.ofMillis(lookback));
    }
  }

  private static void rejectForeign(
      boolean set, String option, String owner, CamlistoreOperation operation) {
    if (set) {
      throw new IllegalArgumentException(
          "camlistore: "
              + option
              + " is an option of the camlistore:"
              + owner
              + " consumer, not of camlistore:"
              + operation);
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
