package io.camlistore.camel;

import io.camlistore.client.Blob;
import io.camlistore.client.BlobClient;
import io.camlistore.client.BlobInputStream;
import io.camlistore.client.BlobPage;
import io.camlistore.client.BlobRef;
import io.camlistore.client.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store operations: put, get, exists, stat, enumerate and remove. Each reads its input
 * from the exchange and returns the body and headers to set; none touches the message itself.
 */
final class BlobOperations {
  private static final Logger LOG = LoggerFactory.getLogger(BlobOperations.class);

  private final Supplier<BlobClient> blobs;
  private final FileOperations files;
  private final CamlistoreConfigurationOptionsProxy options;

  /**
   * Creates the operations.
   *
   * @param blobs supplies the blob client, connecting on first use
   * @param files stores the bodies put hands over as files
   * @param options resolves per-message options
   */
  BlobOperations(
      Supplier<BlobClient> blobs,
      FileOperations files,
      CamlistoreConfigurationOptionsProxy options) {
    this.blobs = blobs;
    this.files = files;
    this.options = options;
  }

  /**
   * Stores the body as one blob, or a collection body as one batch. Sets the ref and size headers
   * (lists for a batch). Keeps the body, unless it was a stream, which reading consumed: then the
   * body becomes the stored {@link Blob}.
   *
   * <p>A single body over 16 MiB (or, with the storeAsFile option, any file or stream body) is
   * stored as a file instead, streamed: the headers then describe the file, and a consumed stream
   * body becomes the file schema's ref. A stream of unknown size is read up to the blob limit to
   * decide, so at most 16 MiB of it is held.
   */
  CamlistoreOperationResult put(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (body == null) {
      throw new IllegalArgumentException(
          "put needs a message body to store; it accepts " + BlobBodies.ACCEPTED);
    }
    String hash = options.hashFunction(exchange);
    if (body instanceof Collection<?> items) {
      List<Blob> batch = new ArrayList<>(items.size());
      boolean consumed = false;
      for (Object item : items) {
        if (item == null) {
          throw new IllegalArgumentException("put: the collection body holds a null element");
        }
        consumed |= BlobBodies.isConsumedByReading(item);
        batch.add(BlobBodies.toBlob(item, hash));
      }
      List<BlobRef> refs = blobs.get().putMulti(batch);
      List<Long> sizes = batch.stream().map(blob -> (long) blob.size()).toList();
      CamlistoreOperationResult.Headers headers =
          CamlistoreOperationResult.newHeaders().blobRef(refs).blobSize(sizes);
      return consumed
          ? CamlistoreOperationResult.create(batch, headers)
          : CamlistoreOperationResult.headersOnly(headers);
    }
    Object unwrapped = FileBodies.unwrap(body);
    if ((options.storeAsFile() && FileBodies.isFileOrStream(unwrapped))
        || FileBodies.knownSize(unwrapped) > Blob.MAX_SIZE) {
      return storeFile(exchange, unwrapped);
    }
    Blob blob;
    if (unwrapped instanceof InputStream in) {
      byte[] head = readUpToBlobLimit(in);
      if (head.length > Blob.MAX_SIZE) {
        return storeFile(exchange, new SequenceInputStream(new ByteArrayInputStream(head), in));
      }
      blob = new Blob(head, hash);
    } else {
      blob = BlobBodies.toBlob(body, hash);
    }
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

  /** Stores a body as a file; a consumed stream body is replaced by the file schema's ref. */
  private CamlistoreOperationResult storeFile(Exchange exchange, Object unwrapped) {
    FileOperations.Stored stored = files.store(exchange, unwrapped);
    return unwrapped instanceof InputStream
        ? CamlistoreOperationResult.create(stored.ref(), stored.headers())
        : CamlistoreOperationResult.headersOnly(stored.headers());
  }

  /**
   * Reads a stream up to one byte past the blob limit; closes it only when it ended within the
   * limit, so that a longer stream can go on being read as a file.
   */
  private static byte[] readUpToBlobLimit(InputStream in) {
    try {
      byte[] head = in.readNBytes(Blob.MAX_SIZE + 1);
      if (head.length <= Blob.MAX_SIZE) {
        in.close();
      }
      return head;
    } catch (IOException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("reading the body to store failed: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the blob as the body: a stream that verifies the content against the ref as it is read,
   * and is closed when the exchange completes.
   *
   * @throws NotFoundException if the server does not have the blob
   */
  CamlistoreOperationResult get(Exchange exchange) {
    BlobRef ref = BlobRefs.single(exchange, CamlistoreOperation.get);
    BlobInputStream in = blobs.get().getStream(ref);
    closeOnCompletion(exchange, in, ref);
    return CamlistoreOperationResult.create(
        in,
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
    for (Map.Entry<BlobRef, OptionalLong> entry : blobs.get().getSizeMulti(refs).entrySet()) {
      entry.getValue().ifPresent(size -> sizes.put(entry.getKey(), size));
    }
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
        page.blobs(),
        CamlistoreOperationResult.newHeaders().continueAfter(page.continueAfter().orElse(null)));
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
