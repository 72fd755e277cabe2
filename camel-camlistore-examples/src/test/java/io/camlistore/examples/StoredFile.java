package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.client.BlobDescription;
import io.camlistore.client.BlobRef;
import io.camlistore.client.Connection;
import io.camlistore.client.Constraint;
import io.camlistore.client.SearchQuery;
import io.camlistore.client.SearchResult;
import java.util.List;
import java.util.Objects;

/**
 * A file as the ingestion route stores it, found as Perkeep's UI finds it: the one permanode titled
 * with the name, and the file schema its {@code camliContent} names.
 *
 * @param permanode the permanode's description
 * @param file the file schema's description
 */
record StoredFile(BlobDescription permanode, BlobDescription file) {
  /** Finds the file, asserting there is exactly one permanode with that title. */
  static StoredFile find(Connection connection, String name) {
    List<SearchResult> titled =
        connection
            .searcher()
            .query(
                SearchQuery.builder().constraint(Constraint.attributeEquals("title", name)).build())
            .results();
    assertThat(titled).as("permanodes titled %s", name).hasSize(1);
    BlobDescription permanode = connection.searcher().describeBlob(titled.get(0).blobRef());
    assertThat(permanode.type()).isEqualTo("permanode");
    assertThat(permanode.attribute("title")).isEqualTo(name);
    String content = permanode.attribute("camliContent");
    assertThat(content).as("camliContent of %s", name).isNotNull();
    BlobDescription file =
        connection.searcher().describeBlob(BlobRef.parse(Objects.requireNonNull(content)));
    return new StoredFile(permanode, file);
  }
}
