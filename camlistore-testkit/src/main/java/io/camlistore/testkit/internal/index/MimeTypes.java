package io.camlistore.testkit.internal.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Guesses a file's MIME type as Perkeep's indexer does: from the magic numbers at the start of the
 * content, else from the file name's extension. A subset of Perkeep's table: common image,
 * document, archive and media formats, and Go's built-in extension table plus {@code .txt}.
 */
final class MimeTypes {
  /** How much of the content is sniffed. */
  static final int SNIFF_LENGTH = 1024;

  /** A magic number: bytes at an offset that identify a type. */
  private static final class Magic {
    private final int offset;
    private final byte[] prefix;
    private final String type;

    Magic(int offset, byte[] prefix, String type) {
      this.offset = offset;
      this.prefix = prefix;
      this.type = type;
    }

    boolean matches(byte[] head) {
      int end = offset + prefix.length;
      // Perkeep wants the header strictly longer than the prefix.
      return head.length > end && Arrays.equals(head, offset, end, prefix, 0, prefix.length);
    }
  }

  private static final List<Magic> MAGIC =
      List.of(
          magic("GIF87a", "image/gif"),
          magic("GIF89a", "image/gif"),
          magic(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe2}, "image/jpeg"),
          magic(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1}, "image/jpeg"),
          magic(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, "image/jpeg"),
          magic(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xdb}, "image/jpeg"),
          magic(new byte[] {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, 10}, "image/png"),
          magic(new byte[] {0x49, 0x49, 0x2A, 0}, "image/tiff"),
          magic(new byte[] {0x4D, 0x4D, 0, 0x2A}, "image/tiff"),
          magic("-----BEGIN PGP PUBLIC KEY BLOCK---", "text/x-openpgp-public-key"),
          magic("fLaC\u0000\u0000\u0000", "audio/x-flac"),
          magic("ID3", "audio/mpeg"),
          magic(new byte[] {0x1F, (byte) 0x8B, 0x08}, "application/x-gzip"),
          magic("BZh", "application/x-bzip2"),
          magic(new byte[] {'P', 'K', 3, 4}, "application/zip"),
          magic("%PDF", "application/pdf"),
          magic("OggS", "application/ogg"),
          new Magic(4, ascii("moov"), "video/quicktime"),
          new Magic(8, ascii("isom"), "video/mp4"),
          new Magic(8, ascii("WAVE"), "audio/x-wav"));

  /** Go's built-in extension table, and {@code .txt} as a Linux {@code mime.types} adds it. */
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry(".avif", "image/avif"),
          Map.entry(".css", "text/css"),
          Map.entry(".gif", "image/gif"),
          Map.entry(".htm", "text/html"),
          Map.entry(".html", "text/html"),
          Map.entry(".jpeg", "image/jpeg"),
          Map.entry(".jpg", "image/jpeg"),
          Map.entry(".js", "text/javascript"),
          Map.entry(".json", "application/json"),
          Map.entry(".mjs", "text/javascript"),
          Map.entry(".pdf", "application/pdf"),
          Map.entry(".png", "image/png"),
          Map.entry(".svg", "image/svg+xml"),
          Map.entry(".txt", "text/plain"),
          Map.entry(".wasm", "application/wasm"),
          Map.entry(".webp", "image/webp"),
          Map.entry(".xml", "text/xml"));

  private MimeTypes() {}

  private static Magic magic(String prefix, String type) {
    return new Magic(0, prefix.getBytes(StandardCharsets.ISO_8859_1), type);
  }

  private static Magic magic(byte[] prefix, String type) {
    return new Magic(0, prefix, type);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Guesses a type.
   *
   * @param head the first bytes of the content (up to {@link #SNIFF_LENGTH})
   * @param fileName the file's name
   * @return the type, or null when neither the content nor the name tells
   */
  static @Nullable String guess(byte[] head, String fileName) {
    for (Magic magic : MAGIC) {
      if (magic.matches(head)) {
        return magic.type;
      }
    }
    int dot = fileName.lastIndexOf('.');
    int slash = fileName.lastIndexOf('/');
    if (dot < 0 || dot < slash) {
      return null;
    }
    return EXTENSIONS.get(fileName.substring(dot).toLowerCase(Locale.ROOT));
  }
}
