package io.salesflow.rules.scoring;

import io.salesflow.rules.facts.EngagementEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * One version of a scoring rule set, compiled. Immutable: many threads may score with it at once, each run in a
 * stateless session of its own, so swapping the reference to it swaps the whole rule set at once.
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
        ScoreCard card = new ScoreCard();
        List<Object> objects = new ArrayList<>(facts.events().size() + 2);
        objects.add(card);
        objects.add(facts.lead());
        for (EngagementEvent event : facts.events()) {
            EngagementFact fact = EngagementFact.of(event, facts.asOf());
            if (fact.ageSeconds() >= 0) {
                objects.add(fact);
            }
        }
        kieBase.newStatelessKieSession().execute(objects);
        List<FiredRule> fired = new ArrayList<>(card.fired().size());
        long raw = 0;
        for (String name : card.fired()) {
            RuleInfo info = rules.get(name);
            fired.add(new FiredRule(name, info.type(), info.points()));
            raw += info.points();
        }
        int score = ScoreResult.clamp(raw);
        return new ScoreResult(score, thresholds.of(score), raw, fired, version, facts.asOf());
    }
}
