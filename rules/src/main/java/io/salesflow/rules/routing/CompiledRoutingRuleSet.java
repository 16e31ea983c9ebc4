package io.salesflow.rules.routing;

import io.salesflow.rules.drl.Firings;
import io.salesflow.rules.facts.LeadFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/** One version of a routing rule set, compiled; immutable and safe to route with from many threads at once. */
public final class CompiledRoutingRuleSet {

    record RuleInfo(String team, int priority, int order) {}

    private final String version;
    private final String unassignedQueue;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;

    CompiledRoutingRuleSet(String version, String unassignedQueue, KieBase kieBase, Map<String, RuleInfo> rules) {
        this.version = version;
        this.unassignedQueue = unassignedQueue;
        this.kieBase = kieBase;
        this.rules = Map.copyOf(rules);
    }

    public String version() {
        return version;
    }

    public RoutingDecision route(LeadFacts lead) {
        List<Rule> fired = Firings.fire(kieBase, List.of(lead));
        List<RuleMatch> matches = fired.stream()
                .map(Rule::getName)
                .distinct()
                .sorted(Comparator.comparing((String name) -> -rules.get(name).priority())
                        .thenComparing(name -> rules.get(name).order()))
                .map(name -> new RuleMatch(
                        name, rules.get(name).team(), rules.get(name).priority()))
                .toList();
        if (matches.isEmpty()) {
            return new RoutingDecision(unassignedQueue, true, null, matches, version);
        }
        RuleMatch chosen = matches.get(0);
        return new RoutingDecision(chosen.team(), false, chosen, matches, version);
    }
}
