package io.camlistore.client;

import org.jspecify.annotations.Nullable;

/**
 * A connection setting has a value the client cannot use: thrown by {@link
 * ConnectOptions.Builder#build()} and {@link HttpProxy}'s factories. Apart from the message, it
 * says which setting ({@link #option()}, as the builder names it) and what is wrong with it ({@link
 * #problem()}, without the name), so that a layer offering the setting under a name of its own,
 * such as the Camel component's endpoint options, reports it under that name without repeating the
 * rule.
 */
public class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The setting with the bad value. */
  private final String option;

  /** What is wrong with the value, without the setting's name. */
  private final String problem;

  /**
   * Creates an exception whose message is the option's name followed by the problem.
   *
   * @param option the setting, such as {@code maxAttempts} or {@code proxy.port}
   * @param problem what is wrong, such as {@code must be at least 1, got 0}
   */
  public InvalidOptionException(String option, String problem) {
    this(option, problem, option + " " + problem, null);
  }

  /**
   * Creates an exception with a message of the caller's, for a layer that names the setting its own
   * way.
   *
   * @param option the setting, as that layer names it
   * @param problem what is wrong, without the setting's name
   * @param message the whole message, naming the setting
   * @param cause the exception this one reports under another name, or null
   */
  public InvalidOptionException(
      String option, String problem, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.option = option;
    this.problem = problem;
  }

  /** {@return the setting with the bad value} */
  public String option() {
    return option;
  }

  /** {@return what is wrong with the value, without the setting's name} */
  public String problem() {
    return problem;
  }
}
