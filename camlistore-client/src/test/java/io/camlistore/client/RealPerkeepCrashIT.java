package io.camlistore.client;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepProcess;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Perkeep server killed with {@code kill -9} in the middle of a batch ingestion, restarted
 * on the same data: storing the batch again completes every file, which pk-get then reads back
 * whole, and every blob of every file (chunk, file schema, permanode, camliContent claim) is on the
 * server. The test runs its own perkeepd, on a free port with its own data, never the shared one.
 */
@RealPerkeep(tools = true)
class RealPerkeepCrashIT {
  private static final int FILES = 1000;

  @TempDir Path temp;

  @Test
  void aRerunAfterTheServerWasKilledMidBatchCompletesEveryFile(RealPerkeepServer shared)
      throws Exception {
    Path home = requireNonNull(shared.home());
    PerkeepProcess own = PerkeepProcess.create(home, temp.resolve("perkeep"));
    List<Path> paths = files(FILES);
    List<FileSource> batch =
        paths.stream().map(p -> FileSource.of(p, FileOptions.contentPermanode())).toList();
    ExecutorService ingestion = Executors.newSingleThreadExecutor();
    own.start();
    try (Connection conn =
            Camlistore.connect(
                own.server().url(),
                TestkitSupport.options(own.server()).signer(TestkitSupport.identity()).build());
        Connection probe = TestkitSupport.connect(own.server())) {
      Future<List<FileResult>> firstRun = ingestion.submit(() -> conn.files().putFiles(batch));
      // Kill once a fifth of the files reached the server: the rest is in flight or unread.
      BlobRef marker = Blob.of(Files.readAllBytes(paths.get(FILES / 5))).blobRef();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> probe.blobs().blobExists(marker));
      own.killHard();
      List<FileResult> first = firstRun.get(3, TimeUnit.MINUTES);
      // Killed mid-batch: files fail, among them files whose blobs the server got in part (the
      // marker's) or in whole, without acknowledging them.
      assertThat(first.stream().filter(FileResult::failed))
          .as("the kill hit the middle of the batch")
          .isNotEmpty();

      own.start();
      List<FileResult> rerun = conn.files().putFiles(batch);

      assertThat(rerun).noneMatch(FileResult::failed);
      for (int i = 0; i < FILES; i++) {
        if (first.get(i).failed()) {
          assertThat(rerun.get(i).status()).isNotEqualTo(FileResult.Status.FAILED);
        } else {
          assertThat(rerun.get(i).status()).isEqualTo(FileResult.Status.ALREADY_STORED);
          assertThat(rerun.get(i).uploadOrThrow()).isEqualTo(first.get(i).uploadOrThrow());
        }
      }
      assertEveryBlobIsStored(probe, paths, rerun);
      List<String> fileRefs =
          rerun.stream().map(r -> r.uploadOrThrow().contentRef().toString()).toList();
      assertThat(PkGetContents.read(requireNonNull(own.server().tools()), fileRefs))
          .isEqualTo(PkGetContents.concatenation(paths));
    } finally {
      ingestion.shutdownNow();
      own.stop();
    }
  }

  /** Chunk, file schema, permanode and the camliContent claim (found by the index), by stat. */
  private static void assertEveryBlobIsStored(
      Connection probe, List<Path> paths, List<FileResult> results) throws IOException {
    List<BlobRef> needed = new ArrayList<>();
    Map<BlobRef, BlobRef> contentOfPermanode = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      FileUpload upload = results.get(i).uploadOrThrow();
      BlobRef permanode = requireNonNull(upload.permanodeRef());
      needed.add(Blob.of(Files.readAllBytes(paths.get(i))).blobRef());
      needed.add(upload.contentRef());
      needed.add(permanode);
      contentOfPermanode.put(permanode, upload.contentRef());
    }
    // The restarted server's index catches up in the background: wait for every claim to show.
    Map<BlobRef, BlobRef> claims = new HashMap<>();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              contentOfPermanode.forEach(
                  (permanode, content) -> {
                    if (!claims.containsKey(permanode)) {
                      BlobRef claim = contentClaim(probe, permanode, content);
                      if (claim != null) {
                        claims.put(permanode, claim);
                      }
                    }
                  });
              return claims.size() == contentOfPermanode.size();
            });
    needed.addAll(claims.values());
    Map<BlobRef, @Nullable Long> sizes = probe.blobs().getSizeMulti(needed);
    assertThat(sizes.entrySet())
        .allSatisfy(e -> assertThat(e.getValue()).as("%s", e.getKey()).isNotNull());
  }

  private static @Nullable BlobRef contentClaim(
      Connection probe, BlobRef permanode, BlobRef content) {
    for (ClaimMeta claim : probe.searcher().getClaimsForPermanode(permanode, "camliContent")) {
      if (content.toString().equals(claim.value())) {
        return claim.blobRef();
      }
    }
    return null;
  }

  private List<Path> files(int count) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("inbox"));
    String run = UUID.randomUUID().toString();
    Random random = new Random(run.hashCode());
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] content = new byte[4096];
      random.nextBytes(content);
      byte[] name = (run + " " + i + "\n").getBytes(StandardCharsets.UTF_8);
      System.arraycopy(name, 0, content, 0, name.length);
      Path file = folder.resolve("file-" + i + ".bin");
      Files.write(file, content);
      Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2022-02-02T02:02:02Z")));
      paths.add(file);
    }
    return paths;
  }
}
