package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.Auth;
import io.camlistore.client.BlobDescription;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.Constraint;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResult;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.PerkeepTools;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion example against a real Perkeep server, run as a user runs it: {@code main} with
 * {@code -Dcamlistore.url=… -Dcamlistore.auth=… -Dingest.input=…}, twice over a folder of files
 * whose names and content are new at every run. The first run, signing with the server's sign
 * helper, stores every file, each readable byte for byte with Perkeep's {@code pk-get} and found in
 * the server's search by its content permanode; the second, signing locally with the same key
 * ({@code -Dcamlistore.keyring -Dcamlistore.key-id}), makes the same blobs, so it stores nothing
 * and reports every file already present with the same permanode. Only the example's output and the
 * server's content are checked.
 */
@RealPerkeep(tools = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IngestRealPerkeepIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern STORED =
      Pattern.compile("(\\S+) → file (sha224-[0-9a-f]+), permanode (sha224-[0-9a-f]+)");
  private static final Pattern ALREADY_STORED =
      Pattern.compile("(\\S+) already stored, permanode (sha224-[0-9a-f]+)");

  @TempDir Path temp;

  /** A file as the first run logged it. */
  private record Stored(BlobRef file, BlobRef permanode) {}

  private static byte[] randomBytes(int size) {
    byte[] content = new byte[size];
    RANDOM.nextBytes(content);
    return content;
  }

  /** Writes the files, by their path relative to the folder, and answers their content. */
  private static Map<String, byte[]> writeFolder(Path input) throws IOException {
    String run = "e2e-" + UUID.randomUUID();
    byte[] small = randomBytes(64);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(run + "-small.txt", small);
    files.put("copies/" + run + "-same-content.txt", small);
    files.put("nested/" + run + "-empty.bin", new byte[0]);
    files.put("nested/" + run + "-medium.bin", randomBytes(300 * 1024));
    files.put("nested/deeper/" + run + "-large.bin", randomBytes(5 * 1024 * 1024));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = input.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
    return files;
  }

  /** Runs the example's main with the settings as system properties, as -D gives them. */
  private static String runMain(Map<String, String> settings) throws Exception {
    Properties before = (Properties) System.getProperties().clone();
    settings.forEach(System::setProperty);
    try {
      return StandardErr.capture(() -> IngestExample.main(new String[0]));
    } finally {
      settings.keySet().forEach(System::clearProperty);
      System.getProperties().putAll(before);
    }
  }

  private static @Nullable String summaryLine(String log) {
    Matcher summary = Pattern.compile("Summary: [^\\n]*").matcher(log);
    return summary.find() ? summary.group() : null;
  }

  private static String fileName(String relativePath) {
    return relativePath.substring(relativePath.lastIndexOf('/') + 1);
  }

  @Test
  void storesEveryFileOnceAndFindsThemAllPresentTheSecondTime(
      RealPerkeepServer server, PerkeepTools tools) throws Exception {
    Path input = Files.createDirectories(temp.resolve("input"));
    Map<String, byte[]> files = writeFolder(input);
    long bytes = files.values().stream().mapToLong(content -> content.length).sum();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("camlistore.url", server.url());
    String auth = System.getenv(RealPerkeepServer.AUTH_VARIABLE);
    if (auth != null && !auth.isBlank()) {
      settings.put("camlistore.auth", auth);
    }
    settings.put("ingest.input", input.toString());

    String first = runMain(settings);

    assertThat(first).contains("Using the Camlistore server at " + server.url());
    assertThat(summaryLine(first))
        .startsWith("Summary: 5 files, ")
        .contains("(" + bytes + " bytes)")
        .contains(": 5 stored, 0 already present, 0 failed, in ");
    Map<String, Stored> stored = new LinkedHashMap<>();
    for (Matcher line = STORED.matcher(first); line.find(); ) {
      stored.put(
          line.group(1), new Stored(BlobRef.parse(line.group(2)), BlobRef.parse(line.group(3))));
    }
    assertThat(stored).containsOnlyKeys(files.keySet());
    for (Map.Entry<String, Stored> file : stored.entrySet()) {
      assertThat(tools.pkGet("-contents", file.getValue().file().toString()))
          .as("pk-get -contents of %s", file.getKey())
          .isEqualTo(files.get(file.getKey()));
    }
    try (Connection connection =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build())) {
      // The server indexes asynchronously: each file shows up in its search a moment later.
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> stored.forEach((path, file) -> assertFound(connection, path, file)));
    }

    String second = runMain(settings);

    assertThat(summaryLine(second))
        .startsWith("Summary: 5 files, ")
        .contains("(" + bytes + " bytes)")
        .contains(": 0 stored, 5 already present, 0 failed, in ");
    assertThat(STORED.matcher(second).find()).as("a file stored again").isFalse();
    Map<String, BlobRef> present = new LinkedHashMap<>();
    for (Matcher line = ALREADY_STORED.matcher(second); line.find(); ) {
      present.put(line.group(1), BlobRef.parse(line.group(2)));
    }
    Map<String, BlobRef> firstPermanodes = new LinkedHashMap<>();
    stored.forEach((path, file) -> firstPermanodes.put(path, file.permanode()));
    assertThat(present).isEqualTo(firstPermanodes);
  }

  /**
   * The file is found as Perkeep finds it: its content permanode, shared by the files of the same
   * content, names one of them, and search finds the permanode by it.
   */
  private static void assertFound(Connection connection, String path, Stored file) {
    BlobDescription schema = connection.searcher().describeBlob(file.file());
    assertThat(schema.fileName()).isEqualTo(fileName(path));
    BlobDescription permanode = connection.searcher().describeBlob(file.permanode());
    String content =
        Objects.requireNonNull(permanode.attribute("camliContent"), "the permanode's content");
    assertThat(connection.searcher().describeBlob(BlobRef.parse(content)).wholeRef())
        .isEqualTo(schema.wholeRef());
    List<SearchResult> found =
        connection
            .searcher()
            .query(SearchQuery.of(Constraint.attributeEquals("camliContent", content)))
            .results();
    assertThat(found).extracting(SearchResult::blobRef).containsExactly(file.permanode());
  }
}
