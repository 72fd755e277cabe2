package io.camlistore.bench;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fresh random files for one measurement, so that the server holds none of their content yet, and
 * the refs to check the stored result against.
 */
final class RandomFiles {
  private static final String HASH = "sha224";

  private RandomFiles() {}

  /**
   * Writes small files of random bytes into a folder, named {@code file-00000.bin} and on.
   *
   * @param folder where to write them; created if missing
   * @param count how many files
   * @param size the bytes of each
   * @param random the source of their content
   * @return the files, in name order
   * @throws IOException if writing fails
   */
  static List<Path> write(Path folder, int count, int size, Random random) throws IOException {
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>(count);
    byte[] content = new byte[size];
    for (int i = 0; i < count; i++) {
      random.nextBytes(content);
      Path file = folder.resolve(String.format(Locale.ROOT, "file-%05d.bin", i));
      Files.write(file, content);
      files.add(file);
    }
    return files;
  }

  /**
   * Writes one large file of random bytes, made as it is written.
   *
   * @param file the file to create; its folder is created if missing
   * @param length its bytes
   * @param seed the seed of its content
   * @return the file
   * @throws IOException if writing fails or the file exists
   */
  static Path writeLarge(Path file, long length, long seed) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    try (InputStream in = new RandomStream(length, seed)) {
      Files.copy(in, file);
    }
    return file;
  }

  /**
   * {@return the refs of the files' contents: each is a single blob, as a file under 64 KiB is}
   *
   * @param files small files
   * @throws IOException if reading fails
   */
  static List<BlobRef> blobRefs(List<Path> files) throws IOException {
    List<BlobRef> refs = new ArrayList<>(files.size());
    for (Path file : files) {
      refs.add(Blob.of(Files.readAllBytes(file)).blobRef());
    }
    return refs;
  }

  /**
   * {@return the ref of a file's whole content, to compare with what a download read}
   *
   * @param file any file
   * @throws IOException if reading fails
   */
  static BlobRef wholeRef(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return wholeRef(in);
    }
  }

  /**
   * Reads a stream to its end.
   *
   * @param in the content; not closed
   * @return the ref of everything it held
   * @throws IOException if reading fails
   */
  static BlobRef wholeRef(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      in.transferTo(out);
    }
    return BlobRef.fromDigest(HASH, digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-224");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-224", e);
    }
  }
}
