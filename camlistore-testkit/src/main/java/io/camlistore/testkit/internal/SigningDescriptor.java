package io.camlistore.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What discovery says about a configured sign handler ({@code jsonSignRoot} and the {@code signing}
 * object). Without a signer the server passes none and discovery leaves both out, as a real server
 * without a sign handler does.
 *
 * @param publicKeyBlobRef the blobref of the armored public key
 * @param publicKeyId the OpenPGP key id, 16 uppercase hex characters
 */
public record SigningDescriptor(String publicKeyBlobRef, String publicKeyId) {
  /** The sign handler's prefix, as on a real server. */
  public static final String ROOT = "/sighelper/";

  /** {@return the {@code signing} object of discovery, in the real server's field order} */
  public Map<String, Object> toDiscovery() {
    Map<String, Object> signing = new LinkedHashMap<>();
    signing.put("publicKey", ROOT + "camli/" + publicKeyBlobRef);
    signing.put("publicKeyBlobRef", publicKeyBlobRef);
    signing.put("publicKeyId", publicKeyId);
    signing.put("signHandler", ROOT + "camli/sig/sign");
    signing.put("verifyHandler", ROOT + "camli/sig/verify");
    return signing;
  }
}
