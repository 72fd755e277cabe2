package io.camlistore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.RealPerkeepServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PkPut passes to pk-put and makes of its output, with a stand-in pk-put script that records
 * its arguments and prints a given output (PkPutIT runs the real one).
 */
class PkPutTest {
  private static final BlobRef A = Blob.of("a").blobRef();
  private static final BlobRef B = Blob.of("b").blobRef();
  private static final BlobRef C = Blob.of("c").blobRef();

  @TempDir Path bin;

  private PkPut pkPutPrinting(String output) throws IOException {
    Path script = bin.resolve("pk-put");
    Files.writeString(
        script,
        "#!/bin/sh\necho \"$@\" > \"" + bin.resolve("args") + "\"\nprintf '" + output + "'\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new PkPut(RealPerkeepServer.of("http://127.0.0.1:1/", "none").tools(bin));
  }

  private String arguments() throws IOException {
    return Files.readString(bin.resolve("args"), StandardCharsets.UTF_8).strip();
  }

  @Test
  void blobsUploadsEachFileAndReturnsTheRefsPrinted() throws IOException {
    PkPut pkPut = pkPutPrinting(A + "\\n" + B + "\\n");

    assertThat(pkPut.blobs(List.of(Path.of("/d/one"), Path.of("/d/two")))).containsExactly(A, B);
    assertThat(arguments()).isEqualTo("blob /d/one /d/two");
  }

  @Test
  void fileReturnsTheFileSchemaRef() throws IOException {
    PkPut pkPut = pkPutPrinting(A + "\\n");

    assertThat(pkPut.file(Path.of("/d/big.bin"))).isEqualTo(A);
    assertThat(arguments()).isEqualTo("file /d/big.bin");
  }

  @Test
  void fileNodesExpectsAPermanodeAndAClaimPerFileAndTheDirectory() throws IOException {
    PkPut pkPut = pkPutPrinting(A + "\\n" + B + "\\n" + C + "\\n");

    assertThat(pkPut.fileNodes(Path.of("/d"), 1)).containsExactly(A, B, C);
    assertThat(arguments()).isEqualTo("file -filenodes /d");
    assertThatThrownBy(() -> pkPut.fileNodes(Path.of("/d"), 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pk-put -filenodes printed 3 refs where 5 were expected");
  }

  @Test
  void aLineThatIsNotARefFailsTheRun() throws IOException {
    PkPut pkPut = pkPutPrinting(A + "\\nuploaded 1 file\\n");

    assertThatThrownBy(() -> pkPut.file(Path.of("/d/f")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pk-put file printed a line that is not a ref: uploaded 1 file");
  }

  @Test
  void missingRefsFailTheRun() throws IOException {
    PkPut pkPut = pkPutPrinting("");

    assertThatThrownBy(() -> pkPut.blobs(List.of(Path.of("/d/one"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pk-put blob printed 0 refs where 1 were expected");
  }
}
