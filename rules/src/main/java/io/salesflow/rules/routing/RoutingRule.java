package io.salesflow.rules.routing;

import io.salesflow.rules.criteria.Condition;
import java.util.List;

/**
 * Sends a lead that meets all {@code conditions} (territory: country, region, postal-code range; segment: company
 * size, industry; product interest; language) to {@code team}. When several rules match, the highest
 * {@code priority} wins, then the earliest in the rule set. {@code active} is true when not given.
 */
public record RoutingRule(
        String name, String description, List<Condition> conditions, String team, int priority, Boolean active) {

    public RoutingRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        active = active == null || active;
    }
}
