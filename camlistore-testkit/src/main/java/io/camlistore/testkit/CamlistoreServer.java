package io.camlistore.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an {@link EmbeddedCamlistoreServer} for a test class: started before the first test, shared
 * by all tests of the class (and its {@code @Nested} classes), closed after the last.
 *
 * <p>Put it on the class to configure the server, and receive the server as a parameter of a test,
 * lifecycle method or constructor; or put it on a field of type {@link EmbeddedCamlistoreServer}
 * (static or not) to have the server injected there:
 *
 * <pre>{@code
 * @CamlistoreServer(user = "alice", password = "secret")
 * class UploaderTest {
 *   @Test
 *   void uploadsEveryChunk(EmbeddedCamlistoreServer server) {
 *     new Uploader(server.url()).upload(file);
 *     assertThat(server.blobCount()).isEqualTo(3);
 *   }
 * }
 *
 * class DownloaderTest {
 *   @CamlistoreServer static EmbeddedCamlistoreServer server;
 * }
 * }</pre>
 *
 * <p>All {@code @CamlistoreServer} annotations of a class (on the class and on fields) must agree,
 * since they describe the same server. Blobs, faults and recorded requests are shared between
 * tests; call {@link EmbeddedCamlistoreServer#reset()} in {@code @BeforeEach} for a fresh state.
 * For storage in a directory or other settings, register {@link
 * EmbeddedCamlistoreServerExtension#create(EmbeddedCamlistoreServer.Builder)} instead.
 */
@Target({ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedCamlistoreServerExtension.class)
public @interface CamlistoreServer {
  /**
   * The HTTP Basic user the server requires; empty (the default) for no auth.
   *
   * @return the user name
   */
  String user() default "";

  /**
   * The HTTP Basic password; required when {@link #user()} is set.
   *
   * @return the password
   */
  String password() default "";

  /**
   * Whether {@code POST camli/remove} deletes blobs (by default it answers 403, as a real server
   * does).
   *
   * @return true to enable remove
   */
  boolean removeEnabled() default false;

  /**
   * The largest blob accepted, in bytes.
   *
   * @return the limit; 16 MiB by default, as on a real server
   */
  int maxBlobSize() default EmbeddedCamlistoreServer.DEFAULT_MAX_BLOB_SIZE;

  /**
   * Whether the server has an identity: the bundled throw-away {@link TestIdentity} (tests only),
   * which enables the sign helper and makes the search index count only claims signed with it.
   *
   * @return true to give the server the test identity
   */
  boolean signing() default false;

  /**
   * Whether the server emulates Perkeep's search (the index and the search handler); turn it off
   * for a blob server only, which builds no index (see {@link
   * EmbeddedCamlistoreServer.Builder#search(boolean)}).
   *
   * @return true (the default) to emulate search
   */
  boolean search() default true;
}
