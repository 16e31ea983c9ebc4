package io.salesflow.rules.routing;

import java.util.List;

/**
 * Where a lead goes and why. {@code chosen} is the winning rule, {@code null} when no rule matched: then
 * {@code unassigned} is true and {@code queue} is the rule set's unassigned queue (the engine raises a task for the
 * team's manager). {@code matches} lists every matching rule, the winner first.
 */
public record RoutingDecision(
        String queue, boolean unassigned, RuleMatch chosen, List<RuleMatch> matches, String ruleSetVersion) {

    public RoutingDecision {
        matches = List.copyOf(matches);
    }
}
