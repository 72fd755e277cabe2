package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import io.camlistore.protocol.BlobRef;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converters are found by Camel through the generated loader, with no registration. */
class CamlistoreConvertersTest {
  private static final String HELLO = "Hello, Perkeep!\n";

  @TempDir Path dir;

  private final DefaultCamelContext context = new DefaultCamelContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  private TypeConverter converter() {
    context.start();
    return context.getTypeConverter();
  }

  @Test
  void blobRefsConvertToAndFromText() {
    TypeConverter converter = converter();

    BlobRef ref = converter.convertTo(BlobRef.class, " " + HelloBlob.REF + " ");

    assertThat(ref).isEqualTo(BlobRef.parse(HelloBlob.REF));
    assertThat(converter.convertTo(String.class, ref)).isEqualTo(HelloBlob.REF);
  }

  @Test
  void malformedTextIsNotABlobRef() {
    TypeConverter converter = converter();

    assertThatThrownBy(() -> converter.convertTo(BlobRef.class, "sha224-xyz"))
        .isInstanceOf(TypeConversionException.class)
        .hasRootCauseMessage(
            "not a blobref: 'sha224-xyz' (sha224 digests have 56 hex characters, this one has 3)");
  }

  @Test
  void blobsConvertToBytesStreamsAndText() throws Exception {
    TypeConverter converter = converter();
    Blob blob = Blob.of(HELLO);

    assertThat(converter.convertTo(byte[].class, blob))
        .isEqualTo(HELLO.getBytes(StandardCharsets.UTF_8));
    assertThat(converter.convertTo(String.class, blob)).isEqualTo(HELLO);
    try (InputStream in = converter.convertTo(InputStream.class, blob)) {
      assertThat(in.readAllBytes()).isEqualTo(HELLO.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void textBytesStreamsAndFilesConvertToBlobs() throws Exception {
    TypeConverter converter = converter();
    File file = Files.writeString(dir.resolve("hello.txt"), HELLO).toFile();
    byte[] bytes = HELLO.getBytes(StandardCharsets.UTF_8);

    for (Object value : new Object[] {HELLO, bytes, new ByteArrayInputStream(bytes), file}) {
      assertThat(converter.convertTo(Blob.class, value).blobRef().toString())
          .as(value.getClass().getSimpleName())
          .isEqualTo(HelloBlob.REF);
    }
  }
}
