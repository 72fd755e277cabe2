package io.camlistore.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real perkeepd of a test's own, for tests that stop, kill or restart the server (never the
 * shared one, which other tests use): started and stopped with the {@code perkeep-server} script of
 * a Perkeep folder, on a free loopback port and data of its own, which a restart keeps.
 *
 * <pre>{@code
 * try (PerkeepProcess own = PerkeepProcess.create(Objects.requireNonNull(shared.home()), tempDir)) {
 *   own.start();
 *   ...
 *   own.killHard();   // kill -9, mid-work
 *   own.start();      // the same data, the same port
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class PerkeepProcess implements AutoCloseable {
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);

  private final Path home;
  private final Path data;
  private final int port;

  private PerkeepProcess(Path home, Path data, int port) {
    this.home = home;
    this.data = data;
    this.port = port;
  }

  /**
   * Names a server of a test's own; nothing runs until {@link #start()}.
   *
   * @param home the Perkeep folder, with {@code perkeep-server} and {@code bin/}, as {@link
   *     RealPerkeepServer#home()} gives it
   * @param data where the server keeps its blobs and index (created if missing)
   * @return the server, on a free loopback port
   * @throws UncheckedIOException if no free port can be found
   */
  public static PerkeepProcess create(Path home, Path data) {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new PerkeepProcess(home, data, socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("finding a free port for perkeepd failed: " + e, e);
    }
  }

  /**
   * Starts the server on its data (the same after a restart) and waits until it answers.
   *
   * @throws IllegalStateException if the script fails or takes over two minutes
   */
  public void start() {
    script("start", data.toString(), Integer.toString(port));
  }

  /**
   * Kills the server with {@code kill -9}: no chance to flush or close anything.
   *
   * @throws IllegalStateException if it is not running or does not exit within a minute
   */
  public void killHard() {
    try {
      long pid = Long.parseLong(Files.readString(data.resolve("perkeepd.pid")).strip());
      ProcessHandle process =
          ProcessHandle.of(pid)
              .orElseThrow(() -> new IllegalStateException("perkeepd " + pid + " is not running"));
      process.destroyForcibly();
      process.onExit().get(1, TimeUnit.MINUTES);
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("killing perkeepd of " + data + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing perkeepd of " + data, e);
    }
  }

  /** Stops the server cleanly, if it runs. */
  public void stop() {
    if (Files.exists(data.resolve("perkeepd.pid"))) {
      script("stop", data.toString());
    }
  }

  /**
   * {@return the server, to connect to and to run the Go tools against, with the credentials the
   * {@code perkeep-server} script gives every server it starts ({@code userpass:alice:secret})}
   */
  public RealPerkeepServer server() {
    return Objects.requireNonNull(
        RealPerkeepServer.fromVariables(
            Map.of(
                RealPerkeepServer.URL_VARIABLE,
                "http://127.0.0.1:" + port + "/",
                RealPerkeepServer.AUTH_VARIABLE,
                "userpass:alice:secret",
                RealPerkeepServer.HOME_VARIABLE,
                home.toString())),
        "the variables name a server");
  }

  /** Stops the server, if it runs. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "PerkeepProcess{127.0.0.1:" + port + ", " + data + "}";
  }

  private void script(String... args) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("perkeep-server").toString());
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("perkeep-server", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(command + " did not finish within " + SCRIPT_TIMEOUT);
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              command + " exited with " + process.exitValue() + ": " + Files.readString(log));
        }
      } finally {
        Files.delete(log);
      }
    } catch (IOException e) {
      throw new IllegalStateException(command + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
