package io.camlistore.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension running an {@link EmbeddedCamlistoreServer} per test class, and injecting it
 * into parameters of type {@code EmbeddedCamlistoreServer} and into fields annotated with {@link
 * CamlistoreServer}.
 *
 * <p>Used declaratively through {@link CamlistoreServer}, or registered programmatically to choose
 * every setting:
 *
 * <pre>{@code
 * class PersistenceTest {
 *   @RegisterExtension
 *   static final EmbeddedCamlistoreServerExtension CAMLISTORE =
 *       EmbeddedCamlistoreServerExtension.create(
 *           EmbeddedCamlistoreServer.builder().storageDirectory(Path.of("target/blobs")));
 *
 *   @Test
 *   void seesTheServer() {
 *     String url = CAMLISTORE.server().url();
 *   }
 * }
 * }</pre>
 *
 * <p>Registered on a static field, the server lives for the class (and its {@code @Nested}
 * classes); on an instance field, for each test instance. Do not combine a programmatic
 * registration with {@code @CamlistoreServer} in one class: both would offer the server.
 */
public final class EmbeddedCamlistoreServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        TestInstancePostProcessor,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedCamlistoreServerExtension.class);

  private final EmbeddedCamlistoreServer.@Nullable Builder builder;
  private @Nullable EmbeddedCamlistoreServer server;
  private @Nullable String ownerId;

  /** Creates the extension as {@code @CamlistoreServer} registers it, configured by annotations. */
  public EmbeddedCamlistoreServerExtension() {
    this.builder = null;
  }

  private EmbeddedCamlistoreServerExtension(EmbeddedCamlistoreServer.Builder builder) {
    this.builder = builder;
  }

  /**
   * Creates an extension for {@code @RegisterExtension} with a default server (memory storage, no
   * auth).
   *
   * @return the extension
   */
  public static EmbeddedCamlistoreServerExtension create() {
    return create(EmbeddedCamlistoreServer.builder());
  }

  /**
   * Creates an extension for {@code @RegisterExtension} whose server is built from a builder.
   *
   * @param builder the server's configuration (built when the server first starts)
   * @return the extension
   */
  public static EmbeddedCamlistoreServerExtension create(EmbeddedCamlistoreServer.Builder builder) {
    return new EmbeddedCamlistoreServerExtension(Objects.requireNonNull(builder, "builder"));
  }

  /**
   * Returns the running server of a programmatically registered extension.
   *
   * @return the server
   * @throws IllegalStateException if the server is not running (outside the tests' lifetime, or for
   *     an extension registered through {@link CamlistoreServer}: take a parameter instead)
   */
  public synchronized EmbeddedCamlistoreServer server() {
    EmbeddedCamlistoreServer running = server;
    if (running == null) {
      throw new IllegalStateException(
          builder == null
              ? "@CamlistoreServer servers are injected: declare an EmbeddedCamlistoreServer"
                  + " parameter or annotated field"
              : "the embedded Camlistore server runs only while the tests run");
    }
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    EmbeddedCamlistoreServer running = serverFor(context, true);
    injectFields(context.getRequiredTestClass(), null, running);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context)
      throws IllegalAccessException {
    injectFields(testInstance.getClass(), testInstance, serverFor(context, false));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    EmbeddedCamlistoreServer running = serverFor(context, false);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectFields(instance.getClass(), instance, running);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    synchronized (this) {
      if (builder != null && ownerId == null) {
        closeOwnServer();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (builder != null) {
      synchronized (this) {
        if (context.getUniqueId().equals(ownerId)) {
          closeOwnServer();
        }
      }
      return;
    }
    ExtensionContext outermost = outermostClassContext(context);
    if (outermost == context) {
      EmbeddedCamlistoreServer running =
          context.getStore(NAMESPACE).remove(StoredServer.KEY, EmbeddedCamlistoreServer.class);
      if (running != null) {
        running.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == EmbeddedCamlistoreServer.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return serverFor(extensionContext, false);
  }

  /** The server for a context, started on first use. */
  private EmbeddedCamlistoreServer serverFor(ExtensionContext context, boolean classLevel) {
    if (builder != null) {
      synchronized (this) {
        EmbeddedCamlistoreServer running = server;
        if (running == null) {
          running = builder.build().start();
          server = running;
          ownerId = classLevel ? context.getUniqueId() : null;
        }
        return running;
      }
    }
    ExtensionContext outermost = outermostClassContext(context);
    return outermost
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            StoredServer.KEY,
            key -> StoredServer.start(configuration(context)),
            EmbeddedCamlistoreServer.class);
  }

  private void closeOwnServer() {
    EmbeddedCamlistoreServer running = server;
    server = null;
    ownerId = null;
    if (running != null) {
      running.close();
    }
  }

  private static ExtensionContext outermostClassContext(ExtensionContext context) {
    ExtensionContext outermost = context;
    Optional<ExtensionContext> parent = context.getParent();
    while (parent.isPresent() && parent.get().getTestClass().isPresent()) {
      outermost = parent.get();
      parent = outermost.getParent();
    }
    return outermost;
  }

  /** The one configuration all {@code @CamlistoreServer} annotations of the class tree agree on. */
  private static CamlistoreServer configuration(ExtensionContext context) {
    List<Declaration> found = new ArrayList<>();
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getEnclosingClass()) {
      Optional<CamlistoreServer> onClass =
          AnnotationSupport.findAnnotation(type, CamlistoreServer.class);
      if (onClass.isPresent()) {
        found.add(new Declaration(type.getName(), onClass.get()));
      }
      for (Field field : AnnotationSupport.findAnnotatedFields(type, CamlistoreServer.class)) {
        found.add(
            new Declaration(
                field.getDeclaringClass().getName() + "." + field.getName(),
                field.getAnnotation(CamlistoreServer.class)));
      }
    }
    if (found.isEmpty()) {
      throw new ExtensionConfigurationException(
          "no @CamlistoreServer on " + context.getRequiredTestClass().getName());
    }
    Declaration outermost = found.get(found.size() - 1);
    for (Declaration declaration : found) {
      if (!declaration.annotation().equals(outermost.annotation())) {
        throw new ExtensionConfigurationException(
            "@CamlistoreServer annotations of one test class must agree, but "
                + declaration.where()
                + " has "
                + declaration.annotation()
                + " and "
                + outermost.where()
                + " has "
                + outermost.annotation());
      }
    }
    return outermost.annotation();
  }

  /** Where a {@code @CamlistoreServer} was found, for error messages. */
  private record Declaration(String where, CamlistoreServer annotation) {}

  private static void injectFields(
      Class<?> testClass, @Nullable Object instance, EmbeddedCamlistoreServer running)
      throws IllegalAccessException {
    for (Field field : AnnotationSupport.findAnnotatedFields(testClass, CamlistoreServer.class)) {
      boolean isStatic = Modifier.isStatic(field.getModifiers());
      if (field.getType() != EmbeddedCamlistoreServer.class
          || Modifier.isFinal(field.getModifiers())) {
        throw new ExtensionConfigurationException(
            "@CamlistoreServer field "
                + field.getDeclaringClass().getName()
                + "."
                + field.getName()
                + " must be a non-final field of type EmbeddedCamlistoreServer");
      }
      if (isStatic || instance != null) {
        field.setAccessible(true);
        field.set(isStatic ? null : instance, running);
      }
    }
  }

  /** Turns annotation attributes into a started server. */
  private static final class StoredServer {
    private static final String KEY = "server";

    private StoredServer() {}

    static EmbeddedCamlistoreServer start(CamlistoreServer config) {
      EmbeddedCamlistoreServer.Builder builder =
          EmbeddedCamlistoreServer.builder()
              .removeEnabled(config.removeEnabled())
              .maxBlobSize(config.maxBlobSize())
              .signer(config.signing() ? TestIdentity.signer() : null)
              .search(config.search());
      if (!config.user().isEmpty() || !config.password().isEmpty()) {
        try {
          builder.basicAuth(config.user(), config.password());
        } catch (IllegalArgumentException e) {
          throw new ExtensionConfigurationException(
              "@CamlistoreServer needs both user and password: " + e.getMessage(), e);
        }
      }
      return builder.build().start();
    }
  }
}
