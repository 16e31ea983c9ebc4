package io.salesflow.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How after-commit listeners run and how failed ones are run again (docs/operations.md, "Background work").
 *
 * @param listenerThreads listeners running at once on a replica; each holds a pooled connection while it runs
 * @param queueCapacity listener runs queued or running before whoever publishes more events waits for room
 * @param retryInterval how often a replica looks for publications to run again
 * @param retryBackoff wait before the first retry of a failed listener; doubles with each further failure
 * @param retryBackoffMax longest wait between two retries
 * @param staleAfter age at which a publication that never failed and runs nowhere on this replica is run again
 *     (its replica went away); also how long a replica's claim on a publication it runs again holds
 */
@ConfigurationProperties("salesflow.events")
public record EventProperties(
        @DefaultValue("4") int listenerThreads,
        @DefaultValue("1000") int queueCapacity,
        @DefaultValue("10s") Duration retryInterval,
        @DefaultValue("10s") Duration retryBackoff,
        @DefaultValue("10m") Duration retryBackoffMax,
        @DefaultValue("10m") Duration staleAfter) {

    public EventProperties {
        if (listenerThreads < 1 || queueCapacity < listenerThreads) {
            throw new IllegalArgumentException("salesflow.events.listener-threads must be at least 1 and"
                    + " salesflow.events.queue-capacity at least as large");
        }
    }
}
