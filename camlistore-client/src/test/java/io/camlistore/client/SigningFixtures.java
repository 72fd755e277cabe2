package io.camlistore.client;

import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;

/** Reads the signing fixtures copied from the captured Perkeep 0.11 exchanges. */
final class SigningFixtures {
  /** Key id of the server identity that signed every fixture. */
  static final String KEY_ID = "7559C29EFA90DC38";

  /** Ref of the server's public key blob (fixture 13). */
  static final BlobRef PUBLIC_KEY_REF =
      BlobRef.parse("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");

  private static final Pattern UPLOADED_PART =
      Pattern.compile(
          "Content-Disposition: form-data; name=\"(sha224-[0-9a-f]{56})\"; filename=\"[^\"]+\"\\r\\n"
              + "Content-Type: application/octet-stream\\r\\n\\r\\n");

  private SigningFixtures() {}

  static byte[] bytes(String resource) {
    try (InputStream in = SigningFixtures.class.getResourceAsStream("/signing/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /signing/" + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  static LocalSigner serverIdentity() {
    return LocalSigner.fromKeyring(
        new ByteArrayInputStream(bytes("test-identity-secring.gpg")), KEY_ID);
  }

  /** The server's public key blob exactly as served (fixture 13). */
  static Blob publicKeyBlob() {
    return Blob.of(bytes("raw/13-sighelper-public-key.resp.body"));
  }

  /** The packets inside an armored blob. */
  static byte[] dearmor(Blob armored) {
    try (InputStream in = new ArmoredInputStream(armored.openStream())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one urlencoded form field of a captured sign/verify request body. */
  static String formField(String resource, String name) {
    String body = text(resource);
    String prefix = name + "=";
    if (!body.startsWith(prefix) || body.indexOf('&') >= 0) {
      throw new IllegalStateException(resource + " is not a single " + name + "= form field");
    }
    return URLDecoder.decode(body.substring(prefix.length()), StandardCharsets.UTF_8);
  }

  /** The unsigned JSON a signed blob was made from: its payload and the closing brace. */
  static String unsignedJsonOf(String signedBlob) {
    int separator = signedBlob.lastIndexOf(",\"camliSig\":\"");
    return signedBlob.substring(0, separator) + "}";
  }

  /** A blob pk-put uploaded, as recorded in a trace. */
  record UploadedBlob(String trace, BlobRef declaredRef, String text) {
    @Override
    public String toString() {
      return trace + " " + declaredRef;
    }
  }

  /** Every signed blob (permanode or claim) uploaded in the given pk-put traces. */
  static List<UploadedBlob> signedUploads(String... traces) {
    List<UploadedBlob> blobs = new ArrayList<>();
    for (String trace : traces) {
      // Latin-1 keeps one char per byte, so the multipart framing can be cut without decoding.
      String recording = new String(bytes("pkput-traces/" + trace), StandardCharsets.ISO_8859_1);
      Matcher part = UPLOADED_PART.matcher(recording);
      while (part.find()) {
        int end = recording.indexOf("\r\n--", part.end());
        byte[] body = recording.substring(part.end(), end).getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.contains(",\"camliSig\":\"")) {
          blobs.add(new UploadedBlob(trace, BlobRef.parse(part.group(1)), text));
        }
      }
    }
    return blobs;
  }
}
