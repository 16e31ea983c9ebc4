package io.salesflow.rules.scoring;

import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.LeadFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Leads and events for scoring tests. */
final class Leads {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private Leads() {}

    /** A lead that fires only "Business email domain" of the default rules on its own. */
    static LeadFacts.Builder neutral() {
        return LeadFacts.builder()
                .leadId("lead-1")
                .email("pat@example.org")
                .emailDomain("example.org")
                .title(null)
                .company("Example Ltd")
                .country("mx")
                .source("outbound")
                .status("new");
    }

    static EngagementEvent daysAgo(int days, EngagementType type) {
        return new EngagementEvent(type, NOW.minus(Duration.ofDays(days)), null);
    }

    static EngagementEvent daysAgo(int days, EngagementType type, String detail) {
        return new EngagementEvent(type, NOW.minus(Duration.ofDays(days)), detail);
    }

    static ScoringFacts facts(LeadFacts.Builder lead, EngagementEvent... events) {
        return new ScoringFacts(lead.build(), List.of(events), NOW);
    }
}
