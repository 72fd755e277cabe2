package io.camlistore.camel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camlistore.camel.PerkeepStubs.BLOB_ROOT;
import static io.camlistore.camel.PerkeepStubs.PAGE_ONE_LAST;
import static io.camlistore.camel.PerkeepStubs.PAGE_TWO_LAST;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code cursorFile}, a consumer in a new Camel context resumes after the last blob the
 * previous context processed: it neither starts over nor skips the rest.
 */
class CamlistoreConsumerResumeTest {
  @RegisterExtension static WireMockExtension server = PerkeepStubs.server();

  @TempDir Path dir;

  @BeforeEach
  void answerDiscoveryAndPages() {
    PerkeepStubs.discovery(server);
    PerkeepStubs.enumerate(server, "", 5, "54-enumerate-limit-5.json");
    PerkeepStubs.enumerate(server, PAGE_ONE_LAST, 5, "56-enumerate-after.json");
  }

  /**
   * Runs exactly one poll ({@code repeatCount=1}) in a new context and answers the refs delivered.
   *
   * @param position where the walk starts: a {@code cursorFile} or {@code startAfter} option
   */
  private List<Object> runOnePoll(String position, int expected) throws Exception {
    CamelContext context = new DefaultCamelContext();
    try {
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("camlistore:enumerate?includeBody=false&maxMessagesPerPoll=5&initialDelay=0"
                      + "&repeatCount=1&serverUrl="
                      + server.baseUrl()
                      + "/&"
                      + position)
                  .to("mock:blobs");
            }
          });
      MockEndpoint blobs = context.getEndpoint("mock:blobs", MockEndpoint.class);
      blobs.expectedMessageCount(expected);
      context.start();
      blobs.assertIsSatisfied(20_000);
      return blobs.getExchanges().stream()
          .map(exchange -> exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF))
          .map(Object::toString)
          .map(Object.class::cast)
          .toList();
    } finally {
      context.stop();
    }
  }

  @Test
  void aRestartedContextResumesAfterTheSavedPosition() throws Exception {
    Path cursorFile = dir.resolve("walk.cursor");

    List<Object> first = runOnePoll("cursorFile=" + cursorFile, 5);
    assertThat(first).hasSize(5).last().isEqualTo(PAGE_ONE_LAST);
    assertThat(Files.readString(cursorFile, StandardCharsets.UTF_8).strip())
        .isEqualTo(PAGE_ONE_LAST);

    server.resetRequests();
    List<Object> second = runOnePoll("cursorFile=" + cursorFile, 3);

    assertThat(second).hasSize(3).last().isEqualTo(PAGE_TWO_LAST);
    assertThat(second).doesNotContainAnyElementsOf(first);
    server.verify(
        0,
        getRequestedFor(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
            .withQueryParam("after", WireMock.absent()));
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
            .withQueryParam("after", equalTo(PAGE_ONE_LAST)));
    assertThat(Files.readString(cursorFile, StandardCharsets.UTF_8).strip())
        .isEqualTo(PAGE_TWO_LAST);
  }

  @Test
  void withoutASavedPositionTheWalkStartsAfterStartAfter() throws Exception {
    // startAfter is only the initial position; here it points at the second page.
    List<Object> delivered = runOnePoll("startAfter=" + PAGE_ONE_LAST, 3);

    assertThat(delivered).last().isEqualTo(PAGE_TWO_LAST);

    server.verify(
        0,
        getRequestedFor(urlPathEqualTo(BLOB_ROOT + "camli/enumerate-blobs"))
            .withQueryParam("after", WireMock.absent()));
  }
}
