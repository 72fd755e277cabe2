package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camlistore.client.Connection;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One consumer route in a Camel context of its own, as an application runs it: {@code from(uri)},
 * an optional step (which may fail the exchange), then a record of every exchange that got past the
 * step. The connection is bound as the context's only {@link Connection} bean, which the component
 * picks up. Stopping the context is the clean stop; a test that abandons a run without stopping it
 * plays a crash.
 */
final class ConsumerRun implements AutoCloseable {
  /** How long a test waits for the consumer to get somewhere. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  /** An exchange that got through the route. */
  record Delivered(String ref, @Nullable Instant modTime, int batchSize, @Nullable Object body) {}

  private final CamelContext context;
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

  private ConsumerRun(CamelContext context) {
    this.context = context;
  }

  /**
   * Starts a context consuming from the URI.
   *
   * @param connection bound as the context's connection bean
   * @param uri the consumer endpoint
   * @param step runs before the exchange is recorded; may throw to fail it
   * @param beans more beans to bind, by name
   * @return the running route
   * @throws Exception if the context fails to start
   */
  static ConsumerRun start(
      Connection connection, String uri, Processor step, Map<String, Object> beans)
      throws Exception {
    return start(connection, uri, 0, step, beans);
  }

  /**
   * Starts a context consuming from the URI.
   *
   * @param connection bound as the context's connection bean
   * @param uri the consumer endpoint
   * @param threads 0 to process each exchange on the polling thread, else how many threads of the
   *     route's own process them, while the consumer goes on polling
   * @param step runs before the exchange is recorded; may throw to fail it
   * @param beans more beans to bind, by name
   * @return the running route
   * @throws Exception if the context fails to start
   */
  static ConsumerRun start(
      Connection connection, String uri, int threads, Processor step, Map<String, Object> beans)
      throws Exception {
    CamelContext context = new DefaultCamelContext();
    // Bodies are read by the steps that want them; the others are closed unread.
    context.setStreamCaching(false);
    context.getRegistry().bind("camlistoreConnection", connection);
    beans.forEach(context.getRegistry()::bind);
    ConsumerRun run = new ConsumerRun(context);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            RouteDefinition route = from(uri).routeId("consumer");
            if (threads > 0) {
              // A queue longer than any test's store: with Camel's default (1000, then the caller
              // runs the task), the polling thread itself would run an exchange once 1000 wait,
              // and a step that waits for further polls would then wait for itself.
              route.threads(threads).maxQueueSize(1_000_000);
            }
            route.process(step).process(run::record);
          }
        });
    try {
      context.start();
    } catch (RuntimeException e) {
      context.stop();
      throw e;
    }
    return run;
  }

  /** {@return a run with no extra step or bean} */
  static ConsumerRun start(Connection connection, String uri) throws Exception {
    return start(connection, uri, exchange -> {}, Map.of());
  }

  private void record(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    delivered.add(
        new Delivered(
            exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class),
            exchange.getMessage().getHeader(CamlistoreConstants.MOD_TIME, Instant.class),
            exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, 0, Integer.class),
            body instanceof InputStream ? exchange.getMessage().getBody(String.class) : body));
  }

  /** {@return every exchange recorded so far, in order} */
  List<Delivered> delivered() {
    return List.copyOf(delivered);
  }

  /** {@return how many times each ref was recorded, for the refs given} */
  Map<String, Long> countsOf(List<String> refs) {
    Map<String, Long> all =
        delivered.stream().collect(Collectors.groupingBy(Delivered::ref, Collectors.counting()));
    return refs.stream()
        .collect(Collectors.toMap(Function.identity(), r -> all.getOrDefault(r, 0L)));
  }

  /** Asserts that each of these refs was recorded exactly once. */
  void assertOnceEach(List<String> refs) {
    assertThat(countsOf(refs)).allSatisfy((ref, count) -> assertThat(count).as(ref).isOne());
  }

  /** Asserts that none of these refs was recorded. */
  void assertNone(List<String> refs) {
    assertThat(countsOf(refs)).allSatisfy((ref, count) -> assertThat(count).as(ref).isZero());
  }

  /** Waits until every one of these refs was recorded at least once. */
  void awaitDelivered(List<String> refs) {
    await()
        .atMost(PATIENCE)
        .until(() -> countsOf(refs).values().stream().allMatch(count -> count > 0));
  }

  /** {@return the route's consumer} */
  CamlistoreBatchConsumer consumer() {
    return (CamlistoreBatchConsumer) context.getRoute("consumer").getConsumer();
  }

  /** {@return how many sweeps (enumerate) or scans (query) the consumer completed} */
  long completedRounds() {
    CamlistoreBatchConsumer consumer = consumer();
    if (consumer instanceof CamlistoreEnumerateConsumer enumerate) {
      return Objects.requireNonNull(enumerate.sweep()).completedSweeps();
    }
    return Objects.requireNonNull(((CamlistoreQueryConsumer) consumer).scan()).completedScans();
  }

  /**
   * Waits until the consumer completed {@code more} further sweeps or scans, so that one full round
   * began after everything before this call.
   */
  void awaitRounds(int more) {
    long target = completedRounds() + more;
    await().atMost(PATIENCE).until(() -> completedRounds() >= target);
  }

  /** {@return the Camel context} */
  CamelContext context() {
    return context;
  }

  /** A step that fails the first attempt at one ref, and counts the attempts at each. */
  static final class FailOnce implements Processor {
    private final String target;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    FailOnce(String target) {
      this.target = target;
    }

    @Override
    public void process(Exchange exchange) {
      String ref = exchange.getMessage().getHeader(CamlistoreConstants.BLOB_REF, String.class);
      int attempt = attempts.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
      if (attempt == 1 && ref.equals(target)) {
        throw new IllegalStateException("downstream is not ready for " + ref);
      }
    }

    /** {@return how many exchanges of this ref reached the step} */
    int attempts(String ref) {
      AtomicInteger count = attempts.get(ref);
      return count == null ? 0 : count.get();
    }
  }

  /**
   * A step that stops the n-th exchange dead, as a process killed in the middle of it: the exchange
   * hangs until {@link #release()}, then fails.
   */
  static final class HangAt implements Processor {
    private final int n;
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch hung = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HangAt(int n) {
      this.n = n;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
      if (seen.incrementAndGet() == n) {
        hung.countDown();
        released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        throw new IllegalStateException("the process died");
      }
    }

    /** Waits until the n-th exchange hangs. */
    void awaitHung() throws InterruptedException {
      assertThat(hung.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Lets the hung exchange fail, so that its context can stop. */
    void release() {
      released.countDown();
    }
  }

  /** Stops the context: the clean stop. */
  @Override
  public void close() {
    context.stop();
  }
}
