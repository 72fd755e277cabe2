package io.camlistore.client.internal.chunk;

import static io.camlistore.client.internal.PerkeepTestData.FILE_METADATA;
import static io.camlistore.client.internal.PerkeepTestData.bytes;
import static io.camlistore.client.internal.PerkeepTestData.open;
import static io.camlistore.client.internal.PerkeepTestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.client.internal.PerkeepTestData;
import io.camlistore.client.internal.chunk.ChunkSink.Kind;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.CanonicalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileChunkerTest {
  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;

  private final FileChunker chunker = new FileChunker();
  private final Recorder recorder = new Recorder();

  /** Keeps every blob the chunker hands over, in order. */
  private static final class Recorder implements ChunkSink {
    final List<Blob> blobs = new ArrayList<>();
    final List<Kind> kinds = new ArrayList<>();

    @Override
    public void accept(Blob blob, Kind kind) {
      blobs.add(blob);
      kinds.add(kind);
    }

    List<Blob> of(Kind kind) {
      List<Blob> selected = new ArrayList<>();
      for (int i = 0; i < blobs.size(); i++) {
        if (kinds.get(i) == kind) {
          selected.add(blobs.get(i));
        }
      }
      return selected;
    }

    List<Integer> chunkSizes() {
      return of(Kind.CHUNK).stream().map(Blob::size).toList();
    }

    Map<BlobRef, Blob> byRef() {
      Map<BlobRef, Blob> map = new HashMap<>();
      blobs.forEach(blob -> map.put(blob.blobRef(), blob));
      return map;
    }
  }

  /** Returns at most a few random bytes per read, as a slow network stream would. */
  private static final class TrickleInputStream extends FilterInputStream {
    private final Random random = new Random(5);

    TrickleInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1 + random.nextInt(5000)));
    }
  }

  private static List<Part> partsOf(Blob bytesSchema) {
    return PerkeepTestData.partsOf(bytesSchema.text());
  }

  /**
   * Walks the parts tree through the received blobs, checking that every declared size adds up, and
   * appends the content it describes.
   */
  private static long reassemble(
      List<Part> parts, Map<BlobRef, Blob> blobs, ByteArrayOutputStream out) throws IOException {
    long total = 0;
    for (Part part : parts) {
      Blob blob =
          Objects.requireNonNull(
              blobs.get(part.ref()), "blob " + part.ref() + " never reached the sink");
      if (part.bytesRef()) {
        assertThat(reassemble(partsOf(blob), blobs, out)).isEqualTo(part.size());
      } else {
        assertThat((long) blob.size()).isEqualTo(part.size());
        blob.writeTo(out);
      }
      total += part.size();
    }
    return total;
  }

  /** Checks that the sink saw every blob before any bytes blob that refers to it. */
  private static void assertChildrenArriveFirst(Recorder recorder) {
    Set<BlobRef> seen = new HashSet<>();
    for (int i = 0; i < recorder.blobs.size(); i++) {
      Blob blob = recorder.blobs.get(i);
      if (recorder.kinds.get(i) == Kind.BYTES_SCHEMA) {
        for (Part part : partsOf(blob)) {
          assertThat(seen).as("parts of bytes blob %s", blob.blobRef()).contains(part.ref());
        }
      }
      seen.add(blob.blobRef());
    }
  }

  private void assertWellFormed(byte[] content, FileParts layout) throws IOException {
    List<Integer> sizes = recorder.chunkSizes();
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, FileChunker.MAX_CHUNK_SIZE));
    if (content.length > 256 * KIB) {
      assertThat(sizes.get(0)).isEqualTo(256 * KIB);
      assertThat(sizes.subList(1, sizes.size() - 1))
          .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(64 * KIB + 1));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
    assertThat(reassemble(layout.parts(), recorder.byRef(), out)).isEqualTo(content.length);
    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(layout.size()).isEqualTo(content.length);
    assertChildrenArriveFirst(recorder);
  }

  @ParameterizedTest
  @CsvSource({
    "hello.txt, hello.txt, hello.txt.json, "
        + "sha224-d8cbec395d7f5d94042f7a996fe88c51fa4d7d21c5e896ca8a899df6",
    "random-300k.bin, random-300k.bin, random-300k.bin.json, "
        + "sha224-8462a43f9ce2ff1d9a889b2462e459e71558c408d05e99c66a059f71",
    "random-3m.bin, random-3m.bin, random-3m.bin.json, "
        + "sha224-12bbfefb58ff4b48aa952f276c323412c02cec1e767c21b9d2b033e2",
    "tree/a.txt, a.txt, tree-a.txt.json, "
        + "sha224-5732c478e765e292c2268113a5552a99391b7f996c43d0a6b7f9736d",
    "tree/b.txt, b.txt, tree-b.txt.json, "
        + "sha224-9dbefb2134e030f6baae8c76cefefdd09f30e3942373b69644a00168",
    "tree/sub/c.txt, c.txt, tree-sub-c.txt.json, "
        + "sha224-36072c91a6d5454d29a2a5f2612dcc813a1d049c6a0a8ae715b20fe2"
  })
  void fileSchemaIsByteIdenticalToPkPuts(String file, String name, String schema, String ref)
      throws IOException {
    FileParts layout = chunker.chunk(open("testdata/" + file), recorder);

    Blob fileSchema =
        SchemaBlobs.of(FileSchema.file(name, layout.parts(), FILE_METADATA), "sha224");

    assertThat(fileSchema.text()).isEqualTo(text("testdata/schemas/" + schema));
    assertThat(fileSchema.blobRef()).hasToString(ref);
    assertWellFormed(bytes("testdata/" + file), layout);
  }

  @Test
  void helloIsOneChunkWithTheKnownRef() throws IOException {
    FileParts layout = chunker.chunk(open("testdata/hello.txt"), recorder);

    assertThat(layout.parts())
        .containsExactly(
            Part.blob(
                BlobRef.parse("sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3"),
                16));
    assertThat(recorder.kinds).containsExactly(Kind.CHUNK);
  }

  @Test
  void threeMegabyteFileGivesExactlyTheBlobsPkPutUploaded() throws IOException {
    PkPutTrace trace = PkPutTrace.parse(text("fixtures/pkput-traces/pkput-file-3m.txt"));
    BlobRef fileSchema =
        BlobRef.parse("sha224-12bbfefb58ff4b48aa952f276c323412c02cec1e767c21b9d2b033e2");
    Map<BlobRef, Integer> expected = new LinkedHashMap<>(trace.received());
    assertThat(expected.remove(fileSchema)).isEqualTo(881);
    trace.textBlobs().forEach((ref, body) -> assertThat(Blob.of(body).blobRef()).isEqualTo(ref));

    chunker.chunk(open("testdata/random-3m.bin"), recorder);

    Map<BlobRef, Integer> made = new LinkedHashMap<>();
    recorder.blobs.forEach(blob -> made.put(blob.blobRef(), blob.size()));
    assertThat(made).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(recorder.of(Kind.CHUNK)).hasSize(41);
    assertThat(recorder.of(Kind.BYTES_SCHEMA))
        .hasSize(8)
        .allSatisfy(
            bytes -> assertThat(bytes.text()).isEqualTo(trace.textBlobs().get(bytes.blobRef())));
  }

  @Test
  void trickledReadsGiveTheSameChunksAsBulkReads() throws IOException {
    FileParts bulk = chunker.chunk(open("testdata/random-3m.bin"), recorder);
    Recorder trickled = new Recorder();

    FileParts slow =
        chunker.chunk(new TrickleInputStream(open("testdata/random-3m.bin")), trickled);

    assertThat(slow).isEqualTo(bulk);
    assertThat(trickled.blobs).isEqualTo(recorder.blobs);
  }

  @Test
  void emptyFileHasNoPartsAndNoBlobs() throws IOException {
    FileParts layout = chunker.chunk(open("testdata/empty.txt"), recorder);

    assertThat(layout).isEqualTo(new FileParts(List.of(), 0));
    assertThat(recorder.blobs).isEmpty();
    assertThat(CanonicalJson.indent(FileSchema.file("empty.txt", layout.parts(), FILE_METADATA)))
        .contains("\"parts\": []");
  }

  @Test
  void fileNameThatNeedsEscapingGivesTheSchemaPkPutWrites() throws IOException {
    FileParts layout = chunker.chunk(open("testdata/names/tricky-name.txt"), recorder);

    String schema =
        new String(
            CanonicalJson.schemaBytes(
                FileSchema.file("a<b>&é \"q\".txt", layout.parts(), FILE_METADATA)),
            StandardCharsets.UTF_8);

    assertThat(schema)
        .contains("\"fileName\": \"a\\u003cb\\u003e\\u0026é \\\"q\\\".txt\",")
        .contains("\"blobRef\": \"" + Blob.of("x").blobRef() + "\",\n      \"size\": 1");
  }

  @Test
  void contentUpToTheFirstChunkSizeIsOneChunk() throws IOException {
    byte[] content = new byte[256 * KIB];
    new Random(6).nextBytes(content);

    FileParts layout = chunker.chunk(new ByteArrayInputStream(content), recorder);

    assertThat(recorder.chunkSizes()).containsExactly(256 * KIB);
    assertThat(layout.parts()).containsExactly(Part.blob(Blob.of(content).blobRef(), 256 * KIB));
  }

  @Test
  void oneByteMoreThanTheFirstChunkSizeMakesASecondChunk() throws IOException {
    byte[] content = new byte[256 * KIB + 1];
    new Random(7).nextBytes(content);

    FileParts layout = chunker.chunk(new ByteArrayInputStream(content), recorder);

    assertThat(recorder.chunkSizes()).containsExactly(256 * KIB, 1);
    assertThat(layout.parts()).hasSize(2);
    assertWellFormed(content, layout);
  }

  @Test
  void zerosSplitOnlyAtTheFirstChunkAndMaximumSizes() throws IOException {
    byte[] content = new byte[5 * MIB];

    FileParts layout = chunker.chunk(new ByteArrayInputStream(content), recorder);

    assertThat(recorder.chunkSizes()).containsExactly(256 * KIB, MIB, MIB, MIB, MIB, 768 * KIB);
    // The first chunk hangs under the first 1 MiB chunk, referenced directly; no bytes blobs.
    assertThat(recorder.of(Kind.BYTES_SCHEMA)).isEmpty();
    BlobRef mebibyteOfZeros = Blob.of(new byte[MIB]).blobRef();
    assertThat(layout.parts())
        .containsExactly(
            Part.blob(Blob.of(new byte[256 * KIB]).blobRef(), 256 * KIB),
            Part.blob(mebibyteOfZeros, MIB),
            Part.blob(mebibyteOfZeros, MIB),
            Part.blob(mebibyteOfZeros, MIB),
            Part.blob(mebibyteOfZeros, MIB),
            Part.blob(Blob.of(new byte[768 * KIB]).blobRef(), 768 * KIB));
    assertWellFormed(content, layout);
  }

  @Test
  void largeMixedContentKeepsChunkLimitsAndATreeWhoseSizesAddUp() throws IOException {
    // Random runs separated by zero runs long enough to force maximum-size cuts.
    Random random = new Random(8);
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    for (int run = 0; run < 6; run++) {
      byte[] noise = new byte[MIB + random.nextInt(3 * MIB)];
      random.nextBytes(noise);
      mixed.write(noise);
      mixed.write(new byte[random.nextInt(3 * MIB)]);
    }
    byte[] content = mixed.toByteArray();

    FileParts layout = chunker.chunk(new ByteArrayInputStream(content), recorder);

    assertWellFormed(content, layout);
    assertThat(recorder.chunkSizes()).contains(MIB);
    assertThat(recorder.of(Kind.BYTES_SCHEMA)).isNotEmpty();
    assertThat(recorder.kinds.get(0)).isEqualTo(Kind.CHUNK);
  }

  @Test
  void chunksCanBeNamedWithAnotherHash() throws IOException {
    FileParts layout = new FileChunker("sha1").chunk(open("testdata/hello.txt"), recorder);

    assertThat(layout.parts())
        .containsExactly(Part.blob(BlobRef.compute("sha1", bytes("testdata/hello.txt")), 16));
    assertThat(recorder.blobs.get(0).hashFuncName()).isEqualTo("sha1");
  }

  @Test
  void rejectsAnUnsupportedHash() {
    assertThatThrownBy(() -> new FileChunker("md5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'md5'");
  }

  @Test
  void sinkFailureStopsChunkingAndReachesTheCaller() {
    IOException uploadFailed = new IOException("upload failed");
    int[] calls = {0};
    ChunkSink failing =
        (blob, kind) -> {
          calls[0]++;
          throw uploadFailed;
        };

    assertThatThrownBy(() -> chunker.chunk(open("testdata/random-3m.bin"), failing))
        .isSameAs(uploadFailed);
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void readFailureReachesTheCaller() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk gone");
          }
        };

    assertThatThrownBy(() -> chunker.chunk(broken, recorder)).hasMessage("disk gone");
    assertThat(recorder.blobs).isEmpty();
  }
}
