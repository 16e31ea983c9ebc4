package io.salesflow.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs incomplete event publications again while the application runs: a failed one when its backoff is over,
 * and one that never failed but was left behind by a replica that stopped (published before this one started, or
 * older than {@code stale-after}). Never one that is queued or running on this replica, and never one another
 * replica has claimed. This replaces Spring Modulith's resubmission of everything at start, which knows nothing
 * of other replicas.
 */
@Component
class PublicationRetries {

    private static final Logger log = LoggerFactory.getLogger(PublicationRetries.class);

    private final PublicationFailureStore store;
    private final IncompleteEventPublications incomplete;
    private final EventPublicationRegistry registry;
    private final EventProperties properties;
    private final TransactionTemplate transactions;
    private final Instant started = Instant.now();

    PublicationRetries(
            PublicationFailureStore store,
            IncompleteEventPublications incomplete,
            EventPublicationRegistry registry,
            EventProperties properties,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.incomplete = incomplete;
        this.registry = registry;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            initialDelayString = "${salesflow.events.retry-interval:10s}",
            fixedDelayString = "${salesflow.events.retry-interval:10s}")
    void retryDue() {
        Instant now = Instant.now();
        Instant unclaimedBefore =
                now.minus(properties.staleAfter()).isAfter(started) ? now.minus(properties.staleAfter()) : started;
        // A minute of margin: the database's clock decides what is due, this one which ids to leave out.
        Set<UUID> runningHere = registry instanceof InFlightPublications tracked
                ? tracked.retryable(unclaimedBefore.plus(Duration.ofMinutes(1)))
                : Set.of();
        // Half the listener queue at most: the rest stays for new events, and this thread (the scheduler's) waits
        // for room only briefly.
        int limit = Math.max(1, properties.queueCapacity() / 2);
        List<UUID> claimed = transactions.execute(s -> {
            store.forgetCompleted();
            return store.claim(runningHere, started, properties.staleAfter(), limit);
        });
        if (claimed == null || claimed.isEmpty()) {
            return;
        }
        log.info("Running {} incomplete event publications again", claimed.size());
        Set<UUID> ids = new HashSet<>(claimed);
        incomplete.resubmitIncompletePublications(p -> ids.contains(p.getIdentifier()));
    }
}
