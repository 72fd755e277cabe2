package io.camlistore.camel;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobClient;
import io.camlistore.client.BlobInputStream;
import io.camlistore.client.BlobPage;
import io.camlistore.client.NotFoundException;
import io.camlistore.protocol.BlobRef;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store operations: put, putMulti, get, exists, stat, enumerate and remove. Each reads its
 * input from the exchange and returns the body and headers to set; none touches the message itself.
 */
final class BlobOperations {
  private static final Logger LOG = LoggerFactory.getLogger(BlobOperations.class);

  private final Supplier<BlobClient> blobs;
  private final CamlistoreConfigurationOptionsProxy options;

  /**
   * Creates the operations.
   *
   * @param blobs supplies the blob client, connecting on first use
   * @param options resolves per-message options
   */
  BlobOperations(Supplier<BlobClient> blobs, CamlistoreConfigurationOptionsProxy options) {
    this.blobs = blobs;
    this.options = options;
  }

  /**
   * Stores the body as exactly one blob: anything Camel can convert to bytes, of at most 16 MiB.
   * Sets the ref and size headers. Keeps the body, unless it was a stream, which reading consumed:
   * then the body becomes the stored {@link Blob}.
   *
   * @throws BlobTooLargeException if the body holds more than 16 MiB (nothing is sent)
   * @throws IllegalArgumentException if there is no body, it is a collection (for putMulti), or
   *     Camel cannot convert it to bytes
   */
  CamlistoreOperationResult put(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (body == null) {
      throw new IllegalArgumentException(
          "put needs a message body to store: anything Camel converts to byte[] or InputStream");
    }
    if (body instanceof Collection<?> || body instanceof Object[]) {
      throw new IllegalArgumentException(
          "put stores one blob, but the body is a "
              + body.getClass().getName()
              + " of several items: send it to putMulti, which stores each item as a blob in one"
              + " batch");
    }
    Blob blob = BlobBodies.toBlob(body, options.hashFunction(exchange), exchange, "put: the body");
    BlobRef ref = blobs.get().put(blob);
    CamlistoreOperationResult.Headers headers =
        CamlistoreOperationResult.newHeaders()
            .blobRef(ref)
            .blobSize((long) blob.size())
            .camliType(null)
            .fileName(null)
            .permanodeRef(null);
    return BlobBodies.isConsumedByReading(body)
        ? CamlistoreOperationResult.create(blob, headers)
        : CamlistoreOperationResult.headersOnly(headers);
  }

  /**
   * Stores each item of a collection body as one blob, in one batch (one stat request, then uploads
   * of only the blobs the server lacks). Sets the list headers {@link
   * CamlistoreConstants#BLOB_REFS} and {@link CamlistoreConstants#BLOB_SIZES}, in the items' order.
   * Keeps the body, unless an item was a stream: then the body becomes the list of stored blobs.
   *
   * @throws BlobTooLargeException naming the item if one holds more than 16 MiB (nothing is sent)
   * @throws IllegalArgumentException if the body is not a collection, or an item is null or cannot
   *     be converted to bytes
   */
  CamlistoreOperationResult putMulti(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof Collection<?> items)) {
      throw new IllegalArgumentException(
          "putMulti needs a Collection body, one item per blob; got "
              + (body == null ? "no body" : "a " + body.getClass().getName())
              + " (send a single body to put)");
    }
    String hash = options.hashFunction(exchange);
    List<Blob> batch = new ArrayList<>(items.size());
    boolean consumed = false;
    int index = 0;
    for (Object item : items) {
      if (item == null) {
        throw new IllegalArgumentException(
            "putMulti: item " + index + " of the collection body is null");
      }
      consumed |= BlobBodies.isConsumedByReading(item);
      batch.add(BlobBodies.toBlob(item, hash, exchange, "putMulti: item " + index));
      index++;
    }
    List<BlobRef> refs = batch.isEmpty() ? List.of() : blobs.get().putMulti(batch);
    List<Long> sizes = batch.stream().map(blob -> (long) blob.size()).toList();
    CamlistoreOperationResult.Headers headers =
        CamlistoreOperationResult.newHeaders()
            .blobRefs(refs)
            .blobSizes(sizes)
            .blobRef(null)
            .blobSize(null)
            .camliType(null)
            .fileName(null)
            .permanodeRef(null);
    return consumed
        ? CamlistoreOperationResult.create(batch, headers)
        : CamlistoreOperationResult.headersOnly(headers);
  }

  /**
   * Fetches the blob as the body: its content, verified against the ref, kept so that it can be
   * read after the exchange and more than once ({@link CachedContent}); with the streamDownload
   * option, the verifying stream itself, closed when the exchange completes.
   *
   * @throws NotFoundException if the server does not have the blob
   * @throws io.camlistore.client.HashMismatchException if the content does not match the ref
   */
  CamlistoreOperationResult get(Exchange exchange) {
    BlobRef ref = BlobRefs.single(exchange, CamlistoreOperation.get);
    BlobInputStream in = blobs.get().getStream(ref);
    Object body = DownloadBodies.body(exchange, in, in.size(), ref, options.streamDownload());
    return CamlistoreOperationResult.create(
        body,
        CamlistoreOperationResult.newHeaders()
            .blobRef(ref)
            .blobSize(in.size() >= 0 ? in.size() : null));
  }

  /** Answers whether the server has the blob, with its size when it does. */
  CamlistoreOperationResult exists(Exchange exchange) {
    BlobRef ref = BlobRefs.single(exchange, CamlistoreOperation.exists);
    Long size;
    try {
      size = blobs.get().getSize(ref);
    } catch (NotFoundException e) {
      size = null;
    }
    return CamlistoreOperationResult.create(
        size != null, CamlistoreOperationResult.newHeaders().blobRef(ref).blobSize(size));
  }

  /**
   * Answers the sizes of the blobs the server has, as a map from ref to size in request order;
   * blobs it lacks are left out.
   */
  CamlistoreOperationResult stat(Exchange exchange) {
    List<BlobRef> refs = BlobRefs.many(exchange, CamlistoreOperation.stat);
    Map<BlobRef, Long> sizes = new LinkedHashMap<>();
    blobs
        .get()
        .getSizeMulti(refs)
        .forEach(
            (ref, size) -> {
              if (size != null) {
                sizes.put(ref, size);
              }
            });
    return CamlistoreOperationResult.create(sizes, CamlistoreOperationResult.newHeaders());
  }

  /**
   * Answers one page of blobs ({@code List<BlobMeta>}) after the {@link CamlistoreConstants#AFTER}
   * header, and the cursor for the next page, if any, in {@link
   * CamlistoreConstants#CONTINUE_AFTER}.
   */
  CamlistoreOperationResult enumerate(Exchange exchange) {
    BlobPage page = blobs.get().enumeratePage(options.after(exchange), options.limit(exchange));
    return CamlistoreOperationResult.create(
        page.blobs(), CamlistoreOperationResult.newHeaders().continueAfter(page.continueAfter()));
  }

  /**
   * Removes the blobs and answers the refs the server removed.
   *
   * @throws io.camlistore.client.ServerException if the server refuses (most do: 403)
   */
  CamlistoreOperationResult remove(Exchange exchange) {
    List<BlobRef> refs = BlobRefs.many(exchange, CamlistoreOperation.remove);
    List<BlobRef> removed = blobs.get().remove(refs.toArray(BlobRef[]::new));
    return CamlistoreOperationResult.create(removed, CamlistoreOperationResult.newHeaders());
  }

  /**
   * Closes a body stream when the exchange is done, whether or not anyone read it.
   *
   * @param what the ref the stream reads, for the log
   */
  static void closeOnCompletion(Exchange exchange, Closeable in, BlobRef what) {
    exchange
        .getExchangeExtension()
        .addOnCompletion(
            new SynchronizationAdapter() {
              @Override
              public void onDone(Exchange done) {
                try {
                  in.close();
                } catch (IOException | RuntimeException e) {
                  // A reader that reached the end already got any verification error.
                  LOG.debug("closing the stream of {} failed: {}", what, e.toString());
                }
              }
            });
  }
}
