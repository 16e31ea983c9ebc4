package io.salesflow.rules.scoring;

import io.salesflow.rules.drl.Firings;
import io.salesflow.rules.facts.EngagementEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * One version of a scoring rule set, compiled. Immutable: many threads may score with it at once, each run in a
 * stateless session of its own, so swapping the reference to it swaps
 * the whole rule set at once.
 */
public final class CompiledScoringRuleSet {

    record RuleInfo(RuleType type, int points) {}

    private final String version;
    private final TemperatureThresholds thresholds;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final String drl;

    CompiledScoringRuleSet(
            String version,
            TemperatureThresholds thresholds,
            KieBase kieBase,
            Map<String, RuleInfo> rules,
            String drl) {
        this.version = version;
        this.thresholds = thresholds;
        this.kieBase = kieBase;
        this.rules = Map.copyOf(rules);
        this.drl = drl;
    }

    public String version() {
        return version;
    }

    public TemperatureThresholds thresholds() {
        return thresholds;
    }

    /** The DRL this rule set was compiled from (generated, or as uploaded). */
    public String drl() {
        return drl;
    }

    public int ruleCount() {
        return rules.size();
    }

    public ScoreResult score(ScoringFacts facts) {
        List<Object> objects = new ArrayList<>(facts.events().size() + 1);
        objects.add(facts.lead());
        for (EngagementEvent event : facts.events()) {
            EngagementFact fact = EngagementFact.of(event, facts.asOf());
            if (fact.ageSeconds() >= 0) {
                objects.add(fact);
            }
        }
        List<Rule> firings = Firings.fire(kieBase, objects);
        List<FiredRule> fired = new ArrayList<>(firings.size());
        long raw = 0;
        for (Rule rule : firings) {
            RuleInfo info = rules.get(rule.getName());
            fired.add(new FiredRule(rule.getName(), info.type(), info.points()));
            raw += info.points();
        }
        int score = ScoreResult.clamp(raw);
        return new ScoreResult(score, thresholds.of(score), raw, fired, version, facts.asOf());
    }
}
