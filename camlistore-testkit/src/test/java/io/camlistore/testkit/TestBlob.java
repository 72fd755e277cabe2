package io.camlistore.testkit;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Some bytes and their sha224 ref, as the tests store them. Immutable. */
public final class TestBlob {
  private final BlobRef blobRef;
  private final byte[] data;

  private TestBlob(byte[] data) {
    this.blobRef = BlobRef.compute("sha224", data);
    this.data = data;
  }

  /**
   * {@return the blob of some bytes}
   *
   * @param data the bytes
   */
  public static TestBlob of(byte[] data) {
    return new TestBlob(data.clone());
  }

  /**
   * {@return the blob of a text's UTF-8 bytes}
   *
   * @param text the text
   */
  public static TestBlob of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return a schema map in Perkeep's canonical form}
   *
   * @param schema the fields, without {@code camliVersion}
   */
  public static TestBlob schema(Map<String, ?> schema) {
    return of(CanonicalJson.schemaBytes(schema));
  }

  /** {@return the blob's ref} */
  public BlobRef blobRef() {
    return blobRef;
  }

  /** {@return a copy of the bytes} */
  public byte[] data() {
    return data.clone();
  }

  /** {@return the bytes as UTF-8 text} */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** {@return the number of bytes} */
  public int size() {
    return data.length;
  }
}
