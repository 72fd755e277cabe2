package io.camlistore.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With search and a signer plugged in, discovery is fixture 01 exactly; without, neither root. */
class DiscoveryHandlerTest {
  @Test
  void withASignerTheDocumentIsTheRealServersByteForByte() throws IOException {
    ContentStore storage = new FixedStorage();
    DiscoveryHandler handler =
        new DiscoveryHandler(
            storage,
            new SigningDescriptor(
                "sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e",
                "7559C29EFA90DC38"),
            "/my-search/",
            "nobody");

    String json = GoJson.indent(handler.document("eeb1bfd6a5bef08b49f94242f0987cb7ffe0ae53"));

    assertThat(json).isEqualTo(fixture("01-discovery-accept-header.resp.body"));
  }

  @Test
  void withoutSearchOrSignerNeitherRootIsAdvertised() {
    DiscoveryHandler handler = new DiscoveryHandler(new FixedStorage(), null, null, "nobody");

    Map<String, Object> document = handler.document("token");

    assertThat(document)
        .containsEntry("blobRoot", DiscoveryHandler.BLOB_ROOT)
        .doesNotContainKeys("searchRoot", "jsonSignRoot", "signing");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = DiscoveryHandlerTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The generation and init time of the captured server. */
  private static final class FixedStorage implements ContentStore {
    @Override
    public void write(io.camlistore.protocol.BlobRef ref, byte[] content) {}

    @Override
    public byte[] read(io.camlistore.protocol.BlobRef ref) {
      return new byte[0];
    }

    @Override
    public void delete(io.camlistore.protocol.BlobRef ref) {}

    @Override
    public Map<io.camlistore.protocol.BlobRef, Long> existing() {
      return Map.of();
    }

    @Override
    public String generation() {
      return "64ede931dc769acb0c81782032e3b71f347f876b";
    }

    @Override
    public Instant initTime() {
      return Instant.parse("2026-11-25T09:27:41.903404525Z");
    }
  }
}
