package io.salesflow.routing;

import io.salesflow.rules.routing.RoutingRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A routing rule set version as the API shows it; {@code version} is the row version behind the ETag. */
public record RuleSetView(
        UUID id,
        int number,
        String status,
        String unassignedQueue,
        List<RoutingRule> rules,
        UUID createdBy,
        Instant createdAt,
        UUID activatedBy,
        Instant activatedAt,
        Instant retiredAt,
        long version) {

    static RuleSetView of(RuleSetVersion v) {
        var rules = v.rules();
        return new RuleSetView(
                v.getId(),
                v.number(),
                v.status().code(),
                rules.unassignedQueue(),
                rules.rules(),
                v.createdBy(),
                v.getCreatedAt(),
                v.activatedBy(),
                v.activatedAt(),
                v.retiredAt(),
                v.getVersion());
    }
}
