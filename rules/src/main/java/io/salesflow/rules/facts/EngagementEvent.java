package io.salesflow.rules.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * One engagement of a lead. {@code detail} narrows it down where rules care: the form's key
 * ({@code demo_request}), the page ({@code pricing}); it is kept in {@link Text#normal} form.
 */
public record EngagementEvent(EngagementType type, Instant occurredAt, String detail) {

    public EngagementEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        detail = Text.normal(detail);
    }

    public static EngagementEvent of(EngagementType type, Instant occurredAt) {
        return new EngagementEvent(type, occurredAt, null);
    }
}
