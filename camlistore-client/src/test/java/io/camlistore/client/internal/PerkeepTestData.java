package io.camlistore.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.client.FileMetadata;
import io.camlistore.client.internal.schema.Part;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Perkeep reference data under {@code src/test/resources/perkeep}, and what pk-put recorded.
 */
public final class PerkeepTestData {
  /** The attributes pk-put stored for every test file (see the resources' README). */
  public static final FileMetadata FILE_METADATA =
      FileMetadata.builder()
          .modificationTime(Instant.parse("2020-11-01T12:00:00Z"))
          .changeTime(Instant.parse("2026-11-25T09:29:46.551179453Z"))
          .ownerId(0)
          .ownerName("root")
          .groupId(0)
          .groupName("root")
          .permissions(0644)
          .build();

  /** The attributes pk-put stored for the test directories. */
  public static final FileMetadata DIRECTORY_METADATA =
      FILE_METADATA.toBuilder().permissions(0755).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private PerkeepTestData() {}

  /** {@return the bytes of a resource under {@code perkeep/}} */
  public static byte[] bytes(String path) {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return a resource under {@code perkeep/} as UTF-8 text} */
  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** {@return a stream over a resource under {@code perkeep/}} */
  public static InputStream open(String path) {
    InputStream in = PerkeepTestData.class.getResourceAsStream("/perkeep/" + path);
    if (in == null) {
      throw new IllegalArgumentException("no test resource perkeep/" + path);
    }
    return in;
  }

  /** {@return the value of a JSON object's field, failing the test if it is absent or null} */
  public static Object field(Map<?, ?> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      throw new AssertionError("JSON object has no field '" + name + "': " + object);
    }
    return value;
  }

  /** {@return the {@code parts} of a file or bytes schema blob's text, as typed parts} */
  public static List<Part> partsOf(String schemaText) {
    List<Part> parts = new ArrayList<>();
    for (Object entry : (List<?>) field(parseObject(schemaText), "parts")) {
      Map<?, ?> part = (Map<?, ?>) entry;
      long size = ((Number) field(part, "size")).longValue();
      parts.add(
          part.containsKey("bytesRef")
              ? Part.bytes(BlobRef.parse((String) field(part, "bytesRef")), size)
              : Part.blob(BlobRef.parse((String) field(part, "blobRef")), size));
    }
    return parts;
  }

  /** {@return JSON text parsed into maps, lists, strings, numbers and booleans, keeping order} */
  public static Map<String, Object> parseObject(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
