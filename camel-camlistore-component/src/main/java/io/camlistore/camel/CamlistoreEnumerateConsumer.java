package io.camlistore.camel;

import io.camlistore.client.BlobInputStream;
import io.camlistore.client.BlobMeta;
import io.camlistore.client.NotFoundException;
import io.camlistore.protocol.BlobRef;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code camlistore:enumerate} consumer: delivers every blob of the server exactly once, one
 * exchange per blob, by repeated {@link BlobSweep sweeps} merged with what it has delivered (kept
 * in {@code stateFile}, an {@code idempotentRepository}, or else a temporary file for the
 * endpoint's lifetime).
 *
 * <p>Content is opened as a stream just before each exchange is processed and closed when it
 * completes, so at most the exchanges in flight hold a connection and no blob is read into memory
 * by the consumer.
 */
final class CamlistoreEnumerateConsumer extends CamlistoreBatchConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CamlistoreEnumerateConsumer.class);

  private final CamlistoreConsumerConfiguration options;
  private @Nullable DeliveredRefs delivered;
  private @Nullable BlobSweep sweep;

  CamlistoreEnumerateConsumer(CamlistoreEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.options = endpoint.getConsumerConfiguration();
  }

  @Override
  protected void doStart() throws Exception {
    DeliveredRefs refs = openDeliveredRefs();
    delivered = refs;
    sweep = new BlobSweep(refs, options.getStartAfter(), BlobSweep.PAGE_SIZE);
    LOG.debug(
        "{} delivers after {}, keeping its state in {}", getEndpoint(), refs.resumeAfter(), refs);
    super.doStart();
  }

  private DeliveredRefs openDeliveredRefs() {
    IdempotentRepository repository = options.getIdempotentRepository();
    if (repository != null) {
      ServiceHelper.startService(repository);
      return new RepositoryDeliveredRefs(repository);
    }
    String file = options.stateFilePath();
    return DeliveredRefsFile.open(
        file != null ? Path.of(file) : getEndpoint().localConsumerState().enumerateFile());
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    DeliveredRefs refs = delivered;
    if (refs != null) {
      refs.close();
    }
  }

  /** {@return the sweeps, or null before the consumer started} */
  @Nullable BlobSweep sweep() {
    return sweep;
  }

  @Override
  protected int poll() throws Exception {
    BlobSweep walk = requireSweep();
    List<BlobMeta> claimed =
        walk.next(
            getMaxMessagesPerPoll(),
            (after, limit) -> getEndpoint().connection().blobs().enumeratePage(after, limit),
            this::isRunAllowed);
    forceConsumerAsReady();
    Queue<Object> batch = new ArrayDeque<>(claimed.size());
    for (BlobMeta meta : claimed) {
      Exchange exchange = createExchange(true);
      exchange.getMessage().setHeader(CamlistoreConstants.BLOB_REF, meta.blobRef());
      exchange.getMessage().setHeader(CamlistoreConstants.BLOB_SIZE, meta.size());
      batch.add(new BlobDelivery(exchange, meta, walk));
    }
    try {
      return processBatch(batch);
    } finally {
      walk.flush();
    }
  }

  private BlobSweep requireSweep() {
    BlobSweep walk = sweep;
    if (walk == null) {
      throw new IllegalStateException(getEndpoint() + " consumer is not started");
    }
    return walk;
  }

  /** One blob's exchange. */
  private final class BlobDelivery implements Delivery {
    private final Exchange exchange;
    private final BlobMeta meta;
    private final BlobSweep walk;

    BlobDelivery(Exchange exchange, BlobMeta meta, BlobSweep walk) {
      this.exchange = exchange;
      this.meta = meta;
      this.walk = walk;
    }

    @Override
    public Exchange exchange() {
      return exchange;
    }

    /**
     * Opens the blob as the body when content is asked for. A blob removed since it was listed is
     * skipped; any other failure is reported and the blob is delivered again by the next sweep.
     */
    @Override
    public boolean prepare() {
      if (!options.isIncludeBody()) {
        return true;
      }
      BlobRef ref = meta.blobRef();
      try {
        BlobInputStream in = getEndpoint().connection().blobs().getStream(ref);
        exchange.getMessage().setBody(in);
        BlobOperations.closeOnCompletion(exchange, in, ref);
        return true;
      } catch (NotFoundException e) {
        LOG.warn("{} was listed but is gone from the server; skipping it", ref);
      } catch (RuntimeException e) {
        getExceptionHandler()
            .handleException("Error opening blob " + ref + "; the next sweep delivers it again", e);
      }
      walk.skipped(ref.toString());
      return false;
    }

    @Override
    public void completed() {
      walk.completed(meta.blobRef().toString());
    }

    @Override
    public void failed() {
      walk.skipped(meta.blobRef().toString());
    }

    @Override
    public void released() {
      walk.released(meta);
    }
  }
}
