package io.camlistore.testkit;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.sign.JsonSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A throw-away signing identity bundled with the testkit, <strong>for tests only</strong>: its
 * secret key is published in this jar, so anything signed with it proves nothing.
 *
 * <p>It is the identity of the Perkeep 0.11 server the project's protocol fixtures were captured
 * from (RSA 2048, key id {@value #KEY_ID}), so an embedded server using it signs exactly as that
 * server did, and blobs signed locally with {@link #signer()} are byte-identical to {@code
 * pk-put}'s. A client that signs locally loads the same key from {@link #keyring()}.
 *
 * <pre>{@code
 * EmbeddedCamlistoreServer server =
 *     EmbeddedCamlistoreServer.builder().signer(TestIdentity.signer()).start();
 * }</pre>
 */
public final class TestIdentity {
  /** The key id of the bundled identity. */
  public static final String KEY_ID = "7559C29EFA90DC38";

  private static final String KEYRING = "test-identity-secring.gpg";

  private TestIdentity() {}

  /**
   * Opens the bundled secret keyring (binary OpenPGP), for signers that load a keyring themselves,
   * such as the client's {@code LocalSigner.fromKeyring(TestIdentity.keyring(),
   * TestIdentity.KEY_ID)}.
   *
   * @return the keyring's bytes as a new stream; the caller closes it
   * @throws UncheckedIOException if the testkit jar lacks the keyring
   */
  public static InputStream keyring() {
    InputStream in = TestIdentity.class.getResourceAsStream(KEYRING);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("the testkit jar lacks its resource " + KEYRING));
    }
    return in;
  }

  /**
   * Loads a signer for the bundled identity, signing with the claim date as signature time, as
   * {@code pk-put} does.
   *
   * @return the signer
   * @throws UncheckedIOException if the keyring cannot be read from the jar
   */
  public static JsonSigner signer() {
    try (InputStream in = keyring()) {
      return JsonSigner.fromKeyring(in.readAllBytes(), KEY_ID, KEYRING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled test keyring", e);
    }
  }

  /** {@return the ref of the bundled identity's public key blob} */
  public static BlobRef publicKeyBlobRef() {
    return signer().publicKeyBlobRef();
  }
}
