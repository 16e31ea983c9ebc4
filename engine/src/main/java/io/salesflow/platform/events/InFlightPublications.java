package io.salesflow.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Modulith's publication registry, knowing which publications are queued or running on this replica: from
 * the moment they are stored (or resubmitted) until their listener completes or fails, or the publishing
 * transaction rolls back. Retries leave those alone.
 */
final class InFlightPublications implements EventPublicationRegistry, CompletedEventPublications, DisposableBean {

    private final EventPublicationRegistry registry;
    private final Map<Key, InFlight> inFlight = new ConcurrentHashMap<>();

    private record InFlight(UUID id, Instant published, boolean resubmitted) {}

    private record Key(Object event, String listener) {
        static Key of(TargetEventPublication publication) {
            return new Key(
                    publication.getEvent(), publication.getTargetIdentifier().getValue());
        }
    }

    InFlightPublications(EventPublicationRegistry registry) {
        this.registry = registry;
    }

    /** How many publications are queued or running on this replica. */
    int size() {
        return inFlight.size();
    }

    /**
     * The publications queued or running here that a retry could pick: those run again, and those published
     * before {@code before}. The others (most) never failed and are too young for a retry to take them.
     */
    Set<UUID> retryable(Instant before) {
        return inFlight.values().stream()
                .filter(p -> p.resubmitted() || p.published().isBefore(before))
                .map(InFlight::id)
                .collect(Collectors.toSet());
    }

    @Override
    public Collection<TargetEventPublication> store(Object event, Stream<PublicationTargetIdentifier> listeners) {
        Collection<TargetEventPublication> stored = registry.store(event, listeners);
        stored.forEach(p -> add(p, false));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        stored.forEach(p -> inFlight.remove(Key.of(p)));
                    }
                }
            });
        }
        return stored;
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier listener) {
        try {
            registry.markCompleted(event, listener);
        } finally {
            inFlight.remove(new Key(event, listener.getValue()));
        }
    }

    @Override
    public void markFailed(Object event, PublicationTargetIdentifier listener) {
        try {
            registry.markFailed(event, listener);
        } finally {
            inFlight.remove(new Key(event, listener.getValue()));
        }
    }

    @Override
    public void processIncompletePublications(
            Predicate<EventPublication> filter, Consumer<TargetEventPublication> consumer, Duration duration) {
        registry.processIncompletePublications(
                filter,
                publication -> {
                    add(publication, true);
                    try {
                        consumer.accept(publication);
                    } catch (RuntimeException e) {
                        inFlight.remove(Key.of(publication));
                        throw e;
                    }
                },
                duration);
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublications() {
        return registry.findIncompletePublications();
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublicationsOlderThan(Duration duration) {
        return registry.findIncompletePublicationsOlderThan(duration);
    }

    @Override
    public void deleteCompletedPublicationsOlderThan(Duration duration) {
        registry.deleteCompletedPublicationsOlderThan(duration);
    }

    @Override
    public Collection<? extends EventPublication> findAll() {
        return completed().findAll();
    }

    @Override
    public void deletePublications(Predicate<EventPublication> filter) {
        completed().deletePublications(filter);
    }

    @Override
    public void deletePublicationsOlderThan(Duration duration) {
        completed().deletePublicationsOlderThan(duration);
    }

    @Override
    public void destroy() throws Exception {
        if (registry instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    private void add(TargetEventPublication publication, boolean resubmitted) {
        inFlight.put(
                Key.of(publication),
                new InFlight(publication.getIdentifier(), publication.getPublicationDate(), resubmitted));
    }

    private CompletedEventPublications completed() {
        return (CompletedEventPublications) registry;
    }
}
