package io.camlistore.camel;

import java.util.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * What the camlistore consumers share: each poll hands a batch of {@link Delivery deliveries} to
 * {@link #processBatch}, which sets Camel's batch properties, prepares each exchange just before
 * processing it, and tells each delivery how it ended, so that the consumer's state records only
 * what completed.
 */
abstract class CamlistoreBatchConsumer extends ScheduledBatchPollingConsumer {
  /** One exchange of a batch, and what its outcome means to the consumer's state. */
  interface Delivery {
    /** {@return the exchange to process} */
    Exchange exchange();

    /**
     * Prepares the exchange just before it is processed (such as opening its body).
     *
     * @return false when the delivery was settled instead and the exchange must not be processed
     */
    boolean prepare();

    /** The exchange completed: the item is delivered. */
    void completed();

    /** The exchange failed: the item is delivered again later. */
    void failed();

    /** The exchange was not processed (the consumer is stopping): the item is still to deliver. */
    void released();
  }

  CamlistoreBatchConsumer(CamlistoreEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public CamlistoreEndpoint getEndpoint() {
    return (CamlistoreEndpoint) super.getEndpoint();
  }

  /**
   * Processes a batch of {@link Delivery} objects, one exchange each, in order.
   *
   * @param batch the deliveries; emptied
   * @return the number of deliveries
   */
  @Override
  public int processBatch(Queue<Object> batch) {
    int total = batch.size();
    int index = 0;
    for (Object next = batch.poll(); next != null; next = batch.poll(), index++) {
      Delivery delivery = (Delivery) next;
      Exchange exchange = delivery.exchange();
      if (!isBatchAllowed()) {
        // Stopping: the rest is delivered after a restart.
        delivery.released();
        releaseExchange(exchange, false);
        continue;
      }
      exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
      exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
      exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
      pendingExchanges = total - index - 1;
      if (!delivery.prepare()) {
        releaseExchange(exchange, false);
        continue;
      }
      exchange
          .getExchangeExtension()
          .addOnCompletion(
              new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                  delivery.completed();
                }

                @Override
                public void onFailure(Exchange failed) {
                  delivery.failed();
                }
              });
      getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
    }
    return total;
  }
}
