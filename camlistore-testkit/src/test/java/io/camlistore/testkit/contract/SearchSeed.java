package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import io.camlistore.testkit.TestBlob;
import io.camlistore.testkit.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture server's search data, rebuilt from what the captures hold: every blob {@code pk-put}
 * uploaded in the recorded traces (the "Fixture permanode" with its claims, the {@code tree}
 * directory with its files and "Fixture tree" permanode, the planned permanodes of its files,
 * {@code hello.txt}), the server-signed permanode and claim of fixture 32, and the one claim no
 * capture holds: the {@code camliMember} claim on the "Fixture permanode", which is re-signed with
 * the fixture identity and must come out byte-identical (its ref is in fixture 81). The search
 * contracts store a copy of it of their own ({@link RunData}), never these blobs themselves.
 */
final class SearchSeed {
  static final String FIXTURE_PERMANODE =
      "sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265";
  static final String TREE_PERMANODE =
      "sha224-c724b97139b9153fb1e5af5663479181cb2440760c4a14aada5ba16a";
  static final String PLANNED_B_TXT =
      "sha224-505e9d4360bd6ea97eb1e895c68c88adde77c34b6a823075c6de0436";
  static final String CAMLI_MEMBER_CLAIM =
      "sha224-1d2bd57798583000263dd3af231c4556f22ef2e87a4ab34cff65baf4";

  private static final List<String> TRACES =
      List.of(
          "pkput-permanode.txt",
          "pkput-attr-set.txt",
          "pkput-attr-add.txt",
          "pkput-blob-hello.txt",
          "pkput-file-hello.txt",
          "pkput-file-tree-permanode.txt",
          "pkput-file-tree-filenodes.txt");

  private static final Pattern PART =
      Pattern.compile(
          "Content-Disposition: form-data; name=\"(sha224-[0-9a-f]{56})\"[^\\r\\n]*\\r\\n"
              + "(?:[^\\r\\n]+\\r\\n)*\\r\\n");

  private SearchSeed() {}

  /** {@return the blobs, each once} */
  static List<TestBlob> blobs() {
    List<TestBlob> blobs = new ArrayList<>();
    for (String trace : TRACES) {
      blobs.addAll(parts(resource("/pkput-traces/" + trace)));
    }
    blobs.addAll(parts(Fixtures.request("32-upload-signed-schema-blobs")));
    blobs.add(camliMemberClaim());
    return blobs;
  }

  /** Re-signs the {@code camliMember} claim {@code pk-put attr --add} made on the permanode. */
  static TestBlob camliMemberClaim() {
    String unsigned =
        PermanodeSchemas.attributeClaim(
            TestIdentity.publicKeyBlobRef(),
            Instant.parse("2026-11-25T09:33:01.925825935Z"),
            "add-attribute",
            BlobRef.parse(FIXTURE_PERMANODE),
            "camliMember",
            PLANNED_B_TXT);
    TestBlob claim = TestBlob.of(TestIdentity.signer().sign(unsigned));
    assertThat(claim.blobRef()).hasToString(CAMLI_MEMBER_CLAIM);
    return claim;
  }

  /** The parts of a multipart body (or a trace of them) whose content hashes to their name. */
  private static List<TestBlob> parts(byte[] recording) {
    // Latin-1 keeps one char per byte, so the framing can be cut without decoding.
    String text = new String(recording, StandardCharsets.ISO_8859_1);
    List<TestBlob> found = new ArrayList<>();
    Matcher part = PART.matcher(text);
    while (part.find()) {
      int end = text.indexOf("\r\n--", part.end());
      if (end < 0) {
        continue;
      }
      TestBlob blob =
          TestBlob.of(text.substring(part.end(), end).getBytes(StandardCharsets.ISO_8859_1));
      if (blob.blobRef().toString().equals(part.group(1))) {
        found.add(blob);
      }
    }
    return found;
  }

  private static byte[] resource(String name) {
    try (InputStream in = SearchSeed.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
