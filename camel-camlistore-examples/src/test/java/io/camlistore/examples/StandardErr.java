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
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
    try {
      step.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
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
