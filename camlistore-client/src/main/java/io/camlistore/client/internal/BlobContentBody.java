package io.camlistore.client.internal;

import io.camlistore.client.Blob;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/**
 * One blob as a multipart part body, written straight from the blob's bytes (no copy), with the
 * blobref as its file name as Perkeep's upload protocol asks.
 */
public final class BlobContentBody extends AbstractContentBody {
  private final Blob blob;

  /**
   * Creates the part body.
   *
   * @param blob the blob to send
   */
  public BlobContentBody(Blob blob) {
    super(ContentType.APPLICATION_OCTET_STREAM);
    this.blob = blob;
  }

  @Override
  public String getFilename() {
    return blob.blobRef().toString();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    blob.writeTo(out);
  }

  @Override
  public long getContentLength() {
    return blob.size();
  }
}
