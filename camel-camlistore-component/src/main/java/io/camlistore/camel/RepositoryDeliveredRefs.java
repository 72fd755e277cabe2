package io.camlistore.camel;

import org.apache.camel.spi.IdempotentRepository;
import org.jspecify.annotations.Nullable;

/**
 * The delivered refs kept in a Camel {@link IdempotentRepository}, such as a shared JDBC or
 * Infinispan one: each listed blob is looked up, and each blob delivered is added (and confirmed)
 * once the exchange completed, so that a crash delivers it again rather than never. Sweeps start at
 * the beginning, since the repository has no order to resume in.
 */
final class RepositoryDeliveredRefs implements DeliveredRefs {
  private final IdempotentRepository repository;

  RepositoryDeliveredRefs(IdempotentRepository repository) {
    this.repository = repository;
  }

  @Override
  public @Nullable String resumeAfter() {
    return null;
  }

  @Override
  public boolean contains(String ref) {
    return repository.contains(ref);
  }

  @Override
  public void passed(String ref, boolean fresh) {
    if (fresh) {
      repository.add(ref);
      repository.confirm(ref);
    }
  }

  @Override
  public void flush() {
    // Each add is the repository's to make durable.
  }

  @Override
  public void sweepCompleted() {
    // The repository is the same for every sweep.
  }

  @Override
  public void close() {
    // Started by the consumer, stopped by its owner: another route may share it.
  }

  @Override
  public String toString() {
    return "idempotent repository " + repository;
  }
}
