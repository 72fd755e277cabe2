package io.camlistore.camel;

import io.camlistore.testkit.TestIdentity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The testkit's test identity as the keyring options name it: its secret keyring as a file (test
 * key only) and its key id.
 */
final class TestKeyring {
  /** The key id of the test identity. */
  static final String KEY_ID = TestIdentity.KEY_ID;

  private TestKeyring() {}

  /** {@return the test identity's secret keyring, as a file} */
  static Path file() {
    try {
      return Path.of(
          Objects.requireNonNull(TestKeyring.class.getResource("/keys/test-identity-secring.gpg"))
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
