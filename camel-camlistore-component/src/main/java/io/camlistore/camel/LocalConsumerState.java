package io.camlistore.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.jspecify.annotations.Nullable;

/**
 * Where an endpoint's consumer keeps its state when the route names no place for it: for as long as
 * the endpoint lives, so across stops and starts of the route, each of which makes a new consumer.
 * The enumerate consumer gets a temporary state file (so that millions of refs take no memory), the
 * query consumer a memory state repository.
 */
final class LocalConsumerState {
  private @Nullable Path enumerateFile;
  private @Nullable MemoryStateRepository queryRepository;

  /**
   * {@return the enumerate consumer's state file, in the temporary folder, not created yet the
   * first time}
   *
   * @throws UncheckedIOException if no temporary file name can be had
   */
  synchronized Path enumerateFile() {
    if (enumerateFile == null) {
      try {
        Path file = Files.createTempFile("camlistore-enumerate-", ".state");
        Files.delete(file);
        enumerateFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot make a temporary state file for the enumerate consumer: " + e.getMessage(), e);
      }
    }
    return enumerateFile;
  }

  /** {@return the query consumer's state repository} */
  synchronized StateRepository<String, String> queryRepository() {
    if (queryRepository == null) {
      queryRepository = new MemoryStateRepository();
    }
    return queryRepository;
  }

  /**
   * Forgets the state: deletes the temporary files.
   *
   * @throws IOException if a file cannot be deleted
   */
  synchronized void delete() throws IOException {
    Path file = enumerateFile;
    if (file != null) {
      for (Path kept : DeliveredRefsFile.filesOf(file)) {
        Files.deleteIfExists(kept);
      }
      enumerateFile = null;
    }
    queryRepository = null;
  }
}
