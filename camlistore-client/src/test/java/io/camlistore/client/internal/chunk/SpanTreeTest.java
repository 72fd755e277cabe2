package io.camlistore.client.internal.chunk;

import static io.camlistore.client.internal.PerkeepTestData.parseObject;
import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanTreeTest {
  private final List<Blob> received = new ArrayList<>();
  private final SpanTree tree =
      new SpanTree(
          "sha224",
          (blob, kind) -> {
            assertThat(kind).isEqualTo(ChunkSink.Kind.BYTES_SCHEMA);
            received.add(blob);
          });

  private static BlobRef chunk(String name) {
    return BlobRef.compute("sha224", name.getBytes(StandardCharsets.UTF_8));
  }

  private static Blob bytesBlob(Part... parts) {
    return SchemaBlobs.of(FileSchema.bytes(List.of(parts)), "sha224");
  }

  @Test
  void lighterTrailingSpansBecomeChildrenOfTheNextHeavierOne() throws IOException {
    tree.add(chunk("A"), 100, 18);
    tree.add(chunk("B"), 10, 14);
    tree.add(chunk("C"), 20, 13);
    tree.add(chunk("D"), 30, 15); // adopts B and C
    tree.add(chunk("E"), 40, 20); // adopts A and D (with D's children)
    tree.add(chunk("F"), 5, 0); // the final chunk adopts nothing

    Blob bc = bytesBlob(Part.blob(chunk("B"), 10), Part.blob(chunk("C"), 20));
    Blob ad =
        bytesBlob(
            Part.blob(chunk("A"), 100), Part.bytes(bc.blobRef(), 30), Part.blob(chunk("D"), 30));
    assertThat(received).containsExactly(bc, ad);
    assertThat(tree.parts())
        .containsExactly(
            Part.bytes(ad.blobRef(), 160), Part.blob(chunk("E"), 40), Part.blob(chunk("F"), 5));
  }

  @Test
  void equalWeightsStaySiblings() throws IOException {
    tree.add(chunk("A"), 1, 20);
    tree.add(chunk("B"), 2, 20);
    tree.add(chunk("C"), 3, 20);

    assertThat(received).isEmpty();
    assertThat(tree.parts())
        .containsExactly(
            Part.blob(chunk("A"), 1), Part.blob(chunk("B"), 2), Part.blob(chunk("C"), 3));
  }

  @Test
  void aSingleChildlessChildIsReferencedDirectlyNotThroughABytesBlob() throws IOException {
    tree.add(chunk("A"), 7, 18);
    tree.add(chunk("B"), 8, 20);

    assertThat(received).isEmpty();
    assertThat(tree.parts()).containsExactly(Part.blob(chunk("A"), 7), Part.blob(chunk("B"), 8));
  }

  @Test
  void aSingleChildWithChildrenGetsItsOwnBytesBlob() throws IOException {
    tree.add(chunk("A"), 7, 14);
    tree.add(chunk("B"), 8, 16); // adopts A, referenced directly
    tree.add(chunk("C"), 9, 17); // adopts B, which has a child: needs a bytes blob

    Blob ab = bytesBlob(Part.blob(chunk("A"), 7), Part.blob(chunk("B"), 8));
    assertThat(received).containsExactly(ab);
    Map<String, Object> json = parseObject(ab.text());
    assertThat(json).containsEntry("camliType", "bytes");
    assertThat(tree.parts())
        .containsExactly(Part.bytes(ab.blobRef(), 15), Part.blob(chunk("C"), 9));
  }

  @Test
  void noChunksMeanNoParts() {
    assertThat(tree.parts()).isEmpty();
  }
}
