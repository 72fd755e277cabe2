package io.camlistore.bench;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Perkeep's reference uploader, {@code pk-put}, doing the work a scenario measures, for comparison.
 * Each method runs it once and checks that it printed one ref per blob it reports (a malformed or
 * missing line fails the run); what the refs name is for the caller to check on the server.
 */
final class PkPut {
  private final PerkeepTools tools;

  PkPut(PerkeepTools tools) {
    this.tools = tools;
  }

  /**
   * Runs {@code pk-put blob FILE…}: each file becomes one blob.
   *
   * @param files the files, each at most a blob's size
   * @return the refs it printed, one per file
   * @throws IllegalStateException if it fails or prints another number of refs
   */
  List<BlobRef> blobs(List<Path> files) {
    List<String> args = new ArrayList<>(files.size() + 1);
    args.add("blob");
    files.forEach(file -> args.add(file.toString()));
    return refs(tools.pkPut(args.toArray(String[]::new)), files.size(), "pk-put blob");
  }

  /**
   * Runs {@code pk-put file FILE}: the content in chunks and a file schema.
   *
   * @param file the file
   * @return the file schema's ref
   * @throws IllegalStateException if it fails or prints anything but one ref
   */
  BlobRef file(Path file) {
    return refs(tools.pkPut("file", file.toString()), 1, "pk-put file").get(0);
  }

  /**
   * Runs {@code pk-put file -filenodes FOLDER}: each file's content and file schema, a permanode
   * per file with its {@code camliContent} claim, and the folder's directory schema.
   *
   * @param folder a folder of files, without subfolders
   * @param files how many files it holds
   * @return the refs it printed: a permanode and a claim per file, then the directory
   * @throws IllegalStateException if it fails or prints another number of refs
   */
  List<BlobRef> fileNodes(Path folder, int files) {
    return refs(
        tools.pkPut("file", "-filenodes", folder.toString()), 2 * files + 1, "pk-put -filenodes");
  }

  /**
   * Reads the refs a run printed, one per line.
   *
   * @param output what it printed
   * @param expected how many refs it must have printed
   * @param run the run, for the error message
   * @return the refs, in printed order
   * @throws IllegalStateException if a line is not a ref or the count differs
   */
  static List<BlobRef> refs(String output, int expected, String run) {
    List<BlobRef> refs = new ArrayList<>(expected);
    output
        .lines()
        .filter(line -> !line.isBlank())
        .forEach(
            line -> {
              BlobRef ref = BlobRef.parseOrNull(line.strip());
              if (ref == null) {
                throw new IllegalStateException(run + " printed a line that is not a ref: " + line);
              }
              refs.add(ref);
            });
    if (refs.size() != expected) {
      throw new IllegalStateException(
          run + " printed " + refs.size() + " refs where " + expected + " were expected");
    }
    return refs;
  }
}
