package io.salesflow.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/eventpublications}: the platform operator's view of durable events that have not reached their
 * listeners yet, in total and per listener with the last error, and of this replica's listener executor.
 */
@Component
@Endpoint(id = "eventpublications")
class EventPublicationsEndpoint {

    private final PublicationFailureStore store;
    private final EventPublicationRegistry registry;
    private final ThreadPoolTaskExecutor executor;
    private final EventProperties properties;

    EventPublicationsEndpoint(
            PublicationFailureStore store,
            EventPublicationRegistry registry,
            @Qualifier("taskExecutor") ThreadPoolTaskExecutor taskExecutor,
            EventProperties properties) {
        this.store = store;
        this.registry = registry;
        this.executor = taskExecutor;
        this.properties = properties;
    }

    record Report(
            long incomplete,
            Instant oldest,
            Long oldestAgeSeconds,
            ThisReplica thisReplica,
            List<PublicationFailureStore.ListenerBacklog> listeners) {}

    /** Publications queued or running on this replica, and its listener threads. */
    record ThisReplica(int inFlight, int listenerThreads, int activeThreads, int queued, int queueCapacity) {}

    @ReadOperation
    Report report() {
        PublicationFailureStore.Backlog backlog = store.backlog();
        Long age = backlog.oldest() == null
                ? null
                : Duration.between(backlog.oldest(), Instant.now()).toSeconds();
        int inFlight = registry instanceof InFlightPublications tracked ? tracked.size() : 0;
        return new Report(
                backlog.incomplete(),
                backlog.oldest(),
                age,
                new ThisReplica(
                        inFlight,
                        properties.listenerThreads(),
                        executor.getActiveCount(),
                        executor.getQueueSize(),
                        properties.queueCapacity()),
                store.byListener());
    }
}
