package io.salesflow.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Gauges of the incomplete event publications: {@code salesflow.events.incomplete} and
 * {@code salesflow.events.incomplete.oldest.age} (seconds since the oldest was published, 0 when none). They
 * read the database at most every few seconds, however often they are scraped.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final PublicationFailureStore store;
    private final AtomicReference<Reading> last = new AtomicReference<>();

    private record Reading(PublicationFailureStore.Backlog backlog, Instant at) {}

    EventPublicationMetrics(PublicationFailureStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("salesflow.events.incomplete", this, m -> m.backlog().incomplete())
                .description("Event publications whose listener has not completed")
                .register(registry);
        Gauge.builder("salesflow.events.incomplete.oldest.age", this, EventPublicationMetrics::oldestAgeSeconds)
                .description("Age of the oldest incomplete event publication")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant oldest = backlog().oldest();
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    private PublicationFailureStore.Backlog backlog() {
        Reading reading = last.get();
        if (reading == null || reading.at().plus(FRESH_FOR).isBefore(Instant.now())) {
            reading = new Reading(store.backlog(), Instant.now());
            last.set(reading);
        }
        return reading.backlog();
    }
}
