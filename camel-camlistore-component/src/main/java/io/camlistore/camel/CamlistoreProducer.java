package io.camlistore.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the message's operation (the {@link CamlistoreConstants#OPERATION} header, else the
 * endpoint's) and copies its answer onto the message. Only dispatches: the work is in the operation
 * classes.
 */
final class CamlistoreProducer extends DefaultProducer {
  private final CamlistoreConfigurationOptionsProxy options;
  private final BlobOperations blobOperations;
  private final SearchOperations searchOperations;
  private final PermanodeOperations permanodeOperations;
  private final FileOperations fileOperations;

  CamlistoreProducer(CamlistoreEndpoint endpoint) {
    super(endpoint);
    this.options = new CamlistoreConfigurationOptionsProxy(endpoint.getConfiguration());
    this.fileOperations = new FileOperations(() -> endpoint.connection().files(), options);
    this.blobOperations = new BlobOperations(() -> endpoint.connection().blobs(), options);
    this.searchOperations = new SearchOperations(() -> endpoint.connection().searcher(), options);
    this.permanodeOperations = new PermanodeOperations(() -> endpoint.connection().permanodes());
  }

  @Override
  public void process(Exchange exchange) {
    CamlistoreOperation operation = options.operation(exchange);
    CamlistoreOperationResult result =
        switch (operation) {
          case put -> blobOperations.put(exchange);
          case putMulti -> blobOperations.putMulti(exchange);
          case get -> blobOperations.get(exchange);
          case putFile -> fileOperations.putFile(exchange);
          case putFiles -> fileOperations.putFiles(exchange);
          case getFile -> fileOperations.getFile(exchange);
          case exists -> blobOperations.exists(exchange);
          case stat -> blobOperations.stat(exchange);
          case enumerate -> blobOperations.enumerate(exchange);
          case remove -> blobOperations.remove(exchange);
          case describe -> searchOperations.describe(exchange);
          case query -> searchOperations.query(exchange);
          case claims -> searchOperations.claims(exchange);
          case createPermanode -> permanodeOperations.createPermanode(exchange);
          case setAttribute -> permanodeOperations.setAttribute(exchange);
          case addAttribute -> permanodeOperations.addAttribute(exchange);
          case delAttribute -> permanodeOperations.delAttribute(exchange);
          case deletePermanode -> permanodeOperations.deletePermanode(exchange);
        };
    result.applyTo(exchange.getMessage());
  }
}
