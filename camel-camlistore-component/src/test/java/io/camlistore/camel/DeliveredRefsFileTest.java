package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enumerate consumer's state file: a sweep reads the previous file forward while it writes the
 * next one in order; completing the sweep replaces the file; a crash leaves the old file and a
 * prefix of the new one, from which the sweep resumes.
 */
class DeliveredRefsFileTest {
  @TempDir Path dir;

  private static String ref(int n) {
    return "sha224-" + String.format("%056x", n);
  }

  private Path state() {
    return dir.resolve("sub").resolve("enumerate.state");
  }

  private Path sweepFile() {
    return dir.resolve("sub").resolve("enumerate.state.sweep");
  }

  private List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.US_ASCII);
  }

  @Test
  void aCompletedSweepBecomesTheSortedFileTheNextSweepMergesWith() throws IOException {
    try (DeliveredRefsFile refs = DeliveredRefsFile.open(state())) {
      assertThat(refs.resumeAfter()).isNull();
      assertThat(refs.contains(ref(1))).isFalse();
      refs.passed(ref(1), true);
      refs.passed(ref(3), true);
      refs.sweepCompleted();

      assertThat(lines(state())).containsExactly(DeliveredRefsFile.HEADER, ref(1), ref(3));
      assertThat(lines(sweepFile())).containsExactly(DeliveredRefsFile.HEADER);
      // The next sweep: ref 2 is new, 1 and 3 known; 4 was removed from the server.
      assertThat(refs.contains(ref(1))).isTrue();
      refs.passed(ref(1), false);
      assertThat(refs.contains(ref(2))).isFalse();
      refs.passed(ref(2), true);
      assertThat(refs.contains(ref(3))).isTrue();
      refs.passed(ref(3), false);
      refs.sweepCompleted();
    }
    assertThat(lines(state())).containsExactly(DeliveredRefsFile.HEADER, ref(1), ref(2), ref(3));
  }

  @Test
  void refsTheSweepDidNotPassAreDropped() throws IOException {
    try (DeliveredRefsFile refs = DeliveredRefsFile.open(state())) {
      refs.passed(ref(1), true);
      refs.passed(ref(2), true);
      refs.sweepCompleted();
      assertThat(refs.contains(ref(2))).isTrue();
      refs.passed(ref(2), false);
      refs.sweepCompleted();
    }
    assertThat(lines(state())).containsExactly(DeliveredRefsFile.HEADER, ref(2));
  }

  /** {@return where a copy of the state files stands, as a killed process leaves them on disk} */
  private Path crashCopy() throws IOException {
    Path copy = dir.resolve("after-crash").resolve("enumerate.state");
    Files.createDirectories(copy.getParent());
    for (Path file : List.of(state(), sweepFile())) {
      if (Files.exists(file)) {
        Files.copy(file, copy.resolveSibling(file.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void aCrashedSweepResumesAfterTheLastFlushedRefAndLosesATornLine() throws IOException {
    Path copy;
    try (DeliveredRefsFile crashed = DeliveredRefsFile.open(state())) {
      crashed.passed(ref(1), true);
      crashed.passed(ref(2), true);
      crashed.flush();
      crashed.passed(ref(3), true); // never flushed: lost in the crash
      Files.writeString(
          sweepFile(),
          ref(4).substring(0, 20),
          StandardCharsets.US_ASCII,
          StandardOpenOption.APPEND);
      copy = crashCopy();
    }

    try (DeliveredRefsFile resumed = DeliveredRefsFile.open(copy)) {
      assertThat(resumed.resumeAfter()).isEqualTo(ref(2));
      assertThat(lines(DeliveredRefsFile.sweepFileOf(copy)))
          .containsExactly(DeliveredRefsFile.HEADER, ref(1), ref(2));
      resumed.passed(ref(3), true);
      resumed.sweepCompleted();
    }
    assertThat(lines(copy)).containsExactly(DeliveredRefsFile.HEADER, ref(1), ref(2), ref(3));
  }

  @Test
  void aSweepThatRecordedNothingResumesAtTheBeginning() throws IOException {
    Path copy;
    try (DeliveredRefsFile crashed = DeliveredRefsFile.open(state())) {
      crashed.flush();
      copy = crashCopy();
    }

    try (DeliveredRefsFile resumed = DeliveredRefsFile.open(copy)) {
      assertThat(resumed.resumeAfter()).isNull();
    }
  }

  @Test
  void aFormerCursorFileReadsAsEveryRefUpToItsPositionDelivered() throws IOException {
    Files.createDirectories(state().getParent());
    Files.writeString(state(), ref(5) + "\n", StandardCharsets.UTF_8);

    try (DeliveredRefsFile refs = DeliveredRefsFile.open(state())) {
      assertThat(refs.contains(ref(4))).isTrue();
      refs.passed(ref(4), false);
      assertThat(refs.contains(ref(5))).isTrue();
      refs.passed(ref(5), false);
      assertThat(refs.contains(ref(6))).isFalse();
      refs.passed(ref(6), true);
      refs.sweepCompleted();
    }
    assertThat(lines(state())).containsExactly(DeliveredRefsFile.HEADER, ref(4), ref(5), ref(6));
  }

  @Test
  void aFileOfAnotherKindIsRefusedNamingIt() throws IOException {
    Files.createDirectories(state().getParent());
    Files.writeString(state(), "one\ntwo\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DeliveredRefsFile.open(state()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(state().toString())
        .hasMessageContaining("neither an enumerate state file");
  }

  @Test
  void anUnsortedStateFileFailsWhenReadNamingTheLine() throws IOException {
    Files.createDirectories(state().getParent());
    Files.write(state(), List.of(DeliveredRefsFile.HEADER, ref(2), ref(1)));

    try (DeliveredRefsFile refs = DeliveredRefsFile.open(state())) {
      assertThatThrownBy(() -> refs.contains(ref(3)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is not sorted: line 3");
    }
  }

  @Test
  void aSweepFileWhoseLastLineIsNoRefIsRefused() throws IOException {
    Files.createDirectories(state().getParent());
    Files.write(sweepFile(), List.of(DeliveredRefsFile.HEADER, "not a ref"));

    assertThatThrownBy(() -> DeliveredRefsFile.open(state()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its last line is not a blob ref");
  }

  @Test
  void nothingIsWrittenAfterClose() throws IOException {
    DeliveredRefsFile refs = DeliveredRefsFile.open(state());
    refs.passed(ref(1), true);
    refs.close();
    refs.passed(ref(2), true);
    refs.flush();
    refs.close();

    assertThat(lines(sweepFile())).containsExactly(DeliveredRefsFile.HEADER, ref(1));
  }

  @Test
  void aStateFileInUseByAnotherConsumerIsRefusedUntilItIsClosed() throws IOException {
    DeliveredRefsFile first = DeliveredRefsFile.open(state());

    assertThatThrownBy(() -> DeliveredRefsFile.open(state()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(state() + " is the state file of another running consumer");
    first.close();
    DeliveredRefsFile.open(state()).close();
  }
}
