package io.camlistore.examples.springboot;

import java.nio.charset.StandardCharsets;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, stores a greeting through {@link BlobRoutes} and reads it back. */
@Component
public class GreetingRunner implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(GreetingRunner.class);

  /** What is stored. */
  static final String GREETING = "Hello from Spring Boot!";

  private final ProducerTemplate template;

  /**
   * Creates the runner.
   *
   * @param template sends to the routes
   */
  public GreetingRunner(ProducerTemplate template) {
    this.template = template;
  }

  @Override
  public void run(ApplicationArguments args) {
    String ref = template.requestBody(BlobRoutes.STORE, GREETING, String.class);
    byte[] content = template.requestBody(BlobRoutes.FETCH, ref, byte[].class);
    LOG.info(
        "Stored '{}' as {} and read back '{}'",
        GREETING,
        ref,
        new String(content, StandardCharsets.UTF_8));
  }
}
