package io.camlistore.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a state file to one running consumer, in this process or another: two consumers writing the
 * same state would each overwrite what the other recorded. The lock is on {@code <file>.lock},
 * which is left in place.
 */
final class StateFileLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StateFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** {@return the lock file of a state file} */
  static Path lockFileOf(Path stateFile) {
    return stateFile.resolveSibling(stateFile.getFileName() + ".lock");
  }

  /**
   * Locks a state file, creating its directories when missing.
   *
   * @param stateFile the state file
   * @return the lock, to close when the consumer stops
   * @throws IllegalStateException if another running consumer holds it
   * @throws UncheckedIOException if the lock file cannot be written
   */
  static StateFileLock acquire(Path stateFile) {
    Path file = lockFileOf(stateFile);
    FileChannel channel = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new IllegalStateException(
            stateFile
                + " is the state file of another running consumer; give each consuming endpoint"
                + " its own stateFile");
      }
      StateFileLock held = new StateFileLock(channel, lock);
      channel = null;
      return held;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    } finally {
      closeQuietly(channel);
    }
  }

  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Held by another consumer of this process.
      return null;
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing was locked through it.
      }
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock on a state file: " + e, e);
    }
  }
}
