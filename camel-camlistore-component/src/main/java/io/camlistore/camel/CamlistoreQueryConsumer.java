package io.camlistore.camel;

import io.camlistore.client.BlobDescription;
import io.camlistore.client.DescribeOptions;
import io.camlistore.client.NotFoundException;
import io.camlistore.client.SearchClient;
import io.camlistore.client.SearchQuery;
import io.camlistore.protocol.BlobRef;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code camlistore:query} consumer: delivers each permanode matching the {@code expression}
 * once when it appears and again each time it changes, one exchange per change, with the
 * permanode's {@link BlobDescription} as the body. See {@link QueryScan} for how.
 *
 * <p>Its state lives in a Camel {@link StateRepository}: the {@code stateRepository} bean, or a
 * {@link FileStateRepository} on {@code stateFile}, or else a memory one for the endpoint's
 * lifetime; it is saved after each poll and when the consumer stops.
 */
final class CamlistoreQueryConsumer extends CamlistoreBatchConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CamlistoreQueryConsumer.class);

  private final CamlistoreConsumerConfiguration options;
  private final String expression;
  private final String stateKey;
  private @Nullable FileStateRepository fileRepository;
  private @Nullable StateFileLock fileLock;
  private @Nullable StateRepository<String, String> repository;
  private @Nullable QueryScan scan;

  CamlistoreQueryConsumer(CamlistoreEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.options = endpoint.getConsumerConfiguration();
    this.expression = Objects.requireNonNull(options.getExpression(), "expression").strip();
    this.stateKey = stateKey(expression);
  }

  /**
   * {@return the key the state is kept under: {@code query:} and the expression, with the
   * characters a Camel file state repository cannot hold in a key escaped}
   */
  static String stateKey(String expression) {
    return "query:"
        + expression
            .replace("%", "%25")
            .replace("=", "%3D")
            .replace("\n", "%0A")
            .replace("\r", "%0D");
  }

  @Override
  protected void doStart() throws Exception {
    StateRepository<String, String> store = options.getStateRepository();
    String file = options.stateFilePath();
    if (store == null && file != null) {
      fileLock = StateFileLock.acquire(Path.of(file));
      fileRepository = FileStateRepository.fileStateRepository(new File(file));
      store = fileRepository;
    } else if (store == null) {
      store = getEndpoint().localConsumerState().queryRepository();
    }
    try {
      ServiceHelper.startService(store);
      repository = store;
      scan =
          new QueryScan(
              QueryState.decode(store.getState(stateKey), stateKey + " in " + store),
              options.getLookback() * 1_000_000L);
    } catch (RuntimeException e) {
      releaseFile();
      throw e;
    }
    LOG.debug("{} delivers the changes of {}, state in {}", getEndpoint(), expression, store);
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    save();
    releaseFile();
  }

  /**
   * Stops the repository made on stateFile, and unlocks the file; a given repository may be shared,
   * so its owner stops it.
   */
  private void releaseFile() {
    ServiceHelper.stopService(fileRepository);
    fileRepository = null;
    StateFileLock lock = fileLock;
    if (lock != null) {
      lock.close();
      fileLock = null;
    }
  }

  /** {@return the scans, or null before the consumer started} */
  @Nullable QueryScan scan() {
    return scan;
  }

  @Override
  protected int poll() throws Exception {
    QueryScan scans = requireScan();
    int max = getMaxMessagesPerPoll();
    SearchClient searcher = getEndpoint().connection().searcher();
    List<QueryScan.Claim> claims = new ArrayList<>();
    for (BlobRef ref : scans.dueRetries(max)) {
      try {
        QueryScan.Claim claim = scans.retry(searcher.describeBlob(ref));
        if (claim != null) {
          claims.add(claim);
        }
      } catch (NotFoundException e) {
        LOG.warn("{} failed to be delivered and is gone from the index; dropping it", ref);
        scans.dropRetry(ref);
      }
    }
    if (claims.size() < max) {
      claims.addAll(
          scans.next(
              max - claims.size(),
              token -> searcher.query(scanPage(expression, token, max)),
              this::isRunAllowed));
    }
    forceConsumerAsReady();
    Queue<Object> batch = new ArrayDeque<>(claims.size());
    for (QueryScan.Claim claim : claims) {
      batch.add(new ChangeDelivery(exchangeFor(claim), claim, scans));
    }
    try {
      return processBatch(batch);
    } finally {
      save();
    }
  }

  /**
   * {@return the search for one page of a scan: the expression's matches, most recently modified
   * first, described}
   *
   * @param expression the search expression
   * @param token the continue token of the page, or null for the first
   * @param limit the page size
   */
  static SearchQuery scanPage(String expression, @Nullable String token, int limit) {
    return SearchQuery.builder()
        .expression(expression)
        .sort(SearchQuery.Sort.LAST_MODIFIED_DESC)
        .limit(limit)
        .continueToken(token)
        .describe(DescribeOptions.defaults())
        .build();
  }

  private Exchange exchangeFor(QueryScan.Claim claim) {
    Exchange exchange = createExchange(true);
    BlobDescription description = claim.description();
    exchange.getMessage().setBody(description);
    exchange.getMessage().setHeader(CamlistoreConstants.BLOB_REF, description.blobRef());
    exchange.getMessage().setHeader(CamlistoreConstants.CAMLI_TYPE, description.type());
    exchange.getMessage().setHeader(CamlistoreConstants.MOD_TIME, description.modTime());
    return exchange;
  }

  /** Saves the state when it changed; a failure is reported and the next poll tries again. */
  private void save() {
    QueryScan scans = scan;
    StateRepository<String, String> store = repository;
    if (scans == null || store == null) {
      return; // not started
    }
    QueryState state = scans.unsavedState();
    if (state == null) {
      return;
    }
    try {
      store.setState(stateKey, state.encode());
      scans.saved(state);
    } catch (RuntimeException e) {
      getExceptionHandler()
          .handleException("Error saving the state of " + stateKey + " to " + store, e);
    }
  }

  private QueryScan requireScan() {
    QueryScan scans = scan;
    if (scans == null) {
      throw new IllegalStateException(getEndpoint() + " consumer is not started");
    }
    return scans;
  }

  /** One change's exchange. */
  private static final class ChangeDelivery implements Delivery {
    private final Exchange exchange;
    private final QueryScan.Claim claim;
    private final QueryScan scans;

    ChangeDelivery(Exchange exchange, QueryScan.Claim claim, QueryScan scans) {
      this.exchange = exchange;
      this.claim = claim;
      this.scans = scans;
    }

    @Override
    public Exchange exchange() {
      return exchange;
    }

    @Override
    public boolean prepare() {
      return true;
    }

    @Override
    public void completed() {
      scans.completed(claim);
    }

    @Override
    public void failed() {
      scans.failed(claim);
    }

    @Override
    public void released() {
      scans.released(claim);
    }
  }
}
