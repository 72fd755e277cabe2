package io.camlistore.client;

import io.camlistore.testkit.PerkeepTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading stored files back with Perkeep's own {@code pk-get -contents}, to compare with disk. */
final class PkGetContents {
  private PkGetContents() {}

  /** {@return the contents {@code pk-get -contents} prints for the file refs, one after another} */
  static byte[] read(PerkeepTools tools, List<String> fileRefs) {
    List<String> args = new ArrayList<>();
    args.add("-contents");
    args.addAll(fileRefs);
    return tools.pkGet(args.toArray(new String[0]));
  }

  /** {@return the files' bytes one after another, as {@link #read} prints them when all is well} */
  static byte[] concatenation(List<Path> files) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Path file : files) {
      all.write(Files.readAllBytes(file));
    }
    return all.toByteArray();
  }
}
