package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.client.Blob;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any body Camel's type converters turn into bytes becomes one blob; more than 16 MiB is refused
 * after reading at most one byte past the limit.
 */
class BlobBodiesTest {
  private static final String HELLO = "Hello, Perkeep!\n";

  @TempDir Path dir;

  private final DefaultCamelContext context = new DefaultCamelContext();
  private final Exchange exchange = new DefaultExchange(context);

  @AfterEach
  void stop() {
    context.stop();
  }

  private Blob toBlob(Object body) {
    return BlobBodies.toBlob(body, "sha224", exchange, "put: the body");
  }

  @Test
  @SuppressWarnings("UnnecessaryStringBuilder") // a StringBuilder body is what is tested
  void everyBodyCamelConvertsToBytesBecomesTheSameBlob() throws Exception {
    Path path = Files.writeString(dir.resolve("hello.txt"), HELLO);
    byte[] bytes = HELLO.getBytes(StandardCharsets.UTF_8);

    for (Object body :
        new Object[] {
          HELLO,
          new StringBuilder(HELLO),
          bytes,
          ByteBuffer.wrap(bytes),
          new ByteArrayInputStream(bytes),
          new java.io.StringReader(HELLO),
          path,
          path.toFile(),
          FileConsumer.asGenericFile(dir.toString(), path.toFile(), null, false)
        }) {
      assertThat(toBlob(body).blobRef().toString())
          .as(body.getClass().getName())
          .isEqualTo(HelloBlob.REF);
    }
  }

  @Test
  void textIsEncodedInTheExchangesCharset() {
    exchange.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");

    assertThat(toBlob("é").data()).containsExactly((byte) 0xE9);
  }

  @Test
  void aBlobBodyKeepsItsOwnHashFunction() {
    Blob sha1 = Blob.withHash(HELLO.getBytes(StandardCharsets.UTF_8), "sha1");

    assertThat(toBlob(sha1)).isSameAs(sha1);
  }

  @Test
  void aFileOver16MibIsRefusedNamingPutFileAfterReadingOneBytePastTheLimit() throws Exception {
    File big = dir.resolve("big.bin").toFile();
    try (RandomAccessFile file = new RandomAccessFile(big, "rw")) {
      file.setLength(Blob.MAX_SIZE + 10L);
    }

    assertThatThrownBy(() -> toBlob(big))
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessage(
            "put: the body (a java.io.File) has more than 16777216 bytes, the most one blob holds"
                + " (16 MiB); store it with putFile, which stores data of any size as a Perkeep"
                + " file");
  }

  @Test
  void aStreamOver16MibIsReadOnlyOneBytePastTheLimit() {
    AtomicLong read = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 0;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            read.addAndGet(length);
            return length;
          }
        };

    assertThatThrownBy(() -> toBlob(endless)).isInstanceOf(BlobTooLargeException.class);
    assertThat(read.get()).isEqualTo(Blob.MAX_SIZE + 1L);
  }

  @Test
  void bytesOver16MibAreRefused() {
    assertThatThrownBy(() -> toBlob(new byte[Blob.MAX_SIZE + 1]))
        .isInstanceOf(BlobTooLargeException.class)
        .hasMessageContaining("put: the body (a [B)");
  }

  @Test
  void aBodyCamelCannotConvertIsRefusedNamingItsType() {
    assertThatThrownBy(() -> toBlob(new Unconvertible()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Unconvertible.class.getName())
        .hasMessageContaining("no type converter")
        .hasMessageContaining("byte[] or InputStream");
  }

  @Test
  void anUnsupportedHashFunctionIsRefused() {
    assertThatThrownBy(() -> BlobBodies.toBlob(HELLO, "md5", exchange, "put: the body"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("md5");
  }

  /** A type no converter knows. */
  private static final class Unconvertible {}
}
