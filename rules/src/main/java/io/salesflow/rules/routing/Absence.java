package io.salesflow.rules.routing;

import java.time.Instant;

/** A period a rep is out of office: from {@code from} (included) until {@code until} (excluded). */
public record Absence(Instant from, Instant until) {

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
