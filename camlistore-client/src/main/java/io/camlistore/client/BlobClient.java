package io.camlistore.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camlistore.client.internal.BlobContentBody;
import io.camlistore.client.internal.ErrorResponses;
import io.camlistore.client.internal.HttpTransport;
import io.camlistore.client.internal.Json;
import io.camlistore.client.internal.ParallelTasks;
import io.camlistore.client.internal.Urls;
import io.camlistore.client.internal.upload.UploadPipeline;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.FormBodyPartBuilder;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.jspecify.annotations.Nullable;

/**
 * The blob store of a server: get, stat, put, enumerate and remove immutable blobs, addressed by
 * {@link BlobRef}. Obtain it from {@link Connection#blobs()}. Thread-safe.
 *
 * <p>Everything fetched is verified against its ref; every upload is checked against the server's
 * list of received blobs, because the server answers HTTP 200 even when a blob failed. Batch calls
 * respect the server's limits: at most 1000 refs per stat request and 250 blobs (and a few MiB) per
 * upload request, and blobs over {@link Blob#MAX_SIZE} are refused before anything is sent. Every
 * store operation of the connection (blobs, files, batches of files, permanodes) goes through the
 * same upload pipeline: one stat per window of up to 1000 blobs, then parallel multipart uploads of
 * what the server lacks.
 */
public final class BlobClient {
  /** The most refs a server checks in one stat request. */
  public static final int MAX_STAT_REFS = 1000;

  private final HttpTransport transport;
  private final @Nullable URI blobRoot;
  private final ParallelTasks uploads;
  private final int uploadParallelism;
  private final int pageSize;
  private final UploadPipeline.Server server =
      new UploadPipeline.Server() {
        @Override
        public Set<BlobRef> stat(List<BlobRef> refs) {
          return BlobClient.this.stat(refs).keySet();
        }

        @Override
        public UploadPipeline.Receipt upload(List<Blob> blobs) {
          return uploadBatch(blobs);
        }
      };

  BlobClient(
      HttpTransport transport,
      @Nullable URI blobRoot,
      ParallelTasks uploads,
      int uploadParallelism,
      int pageSize) {
    this.transport = transport;
    this.blobRoot = blobRoot;
    this.uploads = uploads;
    this.uploadParallelism = uploadParallelism;
    this.pageSize = pageSize;
  }

  /**
   * {@return the URL of a blob, {@code <blobRoot>camli/<ref>}}
   *
   * @param ref the blob
   * @throws ServerFeatureUnavailableException if the server advertised no blob root
   */
  public URI blobUrl(BlobRef ref) {
    return handler("camli/" + ref);
  }

  /**
   * Fetches a blob into memory and verifies it with the hash its ref names.
   *
   * @param ref the blob
   * @return the verified blob
   * @throws NotFoundException if the server does not have it
   * @throws HashMismatchException if the content does not hash to {@code ref}
   * @throws ServerException for another error answer
   * @throws ConnectionException if the server cannot be reached or the body was cut short
   */
  public Blob get(BlobRef ref) {
    URI url = blobUrl(ref);
    byte[] data =
        transport.execute(
            () -> new HttpGet(url),
            (response, uri) -> {
              HttpEntity entity = response.getEntity();
              if (entity == null) {
                return new byte[0];
              }
              if (entity.getContentLength() > Blob.MAX_SIZE) {
                throw new ServerException(
                    "GET "
                        + url
                        + " announced "
                        + entity.getContentLength()
                        + " bytes, more than a"
                        + " blob may have",
                    response.getCode(),
                    null);
              }
              try (InputStream in = entity.getContent()) {
                return readBody(in, entity.getContentLength());
              }
            });
    if (data.length > Blob.MAX_SIZE) {
      throw new ServerException(
          "GET " + url + " returned more than " + Blob.MAX_SIZE + " bytes", 200, null);
    }
    return Blob.wrapVerified(data, ref);
  }

  /**
   * Reads a blob's body: into an array of the announced length when there is one (one allocation,
   * no copy), else up to one byte more than a blob may have.
   */
  private static byte[] readBody(InputStream in, long announced) throws IOException {
    if (announced < 0) {
      return in.readNBytes(Blob.MAX_SIZE + 1);
    }
    byte[] data = new byte[(int) announced];
    int read = in.readNBytes(data, 0, data.length);
    if (read < data.length) {
      // A body cut short then fails verification against the ref.
      return Arrays.copyOf(data, read);
    }
    return data;
  }

  /**
   * Opens a blob as a stream without buffering it. The stream verifies the content at its end; see
   * {@link BlobInputStream}. The caller must close it.
   *
   * @param ref the blob
   * @return the open stream
   * @throws NotFoundException if the server does not have it
   * @throws ServerException for another error answer
   * @throws ConnectionException if the server cannot be reached
   */
  public BlobInputStream getStream(BlobRef ref) {
    URI url = blobUrl(ref);
    ClassicHttpResponse response = transport.open(() -> new HttpGet(url));
    HttpEntity entity = response.getEntity();
    try {
      InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
      return new BlobInputStream(
          content, response, ref, entity == null ? 0 : entity.getContentLength());
    } catch (IOException | RuntimeException e) {
      closeQuietly(response);
      throw new ConnectionException("GET " + url + " failed while opening the body: " + e, e);
    }
  }

  /**
   * Asks the server for a blob's size with a {@code HEAD} request.
   *
   * @param ref the blob
   * @return its size in bytes
   * @throws NotFoundException if the server does not have it
   * @throws ServerException for another error answer
   */
  public long getSize(BlobRef ref) {
    URI url = blobUrl(ref);
    return transport.execute(
        () -> new HttpHead(url),
        (response, uri) -> {
          Header length = response.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
          if (length == null) {
            throw new ServerException(
                "HEAD " + url + " answered without Content-Length", response.getCode(), null);
          }
          try {
            return Long.parseLong(length.getValue().trim());
          } catch (NumberFormatException e) {
            throw new ServerException(
                "HEAD " + url + " answered a bad Content-Length: " + length.getValue(),
                response.getCode(),
                null);
          }
        });
  }

  /**
   * {@return whether the server has the blob}
   *
   * @param ref the blob
   * @throws ServerException for an error answer other than 404
   */
  public boolean blobExists(BlobRef ref) {
    try {
      getSize(ref);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Asks the server which of the blobs it has, and their sizes.
   *
   * @param refs the blobs
   * @return one entry per distinct requested ref, in request order: its size, or null if the server
   *     does not have it
   * @throws ServerException for an error answer
   */
  public Map<BlobRef, @Nullable Long> getSizeMulti(BlobRef... refs) {
    return getSizeMulti(Arrays.asList(refs));
  }

  /**
   * Asks the server which of the blobs it has, and their sizes, in stat requests of at most {@value
   * #MAX_STAT_REFS} refs.
   *
   * @param refs the blobs
   * @return one entry per distinct requested ref, in request order: its size, or null if the server
   *     does not have it
   * @throws ServerException for an error answer
   */
  public Map<BlobRef, @Nullable Long> getSizeMulti(Collection<BlobRef> refs) {
    List<BlobRef> distinct = new ArrayList<>(new LinkedHashSet<>(refs));
    Map<BlobRef, Long> found = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += MAX_STAT_REFS) {
      found.putAll(stat(distinct.subList(from, Math.min(distinct.size(), from + MAX_STAT_REFS))));
    }
    Map<BlobRef, @Nullable Long> result = new LinkedHashMap<>();
    for (BlobRef ref : distinct) {
      result.put(ref, found.get(ref));
    }
    return result;
  }

  private Map<BlobRef, Long> stat(List<BlobRef> refs) {
    URI url = handler("camli/stat");
    List<NameValuePair> form = new ArrayList<>(refs.size() + 1);
    form.add(new BasicNameValuePair("camliversion", "1"));
    for (int i = 0; i < refs.size(); i++) {
      form.add(new BasicNameValuePair("blob" + (i + 1), refs.get(i).toString()));
    }
    return transport.execute(
        () -> {
          HttpPost post = new HttpPost(url);
          post.setEntity(new UrlEncodedFormEntity(form));
          return post;
        },
        (response, uri) -> {
          String what = "POST " + url;
          Map<BlobRef, Long> sizes = new HashMap<>();
          for (JsonNode item : Json.array(Json.readObject(response, what), "stat", what)) {
            BlobRef ref = BlobRef.parseOrNull(Json.text(item, "blobRef"));
            if (ref != null && item.path("size").canConvertToLong()) {
              sizes.put(ref, item.path("size").asLong());
            }
          }
          return sizes;
        });
  }

  /**
   * Stores a blob unless the server already has it.
   *
   * @param blob the blob, at most {@link Blob#MAX_SIZE} bytes
   * @return the blob's ref
   * @throws IllegalArgumentException if the blob is too large (nothing is sent)
   * @throws ServerException if the server did not store it
   */
  public BlobRef put(Blob blob) {
    return putMulti(List.of(blob)).get(0);
  }

  /**
   * Stores blobs, sending only those the server lacks.
   *
   * @param blobs the blobs, each at most {@link Blob#MAX_SIZE} bytes
   * @return their refs, in input order
   * @throws IllegalArgumentException if a blob is too large (nothing is sent)
   * @throws ServerException if the server did not store every blob sent
   */
  public List<BlobRef> putMulti(Blob... blobs) {
    return putMulti(Arrays.asList(blobs));
  }

  /**
   * Stores blobs: asks the server which it already has (one stat request per 1000 blobs), then
   * uploads the rest in multipart requests of at most 250 blobs and a few MiB, several at a time,
   * and checks that the server received every one with the right size.
   *
   * @param blobs the blobs, each at most {@link Blob#MAX_SIZE} bytes
   * @return their refs, in input order
   * @throws IllegalArgumentException if a blob is too large (nothing is sent)
   * @throws ServerException if the server did not store every blob sent, with its error text
   */
  public List<BlobRef> putMulti(Collection<Blob> blobs) {
    List<BlobRef> refs = checkSizes(blobs);
    store(blobs, false);
    return refs;
  }

  /**
   * Stores blobs that were just made and that the server cannot have yet (freshly signed permanodes
   * and claims, unique by their random bytes or claim date), without asking first which it has:
   * asking would cost a round trip whose answer is known. As with {@link #putMulti(Collection)},
   * the server's {@code received} list is checked.
   *
   * @param blobs the new blobs, each well under {@link Blob#MAX_SIZE} bytes
   * @throws ServerException if the server did not store every blob sent
   */
  void putNew(Collection<Blob> blobs) {
    checkSizes(blobs);
    store(blobs, true);
  }

  private void store(Collection<Blob> blobs, boolean knownNew) {
    if (blobs.isEmpty()) {
      return;
    }
    try (UploadPipeline pipeline = newPipeline(UploadPipeline.Failures.STOP_AT_FIRST)) {
      for (Blob blob : blobs) {
        pipeline.add(blob, List.of(), null, knownNew);
      }
      pipeline.finish();
    }
  }

  private static List<BlobRef> checkSizes(Collection<Blob> blobs) {
    List<BlobRef> refs = new ArrayList<>(blobs.size());
    for (Blob blob : blobs) {
      if (blob.size() > Blob.MAX_SIZE) {
        throw new IllegalArgumentException(
            "blob "
                + blob.blobRef()
                + " has "
                + blob.size()
                + " bytes; a server accepts at most "
                + Blob.MAX_SIZE
                + " (16 MiB) per blob: store larger data as a file");
      }
      refs.add(blob.blobRef());
    }
    return refs;
  }

  /**
   * Opens an upload pipeline on this connection's upload threads: what every store operation
   * (blobs, files, directories, batches of files, permanodes) sends through.
   *
   * @param failures whether the first failure stops it, or each file reports its own
   * @return the pipeline; the caller finishes and closes it
   * @throws ServerFeatureUnavailableException if the server advertised no blob root
   */
  UploadPipeline newPipeline(UploadPipeline.Failures failures) {
    handler("camli/upload");
    return UploadPipeline.forParallelism(server, uploads::execute, uploadParallelism, failures);
  }

  /**
   * Sends one multipart upload request, in the given order (a schema may follow its parts), and
   * reads the server's {@code received} list.
   */
  private UploadPipeline.Receipt uploadBatch(List<Blob> batch) {
    URI url = handler("camli/upload");
    String what = "POST " + url;
    JsonNode answer =
        transport.execute(
            () -> {
              MultipartEntityBuilder multipart = MultipartEntityBuilder.create();
              for (Blob blob : batch) {
                String ref = blob.blobRef().toString();
                multipart.addPart(
                    FormBodyPartBuilder.create(ref, new BlobContentBody(blob)).build());
              }
              HttpPost post = new HttpPost(url);
              post.setEntity(multipart.build());
              return post;
            },
            (response, uri) -> Json.readObject(response, what));
    Map<BlobRef, Long> sizes = new HashMap<>();
    for (JsonNode item : Json.array(answer, "received", what)) {
      BlobRef ref = BlobRef.parseOrNull(Json.text(item, "blobRef"));
      if (ref != null) {
        sizes.put(ref, item.path("size").asLong(-1));
      }
    }
    Set<BlobRef> received = new LinkedHashSet<>();
    List<String> failed = new ArrayList<>();
    for (Blob blob : batch) {
      Long size = sizes.get(blob.blobRef());
      if (size != null && size == blob.size()) {
        received.add(blob.blobRef());
      } else {
        failed.add(blob.blobRef() + (size == null ? "" : " (stored " + size + " bytes)"));
      }
    }
    if (failed.isEmpty()) {
      return new UploadPipeline.Receipt(received, null);
    }
    String errorText = Json.text(answer, "errorText");
    return new UploadPipeline.Receipt(
        received,
        new ServerException(
            what
                + " did not store "
                + failed.size()
                + " of "
                + batch.size()
                + " blobs: "
                + String.join(", ", failed)
                + (errorText == null ? "" : "; server said: " + errorText.strip()),
            200,
            errorText == null ? null : errorText.strip()));
  }

  /**
   * Lists every blob in blobref order, lazily: pages are fetched as the stream is consumed.
   *
   * @return the blobs; errors surface as exceptions while the stream is consumed
   */
  public Stream<BlobMeta> enumerate() {
    return enumerateAfter(null);
  }

  /**
   * Lists the blobs whose refs sort after the given one, lazily.
   *
   * @param after exclusive lower bound
   * @return the blobs, in blobref order
   */
  public Stream<BlobMeta> enumerate(BlobRef after) {
    return enumerateAfter(after.toString());
  }

  /**
   * Lists the blobs whose refs sort after the given text (a plain string comparison on the server,
   * so a prefix such as {@code sha224-f} works), lazily.
   *
   * @param after exclusive lower bound, or null to start at the beginning
   * @return the blobs, in blobref order
   */
  public Stream<BlobMeta> enumerateAfter(@Nullable String after) {
    return StreamSupport.stream(new PageSpliterator(after), false);
  }

  /**
   * Fetches one page of the enumeration.
   *
   * @param after exclusive lower bound, or null to start at the beginning
   * @param limit the most blobs to return, 1 to 10000
   * @return the page, with the cursor for the next one when the page is full
   * @throws IllegalArgumentException if the limit is out of range
   * @throws ServerException for an error answer
   */
  public BlobPage enumeratePage(@Nullable String after, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("enumerate limit must be 1 to 10000: " + limit);
    }
    String query = "camli/enumerate-blobs?limit=" + limit;
    if (after != null && !after.isEmpty()) {
      query += "&after=" + Urls.encode(after);
    }
    URI url = handler(query);
    String what = "GET " + url;
    return transport.execute(
        () -> new HttpGet(url),
        (response, uri) -> {
          JsonNode page = Json.readObject(response, what);
          List<BlobMeta> blobs = new ArrayList<>();
          for (JsonNode item : Json.array(page, "blobs", what)) {
            String text = Json.text(item, "blobRef");
            BlobRef ref = BlobRef.parseOrNull(text);
            if (ref == null) {
              throw new ServerException(what + " listed a malformed blobref: " + text, 200, null);
            }
            blobs.add(new BlobMeta(ref, item.path("size").asLong(), this));
          }
          return new BlobPage(blobs, Json.text(page, "continueAfter"));
        });
  }

  /**
   * Removes blobs. Most servers forbid it (their storage is append-only): that answer is a {@link
   * ServerException} with status 403 saying removal is disabled.
   *
   * @param refs the blobs, at most 1000
   * @return the refs the server reports removed
   * @throws ServerException if the server refused
   */
  public List<BlobRef> remove(BlobRef... refs) {
    if (refs.length > MAX_STAT_REFS) {
      throw new IllegalArgumentException(
          "at most " + MAX_STAT_REFS + " blobs per remove call, got " + refs.length);
    }
    URI url = handler("camli/remove");
    String what = "POST " + url;
    List<NameValuePair> form = new ArrayList<>();
    for (int i = 0; i < refs.length; i++) {
      form.add(new BasicNameValuePair("blob" + (i + 1), refs[i].toString()));
    }
    return transport.executeAnyStatus(
        () -> {
          HttpPost post = new HttpPost(url);
          post.setEntity(new UrlEncodedFormEntity(form));
          return post;
        },
        (response, uri) -> {
          int status = response.getCode();
          if (status == 403) {
            String error = Json.text(Json.readObject(response, what), "error");
            throw new ServerException(
                "removal is disabled on this server (" + what + " answered 403: " + error + ")",
                status,
                error);
          }
          if (status >= 400) {
            throw ErrorResponses.toException(response, what);
          }
          List<BlobRef> removed = new ArrayList<>();
          for (JsonNode item : Json.array(Json.readObject(response, what), "removed", what)) {
            BlobRef ref = BlobRef.parseOrNull(item.asText());
            if (ref != null) {
              removed.add(ref);
            }
          }
          return removed;
        });
  }

  private URI handler(String relative) {
    if (blobRoot == null) {
      throw new ServerFeatureUnavailableException(
          "the server advertised no blobRoot in its discovery, so blob operations are unavailable");
    }
    return blobRoot.resolve(relative);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already failing; the original error matters more.
    }
  }

  /** Walks the enumeration page by page, fetching the next page only when needed. */
  private final class PageSpliterator extends Spliterators.AbstractSpliterator<BlobMeta> {
    private @Nullable String after;
    private List<BlobMeta> page = List.of();
    private int index;
    private boolean lastPage;

    PageSpliterator(@Nullable String after) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
      this.after = after;
    }

    @Override
    public boolean tryAdvance(Consumer<? super BlobMeta> action) {
      while (index >= page.size()) {
        if (lastPage) {
          return false;
        }
        BlobPage next = enumeratePage(after, pageSize);
        page = next.blobs();
        index = 0;
        after = next.continueAfter();
        lastPage = after == null;
      }
      action.accept(page.get(index++));
      return true;
    }
  }
}
