package io.camlistore.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link RealPerkeep}: skips what needs a real server, or its tools, when the
 * environment names none, and resolves {@link RealPerkeepServer} and {@link PerkeepTools}
 * parameters.
 */
public final class RealPerkeepExtension implements ExecutionCondition, ParameterResolver {
  /** Why tests that need the Go tools are skipped when their folder is not named. */
  static final String NO_TOOLS =
      RealPerkeepServer.HOME_VARIABLE
          + " is not set, so pk-put and pk-get are not available (.ci/run sets it to"
          + " ../shared/perkeep/server)";

  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  /** Creates the extension, as {@link RealPerkeep} registers it. */
  public RealPerkeepExtension() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    RealPerkeepServer server = RealPerkeepServer.fromEnvironment();
    if (server == null) {
      return skip(RealPerkeepServer.NO_SERVER);
    }
    if (needsTools(context) && server.tools() == null) {
      return skip(NO_TOOLS);
    }
    return ConditionEvaluationResult.enabled("a real Perkeep server at " + server.url());
  }

  /**
   * Skips, and says why once per test JVM on standard error, since build tools show a skip's reason
   * only in their reports.
   */
  @SuppressWarnings("SystemOut")
  private static ConditionEvaluationResult skip(String reason) {
    if (REPORTED.add(reason)) {
      System.err.println("Skipping the tests that need a real Perkeep server: " + reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  private static boolean needsTools(ExtensionContext context) {
    for (Optional<ExtensionContext> at = Optional.of(context);
        at.isPresent();
        at = at.get().getParent()) {
      Optional<AnnotatedElement> element = at.get().getElement();
      if (element.isPresent()
          && AnnotationSupport.findAnnotation(element.get(), RealPerkeep.class)
              .map(RealPerkeep::tools)
              .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RealPerkeepServer.class || type == PerkeepTools.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RealPerkeepServer server = RealPerkeepServer.fromEnvironment();
    if (server == null) {
      throw new ParameterResolutionException(RealPerkeepServer.NO_SERVER);
    }
    if (parameter.getParameter().getType() == RealPerkeepServer.class) {
      return server;
    }
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(RealPerkeepExtension.class))
        .getOrComputeIfAbsent(
            PerkeepTools.class,
            key -> {
              PerkeepTools tools = server.tools();
              if (tools == null) {
                throw new ParameterResolutionException(NO_TOOLS);
              }
              return tools;
            },
            PerkeepTools.class);
  }
}
