package io.camlistore.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.BlobDescription;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import io.camlistore.testkit.TestIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routes/notes.camel.yaml} loaded and run by camel-main with properties only, nothing bound
 * in Java, against the embedded server and a real one: the sink kamelet stores the dropped files
 * with permanodes, the source kamelet reports each matching one once, also across a restart of the
 * application.
 */
class NotesExampleIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path temp;

  /** The titles of the permanodes the watching route delivered, recorded from Camel's events. */
  private final List<String> watched = new CopyOnWriteArrayList<>();

  private Main start(String serverUrl, Map<String, String> settings) throws Exception {
    Map<String, String> all = new HashMap<>(settings);
    all.put("notes.inbox", temp.resolve("inbox").toString());
    all.put("notes.state", temp.resolve("state/watch.state").toString());
    all.put("notes.poll-delay", "50");
    Main main = NotesExample.camelMain(ExampleConfig.load(all), serverUrl);
    main.start();
    main.getCamelContext()
        .getManagementStrategy()
        .addEventNotifier(
            new EventNotifierSupport() {
              @Override
              public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent completed) {
                  Exchange exchange = completed.getExchange();
                  if ("watch-notes".equals(exchange.getFromRouteId())) {
                    BlobDescription note = exchange.getMessage().getBody(BlobDescription.class);
                    watched.add(note.attribute("title"));
                  }
                }
              }
            });
    return main;
  }

  @Test
  void theYamlRoutesStoreDroppedFilesAndReportEachMatchingPermanodeOnce() throws Exception {
    try (EmbeddedCamlistoreServer server =
        EmbeddedCamlistoreServer.builder().noAuth().signer(TestIdentity.signer()).start()) {
      storeAndWatch(server.url(), Map.of());
    }
  }

  @Test
  @RealPerkeep
  void theYamlRoutesWorkWithARealServer(RealPerkeepServer server) throws Exception {
    // userpass:USER:PASS, as the environment gives it to the tests.
    String[] auth =
        Objects.requireNonNull(System.getenv(RealPerkeepServer.AUTH_VARIABLE)).split(":", 3);
    storeAndWatch(
        server.url(), Map.of("camlistore.username", auth[1], "camlistore.password", auth[2]));
  }

  /**
   * Drops notes named after a label of this run (a real server holds other notes), runs the
   * application until they are reported, then runs a new one on the same state.
   */
  private void storeAndWatch(String serverUrl, Map<String, String> credentials) throws Exception {
    String label = UUID.randomUUID().toString();
    Map<String, String> settings = new HashMap<>(credentials);
    settings.put("notes.title", label);
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    Files.writeString(inbox.resolve(label + "-groceries.md"), "milk, bread\n");
    Files.writeString(inbox.resolve(label + "-todo.md"), "write the report\n");
    Files.writeString(inbox.resolve("photo.txt"), "not a note\n");

    Main first = start(serverUrl, settings);
    try {
      await().atMost(PATIENCE).until(() -> watched.size() >= 2);
      // The two routes of the file, plus one each kamelet endpoint made from its template.
      assertThat(first.getCamelContext().getRoutes())
          .map(route -> route.getRouteId())
          .contains("store-notes", "watch-notes")
          .hasSize(4);
    } finally {
      first.stop();
    }
    assertThat(watched).containsExactlyInAnyOrder(label + "-groceries.md", label + "-todo.md");
    // Each stored file was moved out of the inbox, so a restart does not store it again.
    assertThat(inbox.resolve(label + "-todo.md")).doesNotExist();

    // A new application on the same state: only the note dropped meanwhile is reported.
    watched.clear();
    Files.writeString(inbox.resolve(label + "-ideas.md"), "a kamelet\n");
    Main second = start(serverUrl, settings);
    try {
      await().atMost(PATIENCE).until(() -> watched.contains(label + "-ideas.md"));
      assertThat(second.getCamelContext().getRoute("watch-notes").getEndpoint().getEndpointUri())
          .startsWith("kamelet:camlistore-source?");
    } finally {
      second.stop();
    }
    assertThat(watched).containsExactly(label + "-ideas.md");
  }
}
