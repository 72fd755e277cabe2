package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.BlobDescription;
import io.camlistore.client.Connection;
import io.camlistore.client.Constraint;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResult;
import io.camlistore.protocol.BlobRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file as the ingestion route stores it, found as Perkeep finds it: the file schema with its name
 * among those with its content, and the one permanode of that content (as {@code pk-put file
 * -filenodes} makes them, files with the same content share it: its {@code camliContent} is the one
 * claimed last).
 *
 * @param permanode the permanode's description
 * @param file the file schema's description
 */
record StoredFile(BlobDescription permanode, BlobDescription file) {
  /** Finds the file, asserting there is exactly one permanode of its content. */
  static StoredFile find(Connection connection, String name, byte[] content) {
    List<BlobRef> withContent =
        connection.searcher().filesWithContent(BlobRef.compute("sha224", content));
    List<BlobDescription> named =
        withContent.stream()
            .map(file -> connection.searcher().describeBlob(file))
            .filter(file -> name.equals(file.fileName()))
            .toList();
    assertThat(named).as("files named %s with its content", name).hasSize(1);
    Constraint ofContent =
        withContent.stream()
            .map(file -> Constraint.attributeEquals("camliContent", file.toString()))
            .reduce(Constraint::or)
            .orElseThrow();
    List<SearchResult> permanodes =
        connection.searcher().query(SearchQuery.builder().constraint(ofContent).build()).results();
    assertThat(permanodes).as("permanodes of the content of %s", name).hasSize(1);
    BlobDescription permanode = connection.searcher().describeBlob(permanodes.get(0).blobRef());
    assertThat(permanode.type()).isEqualTo("permanode");
    return new StoredFile(permanode, named.get(0));
  }

  /** Finds a local file as stored, by its name and current content. */
  static StoredFile find(Connection connection, Path local) throws IOException {
    return find(connection, local.getFileName().toString(), Files.readAllBytes(local));
  }
}
