package io.camlistore.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application: {@link BlobRoutes} store and fetch blobs, {@link GreetingRunner} tries them once
 * at start-up, and {@link EmbeddedServerConfiguration} provides a server when {@code
 * camel.component.camlistore.server-url} is not set.
 */
@SpringBootApplication
public class CamlistoreSpringBootApplication {
  /** Creates the application's configuration (Spring does). */
  public CamlistoreSpringBootApplication() {}

  /**
   * Runs the application: starts it, lets {@link GreetingRunner} store and fetch once, then closes
   * it (stopping an embedded server) and exits.
   *
   * @param args Spring Boot arguments, such as {@code
   *     --camel.component.camlistore.server-url=http://localhost:3179/}
   */
  public static void main(String[] args) {
    System.exit(
        SpringApplication.exit(SpringApplication.run(CamlistoreSpringBootApplication.class, args)));
  }
}
