package io.camlistore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Remove is forbidden, as on every real server with a high-level configuration. */
@ContractTest
class RemoveContractIT {
  private final ContractTarget target = ContractTarget.get();

  @Test
  void removeIsForbiddenWithTheRealServersJson() {
    byte[] content = Blobs.unique();
    Blobs.store(target, content);

    HttpResponse<byte[]> response =
        Blobs.postForm(target, "camli/remove", "blob1=" + Blobs.ref(content));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Blobs.contentType(response)).isEqualTo("text/javascript");
    assertThat(Blobs.text(response)).isEqualTo(Fixtures.response("61-remove-forbidden"));
    assertThat(Blobs.get(target, "camli/" + Blobs.ref(content)).statusCode()).isEqualTo(200);
  }
}
