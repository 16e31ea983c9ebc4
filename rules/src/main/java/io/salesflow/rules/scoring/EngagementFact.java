package io.salesflow.rules.scoring;

import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.EngagementType;
import java.time.Duration;
import java.time.Instant;

/**
 * An engagement event as the rules see it: its age in whole seconds at the scoring time, so rules say "in the last
 * 30 days" as {@code ageSeconds <= 2592000}. Events after the scoring time are not facts at all.
 */
public record EngagementFact(EngagementType type, String detail, long ageSeconds) {

    static EngagementFact of(EngagementEvent event, Instant asOf) {
        return new EngagementFact(
                event.type(),
                event.detail(),
                Duration.between(event.occurredAt(), asOf).getSeconds());
    }
}
