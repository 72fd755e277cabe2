package io.camlistore.client;

import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The client's side of the testkit: its identity as a local signer, connections to its servers. */
final class TestkitSupport {
  private TestkitSupport() {}

  /** {@return a local signer for the testkit's bundled {@link TestIdentity}} */
  static LocalSigner identity() {
    try (InputStream keyring = TestIdentity.keyring()) {
      return LocalSigner.fromKeyring(keyring, TestIdentity.KEY_ID);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return connect options with a real server's credentials, to adjust further}
   *
   * @param server the server
   */
  static ConnectOptions.Builder options(RealPerkeepServer server) {
    return ConnectOptions.builder().auth(Auth.parse(server.authSpec()));
  }

  /**
   * {@return a new connection to a real server with its credentials; close it after use}
   *
   * @param server the server
   */
  static Connection connect(RealPerkeepServer server) {
    return Camlistore.connect(server.url(), options(server).build());
  }
}
