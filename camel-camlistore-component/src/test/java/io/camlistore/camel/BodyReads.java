package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.spi.StreamCachingStrategy;

/** What the body tests share: reading a body in every form, and a stream cache that spools. */
final class BodyReads {
  /** The spool threshold {@link #spoolBodies} sets: bodies over it are kept on disk. */
  static final int SPOOL_THRESHOLD = 64 * 1024;

  private BodyReads() {}

  /** Makes the context's stream cache spool bodies over {@link #SPOOL_THRESHOLD} to a directory. */
  static void spoolBodies(CamelContext context, Path directory) {
    StreamCachingStrategy caching = context.getStreamCachingStrategy();
    caching.setSpoolEnabled(true);
    caching.setSpoolThreshold(SPOOL_THRESHOLD);
    caching.setSpoolDirectory(directory.toFile());
  }

  /** Reads the body as byte[], String, InputStream and File, twice each, checking the bytes. */
  static void assertReadableTwiceInEveryForm(Message message, byte[] expected) throws IOException {
    for (int round = 1; round <= 2; round++) {
      String as = "read " + round;
      assertThat(message.getBody(byte[].class)).as(as + " as byte[]").isEqualTo(expected);
      assertThat(message.getBody(String.class))
          .as(as + " as String")
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      try (InputStream in = message.getBody(InputStream.class)) {
        assertThat(in.readAllBytes()).as(as + " as InputStream").isEqualTo(expected);
      }
      File file = message.getBody(File.class);
      assertThat(Files.readAllBytes(file.toPath())).as(as + " as File").isEqualTo(expected);
    }
  }

  /**
   * Reads a large body as a stream and as a file, twice each, comparing digests rather than holding
   * it whole.
   */
  static void assertLargeBodyReadableTwice(Message message, byte[] expected) throws IOException {
    byte[] digest = sha256().digest(expected);
    for (int round = 1; round <= 2; round++) {
      try (InputStream in = message.getBody(InputStream.class)) {
        assertThat(sha256(in)).as("stream, read " + round).isEqualTo(digest);
      }
      try (InputStream in = Files.newInputStream(message.getBody(File.class).toPath())) {
        assertThat(sha256(in)).as("file, read " + round).isEqualTo(digest);
      }
    }
  }

  private static byte[] sha256(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return digest.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
