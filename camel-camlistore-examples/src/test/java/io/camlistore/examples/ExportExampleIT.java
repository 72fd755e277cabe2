package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export example end to end: camel-main with {@code camlistore:enumerate} as the consumer,
 * writing every blob of the embedded server (or a given one) to a folder, then stopping by itself.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExportExampleIT {
  @TempDir Path temp;

  private Map<String, String> settings(String... keyValues) {
    Map<String, String> settings = new HashMap<>();
    settings.put("camlistore.storage", temp.resolve("blobs").toString());
    settings.put("export.output", temp.resolve("out").toString());
    settings.put("export.poll-delay", "100");
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return settings;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return new ArrayList<>(files.toList());
    }
  }

  @Test
  void writesEveryBlobToAFileNamedByItsRefThenStops() throws Exception {
    List<BlobRef> refs = new ArrayList<>();
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().storageDirectory(temp.resolve("blobs")).start()) {
      refs.add(server.putBlob(bytes("one")));
      refs.add(server.putBlob(bytes("two, a little longer")));
      refs.add(server.putBlob(new byte[70_000]));
    }

    ExportSummary summary =
        ExportExample.run(ExampleConfig.load(settings("export.page-size", "2")));

    // The embedded server also holds the public key of the identity it signs permanodes with.
    byte[] key = TestIdentity.signer().publicKeyBlob();
    Path out = temp.resolve("out");
    assertThat(filesIn(out)).hasSize(4);
    assertThat(out.resolve(refs.get(0).toString())).hasContent("one");
    assertThat(out.resolve(refs.get(1).toString())).hasContent("two, a little longer");
    assertThat(Files.readAllBytes(out.resolve(refs.get(2).toString()))).isEqualTo(new byte[70_000]);
    assertThat(out.resolve(TestIdentity.publicKeyBlobRef().toString())).hasBinaryContent(key);
    assertThat(summary.blobs()).isEqualTo(4);
    assertThat(summary.bytes()).isEqualTo(3 + 20 + 70_000 + key.length);
    assertThat(summary.summary()).startsWith("Summary: 4 blobs, ");
  }

  @Test
  void exportsWhatTheIngestionExampleStored() throws Exception {
    Path input = Files.createDirectories(temp.resolve("input"));
    Samples.copyTo(input);
    IngestExample.run(
        ExampleConfig.load(settings("ingest.input", input.toString(), "ingest.poll-delay", "100")));

    List<BlobRef> stored;
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().storageDirectory(temp.resolve("blobs")).start()) {
      stored = server.blobRefs();
    }

    ExportSummary summary = ExportExample.run(ExampleConfig.load(settings()));

    // Every blob: the contents (each sample is one chunk), file schemas, permanodes and claims.
    assertThat(summary.blobs()).isEqualTo(stored.size()).isGreaterThan(Samples.refs().size());
    assertThat(filesIn(temp.resolve("out")))
        .map(path -> path.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(stored.stream().map(BlobRef::toString).toList());
    for (Path sample : Samples.files()) {
      byte[] content = Samples.read(sample);
      assertThat(temp.resolve("out").resolve(BlobRef.compute("sha224", content).toString()))
          .hasBinaryContent(content);
    }
  }

  @Test
  void readsFromTheServerGivenByUrl() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().basicAuth("alice", "secret").start()) {
      BlobRef ref = server.putBlob(bytes("remote"));

      ExportSummary summary =
          ExportExample.run(
              ExampleConfig.load(
                  settings(
                      "camlistore.url", server.url(), "camlistore.auth", "userpass:alice:secret")));

      assertThat(summary.blobs()).isEqualTo(1);
      assertThat(temp.resolve("out").resolve(ref.toString())).hasContent("remote");
    }
  }

  @Test
  void aFreshStoreExportsOnlyTheSigningKeyAndStops() throws Exception {
    ExportSummary summary = ExportExample.run(ExampleConfig.load(settings()));

    assertThat(summary.blobs()).isEqualTo(1);
    assertThat(filesIn(temp.resolve("out")))
        .map(path -> path.getFileName().toString())
        .containsExactly(TestIdentity.publicKeyBlobRef().toString());
  }

  @Test
  void aServerWithNoBlobsExportsNothingAndStops() throws Exception {
    try (EmbeddedCamlistoreServer server = EmbeddedCamlistoreServer.builder().start()) {
      ExportSummary summary =
          ExportExample.run(ExampleConfig.load(settings("camlistore.url", server.url())));

      assertThat(summary.blobs()).isZero();
      assertThat(summary.summary()).isEqualTo("Summary: 0 blobs, 0 bytes exported, in 0.0 s");
    }
  }
}
