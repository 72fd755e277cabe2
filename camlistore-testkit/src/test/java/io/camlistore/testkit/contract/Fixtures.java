package io.camlistore.testkit.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Bodies of the real server's captured exchanges, copied under {@code src/test/resources}. */
final class Fixtures {
  private Fixtures() {}

  /** {@return the bytes of e.g. {@code 22-stat-post.resp.body}} */
  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static byte[] request(String fixture) {
    return bytes(fixture + ".req.body");
  }

  static String response(String fixture) {
    return text(fixture + ".resp.body");
  }
}
