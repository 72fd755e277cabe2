package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code camli/enumerate-blobs}: the hand-formatted page, string-compared {@code after}, {@code
 * continueAfter} only on full pages, and the {@code maxwaitsec} quirks. Written to hold on a server
 * that already stores other blobs.
 */
@ContractTest
class EnumerateContractIT {
  private static final Pattern PAGE =
      Pattern.compile(
          "\\{\n  \"blobs\": \\[\n"
              + "((    \\{\"blobRef\": \"[a-z0-9]+-[0-9a-f]+\", \"size\": \\d+}(,\n)?)*)"
              + "\n  ]"
              + "(,\n  \"continueAfter\": \"[a-z0-9]+-[0-9a-f]+\")?"
              + ",\n  \"canLongPoll\": true\n}\n");
  private static final String LAST_SHA224 = "sha224-" + "f".repeat(56);

  private final ContractTarget target = ContractTarget.get();

  @Test
  void pageIsSortedHandFormattedAndFullPagesCarryContinueAfter() {
    Blobs.store(target, Blobs.unique(), Blobs.unique(), Blobs.unique(), Blobs.unique());

    HttpResponse<byte[]> response = Blobs.get(target, "camli/enumerate-blobs?limit=3");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript; charset=utf-8");
    String body = Blobs.text(response);
    assertThat(body).matches(PAGE);
    List<String> refs = refs(body);
    assertThat(refs).hasSize(3).isSorted();
    assertThat(ContractTarget.json(response.body()).get("continueAfter").asText())
        .isEqualTo(refs.get(2));
  }

  @Test
  void afterIsAnExclusiveStringComparison() {
    byte[] content = Blobs.unique();
    Blobs.store(target, content);
    String ref = Blobs.ref(content).toString();
    String justBefore = ref.substring(0, ref.length() - 1);

    List<String> fromPrefix =
        refs(Blobs.text(Blobs.get(target, "camli/enumerate-blobs?limit=1&after=" + justBefore)));
    List<String> fromRef =
        refs(Blobs.text(Blobs.get(target, "camli/enumerate-blobs?limit=1&after=" + ref)));

    assertThat(fromPrefix).containsExactly(ref);
    assertThat(fromRef).allMatch(next -> next.compareTo(ref) > 0);
  }

  @Test
  void pastTheEndIsAnEmptyPageWithoutContinueAfter() {
    HttpResponse<byte[]> response =
        Blobs.get(target, "camli/enumerate-blobs?after=" + LAST_SHA224 + "&limit=10");

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("60-enumerate-end"));
  }

  @Test
  void defaultLimitIsAHundred() {
    byte[][] many = new byte[101][];
    for (int i = 0; i < many.length; i++) {
      many[i] = Blobs.unique();
    }
    Blobs.store(target, many);

    JsonNode page = ContractTarget.json(Blobs.get(target, "camli/enumerate-blobs").body());

    assertThat(page.get("blobs")).hasSize(100);
    assertThat(page.get("continueAfter").asText())
        .isEqualTo(page.get("blobs").get(99).get("blobRef").asText());
  }

  @Test
  void limitAboveTheMaximumIsClampedNotRefused() {
    HttpResponse<byte[]> response =
        Blobs.get(target, "camli/enumerate-blobs?limit=20000&after=sha224-f");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(refs(Blobs.text(response))).hasSizeLessThanOrEqualTo(10000);
  }

  @Test
  void maxwaitsecWithAfterIsRefused() {
    HttpResponse<byte[]> response =
        Blobs.get(target, "camli/enumerate-blobs?after=sha224-f&maxwaitsec=5");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Blobs.contentType(response)).isEqualTo("text/plain; charset=utf-8");
    assertThat(Blobs.text(response))
        .isEqualTo(Fixtures.response("59-enumerate-maxwaitsec-with-after-400"));
  }

  @Test
  void maxwaitsecWithoutAfterAnswersAnEmptyPageThoughBlobsAreStored() {
    Blobs.store(target, Blobs.unique());
    assertThat(refs(Blobs.text(Blobs.get(target, "camli/enumerate-blobs?limit=2")))).hasSize(2);

    HttpResponse<byte[]> response = Blobs.get(target, "camli/enumerate-blobs?maxwaitsec=2&limit=2");

    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("60b-enumerate-maxwaitsec-quirk"));
  }

  private static List<String> refs(String page) {
    assertThat(page).matches(PAGE);
    List<String> refs = new ArrayList<>();
    for (JsonNode blob : ContractTarget.json(page.getBytes(StandardCharsets.UTF_8)).get("blobs")) {
      refs.add(blob.get("blobRef").asText());
    }
    return refs;
  }
}
