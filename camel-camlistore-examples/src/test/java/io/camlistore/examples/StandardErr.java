package io.camlistore.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what the examples log (slf4j-simple writes to the current standard error). */
final class StandardErr {
  /** A step that may throw. */
  interface Step {
    void run() throws Exception;
  }

  private StandardErr() {}

  /** Runs the step and returns what it wrote to standard error, which it still shows. */
  static String capture(Step step) throws Exception {
    try (Capture capture = start()) {
      step.run();
      return capture.text();
    }
  }

  /** Starts capturing standard error, which is still shown, until the capture is closed. */
  static Capture start() {
    return new Capture();
  }

  /** What was written to standard error since the capture started; readable while it runs. */
  static final class Capture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private Capture() {
      System.setErr(
          new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
    }

    /** {@return what was written so far} */
    String text() {
      return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }

  private static final class TeeStream extends java.io.OutputStream {
    private final PrintStream shown;
    private final ByteArrayOutputStream kept;

    TeeStream(PrintStream shown, ByteArrayOutputStream kept) {
      this.shown = shown;
      this.kept = kept;
    }

    @Override
    public synchronized void write(int b) {
      shown.write(b);
      kept.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      shown.write(bytes, offset, length);
      kept.write(bytes, offset, length);
    }
  }
}
