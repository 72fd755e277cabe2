package io.camlistore.bench;

import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs the embedded server in its own JVM, so that the benchmarked client's heap holds only the
 * client. Prints its URL on the first line of standard output and stops when standard input closes.
 */
public final class StandaloneServer {
  private StandaloneServer() {}

  /**
   * Starts the server.
   *
   * @param args the storage directory
   * @throws IOException if standard input fails
   */
  public static void main(String[] args) throws IOException {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder()
            .storageDirectory(Path.of(args[0]))
            .noAuth()
            // A long run: no request bodies kept in the server's request log, which no one reads.
            .recordedBodyLimit(0)
            // The ingest scenario makes permanodes, signed by the server's sign helper.
            .signer(TestIdentity.signer())
            .start()) {
      System.out.println(server.url());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Wait for the parent to close our standard input.
      }
    }
  }
}
