package io.salesflow.rules.scoring;

import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.LeadFacts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Everything one scoring run looks at: the lead, its engagement, and the time "in the last N days" counts from. */
public record ScoringFacts(LeadFacts lead, List<EngagementEvent> events, Instant asOf) {

    public ScoringFacts {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(asOf, "asOf");
        events = events == null ? List.of() : List.copyOf(events);
    }
}
