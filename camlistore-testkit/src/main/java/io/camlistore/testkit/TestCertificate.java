package io.camlistore.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made at test time with the
 * JDK's {@code keytool} (valid for two days, so nothing expires in the repository): a PKCS12 key
 * store holding the key and certificate, for a TLS server such as {@link TlsTerminatingProxy}, and
 * a PKCS12 trust store holding only the certificate, for the client that should trust it.
 *
 * <pre>{@code
 * TestCertificate certificate = TestCertificate.create(tempDir);
 * try (TlsTerminatingProxy tls = TlsTerminatingProxy.start(certificate, server.port())) {
 *   ConnectOptions options = ConnectOptions.builder().sslContext(certificate.clientContext()).build();
 *   Camlistore.connect(tls.url(), options);
 * }
 * }</pre>
 */
public final class TestCertificate {
  /** The password of both stores; a test value. */
  public static final String PASSWORD = "camlistore-test";

  private static final String ALIAS = "camlistore-test";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final Path keyStore;
  private final Path trustStore;

  private TestCertificate(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /**
   * Makes a new key pair and certificate in a directory.
   *
   * @param directory where {@code test-keystore.p12} and {@code test-truststore.p12} are written;
   *     it must exist and not hold them yet
   * @return the certificate
   * @throws IllegalStateException if keytool fails, with its output
   */
  public static TestCertificate create(Path directory) {
    Path keyStore = directory.resolve("test-keystore.p12");
    Path certificate = directory.resolve("test-certificate.pem");
    Path trustStore = directory.resolve("test-truststore.p12");
    keytool(
        keyStore,
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-keypass",
        PASSWORD);
    keytool(keyStore, "-exportcert", "-rfc", "-alias", ALIAS, "-file", certificate.toString());
    keytool(
        trustStore, "-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString());
    return new TestCertificate(keyStore, trustStore);
  }

  /** Runs keytool on a PKCS12 store with the test password. */
  private static void keytool(Path store, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(
        List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + arguments[0] + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("running keytool failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  /** {@return the PKCS12 key store with the key and certificate (password {@link #PASSWORD})} */
  public Path keyStore() {
    return keyStore;
  }

  /** {@return the PKCS12 trust store with only the certificate (password {@link #PASSWORD})} */
  public Path trustStore() {
    return trustStore;
  }

  /** {@return a TLS context that serves with this certificate} */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keyStore), PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the test key store cannot serve TLS: " + e, e);
    }
  }

  /** {@return a TLS context that trusts this certificate, and only it} */
  public SSLContext clientContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(trustStore));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the test trust store cannot be used: " + e, e);
    }
  }

  private static KeyStore load(Path file) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
    }
    return store;
  }

  @Override
  public String toString() {
    return "TestCertificate{" + keyStore + "}";
  }
}
