package io.camlistore.client.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.Blob;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.internal.schema.FileSchema;
import io.camlistore.client.internal.schema.SchemaBlobs;
import io.camlistore.client.internal.schema.SchemaNode;
import io.camlistore.client.internal.schema.StaticSet;
import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing and restoring directory trees against an in-memory store (no HTTP), for trees too big to
 * push through WireMock quickly and for nodes that have no content.
 */
class DirectoryTreeTest {
  @TempDir Path temp;

  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Map<BlobRef, Blob> store = new ConcurrentHashMap<>();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Set<BlobRef> written = ConcurrentHashMap.newKeySet();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aDirectoryOfMoreThanTenThousandEntriesIsSplitIntoMergeSetsAndRestoredWhole()
      throws IOException {
    Path source = temp.resolve("many");
    Files.createDirectory(source);
    int count = StaticSet.MAX_MEMBERS + 1;
    for (int i = 0; i < count; i++) {
      Files.writeString(source.resolve("f" + i), i % 100 == 0 ? "content " + i : "");
    }

    BlobRef ref = write(source);

    SchemaNode top = SchemaNode.parse(fetch(SchemaNode.parse(fetch(ref)).entries()));
    assertThat(top.members()).isEmpty();
    assertThat(top.mergeSets()).hasSize(2);
    assertThat(violations).isEmpty();
    Path target = temp.resolve("restored");
    restore(ref, target);
    try (Stream<Path> restored = Files.list(target)) {
      assertThat(restored.count()).isEqualTo(count);
    }
    assertThat(target.resolve("f9900")).hasContent("content 9900");
    assertThat(target.resolve("f9901")).isEmptyFile();
  }

  @Test
  void nodesWithoutContentAreSkippedWhenWritingAndWhenRestoring() throws Exception {
    Path source = temp.resolve("special");
    Files.createDirectory(source);
    Files.writeString(source.resolve("kept.txt"), "kept");
    Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    BlobRef ref = write(source);

    SchemaNode set = SchemaNode.parse(fetch(SchemaNode.parse(fetch(ref)).entries()));
    assertThat(set.members()).hasSize(1);

    Map<String, Object> fifo = new java.util.LinkedHashMap<>();
    fifo.put("camliType", "fifo");
    fifo.put("fileName", "pipe");
    Blob fifoBlob = put(SchemaBlobs.of(fifo, "sha224"));
    Blob setBlob =
        put(StaticSet.of(List.of(set.members().get(0), fifoBlob.blobRef()), "sha224").top());
    Blob dir =
        put(
            SchemaBlobs.of(
                FileSchema.directory(
                    "d", setBlob.blobRef(), io.camlistore.client.FileMetadata.empty()),
                "sha224"));
    Path target = temp.resolve("restored");
    restore(dir.blobRef(), target);
    try (Stream<Path> restored = Files.list(target)) {
      assertThat(restored.map(p -> p.getFileName().toString())).containsExactly("kept.txt");
    }
  }

  private BlobRef write(Path source) throws IOException {
    UploadPipeline.Server server =
        new UploadPipeline.Server() {
          @Override
          public Set<BlobRef> stat(List<BlobRef> refs) {
            Set<BlobRef> present = new HashSet<>(refs);
            present.retainAll(written);
            return present;
          }

          @Override
          public UploadPipeline.Receipt upload(List<Blob> batch) {
            // In order, as the server stores a request's parts: a part may name an earlier one.
            Set<BlobRef> received = new HashSet<>();
            for (Blob blob : batch) {
              checkChildrenWritten(blob);
              put(blob);
              written.add(blob.blobRef());
              received.add(blob.blobRef());
            }
            return new UploadPipeline.Receipt(received, null);
          }
        };
    try (UploadPipeline pipeline =
        UploadPipeline.forParallelism(server, threads, 4, UploadPipeline.Failures.STOP_AT_FIRST)) {
      BlobRef ref =
          new DirectoryWriter(new FileUploader("sha224"), LocalMetadata::read, "sha224")
              .write(source, pipeline);
      pipeline.finish();
      return ref;
    }
  }

  private void restore(BlobRef ref, Path target) throws IOException {
    ContentReader reader = new ContentReader(this::fetch, threads, 4);
    new DirectoryRestorer(this::fetch, f -> reader.open(f, 0, ContentReader.size(f)), threads, 4)
        .restore(ref, target);
  }

  private void checkChildrenWritten(Blob blob) {
    String text = new String(blob.data(), StandardCharsets.UTF_8);
    if (!text.startsWith("{\"camliVersion\"")) {
      return;
    }
    SchemaNode node = SchemaNode.parse(blob);
    List<BlobRef> children = new ArrayList<>();
    switch (node.type()) {
      case "static-set" -> {
        children.addAll(node.members());
        children.addAll(node.mergeSets());
      }
      case "directory" -> children.add(node.entries());
      default -> node.parts().forEach(p -> children.add(p.ref()));
    }
    for (BlobRef child : children) {
      if (!written.contains(child)) {
        violations.add(blob.blobRef() + " before " + child);
      }
    }
  }

  private Blob put(Blob blob) {
    store.put(blob.blobRef(), blob);
    return blob;
  }

  private Blob fetch(BlobRef ref) {
    Blob blob = store.get(ref);
    if (blob == null) {
      throw new NotFoundException(ref + " not found", 404, null);
    }
    return blob;
  }
}
