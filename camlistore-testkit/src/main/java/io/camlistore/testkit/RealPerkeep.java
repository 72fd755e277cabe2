package io.camlistore.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs a {@link RealPerkeepServer}: it runs when the environment
 * names one and is skipped, with the reason, when it does not. Test methods, lifecycle methods and
 * constructors can take the {@link RealPerkeepServer} and, with {@link #tools()}, the {@link
 * PerkeepTools} as parameters.
 *
 * <pre>{@code
 * @RealPerkeep(tools = true)
 * class InteropIT {
 *   @Test
 *   void goReadsWhatJavaWrote(RealPerkeepServer server, PerkeepTools tools) {
 *     ConnectOptions options = ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build();
 *     try (Connection conn = Camlistore.connect(server.url(), options)) {
 *       BlobRef file = conn.files().putFile(path);
 *       assertThat(tools.pkGet("-contents", file.toString())).isEqualTo(Files.readAllBytes(path));
 *     }
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RealPerkeepExtension.class)
public @interface RealPerkeep {
  /**
   * {@return whether the test also runs the reference Go tools, and so is skipped when the
   * environment does not name their folder ({@value RealPerkeepServer#HOME_VARIABLE})}
   */
  boolean tools() default false;
}
