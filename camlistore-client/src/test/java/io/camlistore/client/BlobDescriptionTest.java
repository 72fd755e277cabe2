package io.camlistore.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camlistore.protocol.BlobRef;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BlobDescription} accessors over the describe fixtures of each blob kind. */
class BlobDescriptionTest {
  static final String DESCRIBE = "/my-search/camli/search/describe?blobref=";

  @RegisterExtension static WireMockExtension server = WireMockFixtures.server();

  Connection conn;

  @BeforeEach
  void connect() {
    conn = WireMockFixtures.connect(server);
  }

  @AfterEach
  void close() {
    assertThat(conn.leasedHttpConnections()).isZero();
    conn.close();
  }

  BlobDescription describe(String ref, String fixture) {
    server.stubFor(get(urlEqualTo(DESCRIBE + ref)).willReturn(Fixture.named(fixture).response()));
    return conn.searcher().describeBlob(BlobRef.parse(ref));
  }

  @Test
  void fileDescriptionHasNameLengthTimeAndWholeRefButNoMimeTypeWhenUndetected() {
    BlobDescription file =
        describe(
            "sha224-12bbfefb58ff4b48aa952f276c323412c02cec1e767c21b9d2b033e2",
            "65-search-describe-file");

    assertThat(file.type()).isEqualTo("file");
    assertThat(file.size()).isEqualTo(881);
    assertThat(file.fileName()).isEqualTo("random-3m.bin");
    assertThat(file.fileSize()).isEqualTo(3158073L);
    assertThat(file.mimeType()).isNull();
    assertThat(file.fileTime()).isEqualTo(Instant.parse("2020-11-01T12:00:00Z"));
    assertThat(file.wholeRef())
        .isEqualTo(
            BlobRef.parse("sha224-149f9bb3a05a8cd5e5ff062ffaf06a06f9ee60ad670e937a233903be"));
    assertThat(file.attributes()).isEmpty();
    assertThat(file.attribute("title")).isNull();
    assertThat(file.modTime()).isNull();
    assertThat(file.directoryChildren()).isEmpty();
    assertThat(file.directoryEntryCount()).isNull();
    assertThat(file.toString()).contains("file", "881 bytes");
  }

  @Test
  void directoryDescriptionHasItsEntriesDescribedAlongside() {
    BlobDescription dir =
        describe(
            "sha224-2747b0cab69448af76a6451e4ad49ddfc57d88a9acf73ab0e571255f",
            "66-search-describe-directory");

    assertThat(dir.type()).isEqualTo("directory");
    assertThat(dir.fileName()).isEqualTo("tree");
    assertThat(dir.directoryEntryCount()).isEqualTo(3L);
    assertThat(dir.fileSize()).isNull();
    assertThat(dir.wholeRef()).isNull();
    assertThat(dir.directoryChildren())
        .extracting(child -> dir.describeAnother(child).fileName())
        .containsExactly("a.txt", "b.txt", "sub");
    BlobDescription sub =
        dir.describeAnother(
            BlobRef.parse("sha224-520a57215b14a47915c40794ed5c0a9822073405b1917fa9af76c35c"));
    BlobDescription c = sub.describeAnother(sub.directoryChildren().get(0));
    assertThat(c.fileName()).isEqualTo("c.txt");
    assertThat(c.mimeType()).isEqualTo("text/plain");
    assertThat(c.fileSize()).isEqualTo(14L);
  }

  @Test
  void plainDataHasNoTypeAndOnlyItsSize() {
    BlobDescription chunk =
        describe(
            "sha224-5e115eac567ed502e82c9edef5d4a93594c28b1d5e41538a99a966e3",
            "71-search-describe-plain-blob");

    assertThat(chunk.type()).isNull();
    assertThat(chunk.size()).isEqualTo(16);
    assertThat(chunk.fileName()).isNull();
    assertThat(chunk.raw()).containsOnlyKeys("blobRef", "size");
  }

  @Test
  void rawKeepsFieldsWithoutAccessorsAsPlainJavaValues() {
    BlobDescription permanode =
        describe(
            "sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265",
            "62-search-describe-get-permanode");

    Map<String, Object> raw = permanode.raw();

    assertThat(raw).containsEntry("size", 629).containsKey("permanode");
    assertThat(permanode.attributes())
        .containsOnlyKeys("camliMember", "description", "tag", "title");
    assertThat(permanode.toString()).contains("permanode", "Fixture permanode");
  }
}
