package io.camlistore.camel;

import io.camlistore.client.BlobClient;
import io.camlistore.client.BlobInputStream;
import io.camlistore.client.BlobMeta;
import io.camlistore.client.BlobPage;
import io.camlistore.client.BlobRef;
import io.camlistore.client.NotFoundException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code camlistore:enumerate} consumer: walks the server's blobs in blobref order, one page of
 * {@code maxMessagesPerPoll} blobs per poll, one exchange per blob.
 *
 * <p>The {@link BlobCursor} decides what each poll delivers and advances only past exchanges that
 * completed, so a failed exchange is delivered again by the next poll and nothing is delivered
 * twice in normal operation. With {@code cursorFile} the position survives restarts. Content is
 * opened as a stream just before each exchange is processed and closed when it completes, so at
 * most the exchanges in flight hold a connection and no blob is read into memory by the consumer.
 */
final class CamlistoreConsumer extends ScheduledBatchPollingConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CamlistoreConsumer.class);

  private final CamlistoreEndpoint endpoint;
  private final CamlistoreConfiguration configuration;
  private @Nullable CursorFile cursorFile;
  private @Nullable BlobCursor cursor;

  CamlistoreConsumer(CamlistoreEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.endpoint = endpoint;
    this.configuration = endpoint.getConfiguration();
  }

  @Override
  protected void doStart() throws Exception {
    if (cursor == null) {
      // Kept across a stop and start of the route; read from the file on a fresh consumer.
      String file = configuration.getCursorFile();
      CursorFile store = file == null || file.isBlank() ? null : new CursorFile(Path.of(file));
      String saved = store == null ? null : store.load();
      cursorFile = store;
      cursor =
          new BlobCursor(saved != null ? saved : configuration.getStartAfter(), this::savePosition);
      LOG.debug("{} starts after {}", endpoint, cursor.position());
    }
    super.doStart();
  }

  /** {@return the walk's state, or null before the consumer started} */
  @Nullable BlobCursor cursor() {
    return cursor;
  }

  @Override
  protected int poll() throws Exception {
    BlobCursor walk = requireCursor();
    BlobClient blobs = endpoint.connection().blobs();
    BlobPage page = blobs.enumeratePage(walk.position(), getMaxMessagesPerPoll());
    forceConsumerAsReady();
    List<BlobMeta> claimed = walk.claim(page.blobs(), page.continueAfter().isEmpty());
    Queue<Object> exchanges = new ArrayDeque<>(claimed.size());
    for (BlobMeta meta : claimed) {
      Exchange exchange = createExchange(true);
      exchange.getMessage().setHeader(CamlistoreConstants.BLOB_REF, meta.blobRef());
      exchange.getMessage().setHeader(CamlistoreConstants.BLOB_SIZE, meta.size());
      exchanges.add(exchange);
    }
    return processBatch(exchanges);
  }

  @Override
  public int processBatch(Queue<Object> exchanges) {
    BlobCursor walk = requireCursor();
    int total = exchanges.size();
    int index = 0;
    for (Object next = exchanges.poll(); next != null; next = exchanges.poll(), index++) {
      Exchange exchange = (Exchange) next;
      BlobRef ref = exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, BlobRef.class);
      if (!isBatchAllowed()) {
        // Shutting down: the rest is delivered by the next poll after a restart.
        walk.failed(ref.toString());
        releaseExchange(exchange, false);
        continue;
      }
      exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
      exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
      exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
      pendingExchanges = total - index - 1;
      if (configuration.isIncludeBody() && !attachBody(exchange, ref, walk)) {
        continue;
      }
      exchange
          .getExchangeExtension()
          .addOnCompletion(
              new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                  walk.completed(ref.toString());
                }

                @Override
                public void onFailure(Exchange failed) {
                  walk.failed(ref.toString());
                }
              });
      getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
    }
    return total;
  }

  /**
   * Opens the blob as the exchange's body. A blob removed since it was listed is skipped; any other
   * failure is reported and the blob is delivered again by the next poll.
   *
   * @return whether the exchange should be processed
   */
  private boolean attachBody(Exchange exchange, BlobRef ref, BlobCursor walk) {
    try {
      BlobInputStream in = endpoint.connection().blobs().getStream(ref);
      exchange.getMessage().setBody(in);
      BlobOperations.closeOnCompletion(exchange, in, in.blobRef());
      return true;
    } catch (NotFoundException e) {
      LOG.warn("{} was listed but is gone from the server; skipping it", ref);
      walk.completed(ref.toString());
    } catch (RuntimeException e) {
      walk.failed(ref.toString());
      getExceptionHandler()
          .handleException("Error opening blob " + ref + "; it is retried at the next poll", e);
    }
    releaseExchange(exchange, false);
    return false;
  }

  private void savePosition(String position) {
    CursorFile store = cursorFile;
    if (store == null) {
      return;
    }
    try {
      store.save(position);
    } catch (RuntimeException e) {
      getExceptionHandler()
          .handleException(
              "Error saving the position " + position + " to " + store + "; it stays in memory", e);
    }
  }

  private BlobCursor requireCursor() {
    BlobCursor walk = cursor;
    if (walk == null) {
      throw new IllegalStateException(endpoint + " consumer is not started");
    }
    return walk;
  }
}
