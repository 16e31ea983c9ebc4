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
 * session of its own, so swapping the reference to it swaps the whole rule set at once.
 */
public final class CompiledScoringRuleSet {

    record RuleInfo(RuleType type, int points) {}

    private final String version;
    private final TemperatureThresholds thresholds;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final String drl;
    /** Every rule starts with the lead's pattern (generated DRL), so leads may share a session one after another. */
    private final boolean leadScoped;

    CompiledScoringRuleSet(
            String version,
            TemperatureThresholds thresholds,
            KieBase kieBase,
            Map<String, RuleInfo> rules,
            String drl,
            boolean leadScoped) {
        this.version = version;
        this.thresholds = thresholds;
        this.kieBase = kieBase;
        this.rules = Map.copyOf(rules);
        this.drl = drl;
        this.leadScoped = leadScoped;
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
        return result(facts, Firings.fire(kieBase, facts(facts)));
    }

    /**
     * Scores many leads, each exactly as {@link #score} would, in one session one lead after another when the rules
     * allow it (rule sets compiled from data: a session per lead for uploaded DRL, whose rules may match without the
     * lead). Answers the results in the leads' order.
     */
    public List<ScoreResult> scoreAll(List<ScoringFacts> leads) {
        if (!leadScoped) {
            return leads.stream().map(this::score).toList();
        }
        List<List<Rule>> firings = Firings.fireEach(
                kieBase, leads.stream().map(CompiledScoringRuleSet::facts).toList());
        List<ScoreResult> results = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            results.add(result(leads.get(i), firings.get(i)));
        }
        return results;
    }

    private static List<Object> facts(ScoringFacts facts) {
        List<Object> objects = new ArrayList<>(facts.events().size() + 1);
        objects.add(facts.lead());
        for (EngagementEvent event : facts.events()) {
            EngagementFact fact = EngagementFact.of(event, facts.asOf());
            if (fact.ageSeconds() >= 0) {
                objects.add(fact);
            }
        }
        return objects;
    }

    private ScoreResult result(ScoringFacts facts, List<Rule> firings) {
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
