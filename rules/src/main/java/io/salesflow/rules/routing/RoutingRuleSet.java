package io.salesflow.rules.routing;

import java.util.List;

/** A tenant's routing rules, one version; leads no rule places go to {@code unassignedQueue}. */
public record RoutingRuleSet(String version, String unassignedQueue, List<RoutingRule> rules) {

    public static final String DEFAULT_UNASSIGNED_QUEUE = "unassigned";

    public RoutingRuleSet {
        unassignedQueue = unassignedQueue == null ? DEFAULT_UNASSIGNED_QUEUE : unassignedQueue;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
