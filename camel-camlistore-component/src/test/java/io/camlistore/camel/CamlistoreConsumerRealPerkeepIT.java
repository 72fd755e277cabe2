package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.Auth;
import io.camlistore.client.Blob;
import io.camlistore.client.Camlistore;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The {@code camlistore:enumerate} consumer in a real Camel context over a real Perkeep server: it
 * walks the server's store page by page and delivers the blobs this test stored, with their sizes
 * and, with {@code includeBody}, their content. The store is shared with other tests, so the checks
 * look only at this test's own blobs, which are random and new at every run.
 */
@RealPerkeep
class CamlistoreConsumerRealPerkeepIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration BOUND = Duration.ofSeconds(60);

  /**
   * One delivered exchange.
   *
   * @param ref its blobref header
   * @param size its size header
   * @param bodyLength the length of its body, -1 without one
   * @param bodyRef the sha224 ref of its body, null without one
   */
  private record Delivery(BlobRef ref, long size, int bodyLength, @Nullable BlobRef bodyRef) {}

  private static Blob randomBlob(int size) {
    byte[] data = new byte[size];
    RANDOM.nextBytes(data);
    return Blob.of(data);
  }

  /**
   * Runs an enumerate route over the server, recording each blob it delivers, until what it
   * delivered satisfies the condition.
   */
  private static List<Delivery> consume(
      Connection connection, String options, Predicate<List<Delivery>> done) throws Exception {
    List<Delivery> delivered = new CopyOnWriteArrayList<>();
    CamelContext context = new DefaultCamelContext();
    try {
      // A single Connection bean is what every camlistore endpoint uses.
      context.getRegistry().bind("perkeep", connection);
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("camlistore:enumerate?initialDelay=0&delay=10&" + options)
                  .process(
                      exchange -> {
                        var message = exchange.getMessage();
                        byte[] body = message.getBody(byte[].class);
                        delivered.add(
                            new Delivery(
                                message.getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class),
                                message.getHeader(CamlistoreConstants.BLOB_SIZE, Long.class),
                                body == null ? -1 : body.length,
                                body == null ? null : BlobRef.compute("sha224", body)));
                      });
            }
          });
      context.start();
      await().atMost(BOUND).until(() -> done.test(delivered));
    } finally {
      context.stop();
    }
    return new ArrayList<>(delivered);
  }

  @Test
  void walksTheStoreAndDeliversEachBlobThisTestStoredOnceInRefOrder(RealPerkeepServer server)
      throws Exception {
    try (Connection connection =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build())) {
      List<Blob> mine = IntStream.range(0, 20).mapToObj(i -> randomBlob(100 + i)).toList();
      connection.blobs().putMulti(mine);
      Set<BlobRef> refs = mine.stream().map(Blob::blobRef).collect(Collectors.toSet());

      List<Delivery> delivered =
          consume(
              connection,
              "includeBody=false&maxMessagesPerPoll=100",
              all -> all.stream().map(Delivery::ref).collect(Collectors.toSet()).containsAll(refs));

      assertThat(delivered)
          .filteredOn(delivery -> refs.contains(delivery.ref()))
          .extracting(Delivery::ref, Delivery::size)
          .containsExactlyElementsOf(
              mine.stream()
                  .sorted(Comparator.comparing(Blob::blobRef))
                  .map(blob -> tuple(blob.blobRef(), (long) blob.data().length))
                  .toList());
    }
  }

  @Test
  void streamsTheContentOfTheBlobsItDelivers(RealPerkeepServer server) throws Exception {
    try (Connection connection =
        Camlistore.connect(
            server.url(), ConnectOptions.builder().auth(Auth.parse(server.authSpec())).build())) {
      Blob blob = randomBlob(1024 * 1024);
      BlobRef ref = connection.blobs().put(blob);
      // Just before the blob: the walk reaches it first.
      String startAfter = ref.toString().substring(0, ref.toString().length() - 1);

      List<Delivery> delivered =
          consume(
              connection, "maxMessagesPerPoll=1&startAfter=" + startAfter, all -> !all.isEmpty());

      assertThat(delivered.get(0).ref()).isEqualTo(ref);
      assertThat(delivered.get(0).size()).isEqualTo(blob.data().length);
      assertThat(delivered.get(0).bodyLength()).isEqualTo(blob.data().length);
      assertThat(delivered.get(0).bodyRef()).isEqualTo(ref);
    }
  }
}
