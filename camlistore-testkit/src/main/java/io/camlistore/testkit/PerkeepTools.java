package io.camlistore.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs Perkeep's reference Go tools, {@code pk-put} and {@code pk-get}, against a {@link
 * RealPerkeepServer}, so that tests can check what this project stores against what the Go client
 * reads, and the other way round.
 *
 * <p>The tools get a client configuration of their own (a temporary {@code CAMLI_CONFIG_DIR}) that
 * names the server, its credentials and the {@link TestIdentity} as the signing identity, and an
 * otherwise empty environment. Every run is bounded by a timeout, so a hung tool fails the test
 * instead of hanging the build.
 */
public final class PerkeepTools {
  /** How long one tool run may take before it is killed and reported as failed. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static final String KEYRING = "test-identity-secring.gpg";

  private final Path bin;
  private final RealPerkeepServer server;
  private @Nullable Path configDir;

  PerkeepTools(Path bin, RealPerkeepServer server) {
    this.bin = bin;
    this.server = server;
  }

  /**
   * Runs {@code pk-put} with the given arguments, such as {@code file -filenodes DIR}.
   *
   * @param args the arguments after the tool's name
   * @return what it printed on standard output (the refs it made, one per line)
   * @throws IllegalStateException if it exits with an error or runs longer than {@link #TIMEOUT}
   */
  public String pkPut(String... args) {
    return new String(run("pk-put", args), StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code pk-get} with the given arguments, such as {@code -contents REF}.
   *
   * @param args the arguments after the tool's name
   * @return what it printed on standard output
   * @throws IllegalStateException if it exits with an error or runs longer than {@link #TIMEOUT}
   */
  public byte[] pkGet(String... args) {
    return run("pk-get", args);
  }

  /**
   * Runs one of the tools.
   *
   * @param tool {@code pk-put} or {@code pk-get}
   * @param args its arguments
   * @return its standard output
   * @throws IllegalStateException if it exits with an error or runs longer than {@link #TIMEOUT}
   */
  public synchronized byte[] run(String tool, String... args) {
    Path executable = bin.resolve(tool);
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(executable + " is missing or not executable");
    }
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    try {
      Path dir = configDir();
      Path out = Files.createTempFile(dir, tool, ".out");
      Path err = Files.createTempFile(dir, tool, ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("HOME", dir.toString());
        environment.put("CAMLI_CONFIG_DIR", dir.toString());
        environment.put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              String.join(" ", command) + " did not finish within " + TIMEOUT);
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " exited with "
                  + process.exitValue()
                  + ": "
                  + Files.readString(err, StandardCharsets.UTF_8).strip());
        }
        return Files.readAllBytes(out);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("running " + String.join(" ", command) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + tool, e);
    }
  }

  /** The tools' client configuration, written on first use. */
  private Path configDir() throws IOException {
    Path existing = configDir;
    if (existing != null) {
      return existing;
    }
    {
      Path dir = Files.createTempDirectory("perkeep-tools");
      Path keyring = dir.resolve(KEYRING);
      try (InputStream in = TestIdentity.class.getResourceAsStream(KEYRING)) {
        if (in == null) {
          throw new IOException("the testkit jar lacks its resource " + KEYRING);
        }
        Files.copy(in, keyring, StandardCopyOption.REPLACE_EXISTING);
      }
      String config =
          "{\"servers\":{\"t\":{\"server\":"
              + quote(server.url().replaceAll("/$", ""))
              + ",\"auth\":"
              + quote(server.authSpec())
              + ",\"default\":true}},\"identity\":"
              + quote(TestIdentity.KEY_ID)
              + ",\"identitySecretRing\":"
              + quote(keyring.toString())
              + "}";
      Files.writeString(dir.resolve("client-config.json"), config, StandardCharsets.UTF_8);
      // It holds a copy of the secret keyring: gone with the JVM.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir, keyring)));
      configDir = dir;
      return dir;
    }
  }

  private static void deleteQuietly(Path dir, Path keyring) {
    try {
      Files.deleteIfExists(keyring);
      Files.deleteIfExists(dir.resolve("client-config.json"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Best effort at exit; the folder is a temporary one.
    }
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String toString() {
    return "PerkeepTools[" + bin + " for " + server + "]";
  }
}
