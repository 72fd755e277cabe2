package io.camlistore.client.internal;

import io.camlistore.client.Blob;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits blobs into multipart upload requests that respect the protocol's advice (at most about 32
 * MB per request) and stay small enough that several requests can keep the server's cores busy.
 */
public final class UploadBatches {
  /** Upper bound of one multipart request body, multipart framing included. */
  public static final long MAX_REQUEST_BYTES = 32_000_000L;

  /** Blobs per request beyond which a real server gains nothing (100–250 measured best). */
  public static final int MAX_BLOBS_PER_REQUEST = 250;

  /** Generous per-part framing estimate: boundary, disposition with two refs, content type. */
  public static final int PART_OVERHEAD_BYTES = 400;

  private UploadBatches() {}

  /**
   * {@return the blobs grouped into requests, order kept}
   *
   * @param blobs blobs of at most {@link Blob#MAX_SIZE} bytes each
   */
  public static List<List<Blob>> split(List<Blob> blobs) {
    List<List<Blob>> batches = new ArrayList<>();
    List<Blob> current = new ArrayList<>();
    long currentBytes = 0;
    for (Blob blob : blobs) {
      long cost = blob.size() + (long) PART_OVERHEAD_BYTES;
      if (!current.isEmpty()
          && (currentBytes + cost > MAX_REQUEST_BYTES || current.size() == MAX_BLOBS_PER_REQUEST)) {
        batches.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
      }
      current.add(blob);
      currentBytes += cost;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
