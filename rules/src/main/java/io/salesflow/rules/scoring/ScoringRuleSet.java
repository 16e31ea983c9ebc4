package io.salesflow.rules.scoring;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A tenant's scoring rules as data, one version of them. {@code version} names this version in results and score
 * history; {@code thresholds} are {@link TemperatureThresholds#DEFAULT} when not given.
 */
public record ScoringRuleSet(String version, TemperatureThresholds thresholds, List<ScoringRule> rules) {

    public ScoringRuleSet {
        thresholds = thresholds == null ? TemperatureThresholds.DEFAULT : thresholds;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public ScoringRuleSet withVersion(String newVersion) {
        return new ScoringRuleSet(newVersion, thresholds, rules);
    }

    public ScoringRuleSet mapRules(UnaryOperator<ScoringRule> f) {
        return new ScoringRuleSet(version, thresholds, rules.stream().map(f).toList());
    }
}
